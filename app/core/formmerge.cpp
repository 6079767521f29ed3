#include "formmerge.h"

bool FormMerge::same(const QVariant &a, const QVariant &b)
{
    const QString x = a.isNull() ? QString() : a.toString();
    const QString y = b.isNull() ? QString() : b.toString();
    return x.isEmpty() ? y.isEmpty() : x == y;
}

FormMerge::Result FormMerge::merge(const QVariantMap &form, const QVariantMap &loaded,
                                   const QVariantMap &now)
{
    Result r;
    for (auto it = form.constBegin(); it != form.constEnd(); ++it) {
        const QString &key = it.key();
        if (!loaded.contains(key)) {
            r.write.insert(key, it.value());
            continue;
        }
        const QVariant &was = loaded.value(key);
        if (same(it.value(), was))
            continue; // untouched here: the row keeps what it holds now
        const QVariant current = now.value(key);
        if (!same(current, was) && !same(current, it.value()))
            r.changedUnder.insert(key, current);
        else
            r.write.insert(key, it.value());
    }
    return r;
}

QVariantMap FormMerge::follow(const QVariantMap &form, QVariantMap *loaded, const QVariantMap &now)
{
    QVariantMap followed;
    for (auto it = form.constBegin(); it != form.constEnd(); ++it) {
        const QString &key = it.key();
        if (!loaded->contains(key) || !now.contains(key))
            continue;
        const QVariant was = loaded->value(key);
        const QVariant current = now.value(key);
        if (!same(it.value(), was) || same(current, was))
            continue;
        loaded->insert(key, current);
        followed.insert(key, current);
    }
    return followed;
}
