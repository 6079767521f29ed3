#include "pushchange.h"

#include <QJsonValue>
#include <QSet>

QJsonObject PushChange::toJson() const
{
    return {{QStringLiteral("change_id"), changeId},
            {QStringLiteral("entity"), entity},
            {QStringLiteral("row_id"), rowId},
            {QStringLiteral("op"), op},
            {QStringLiteral("base_seq"), double(baseSeq)},
            {QStringLiteral("fields"), fields}};
}

bool PushChange::isValidOp(const QString &op)
{
    return op == QLatin1String("insert") || op == QLatin1String("update") ||
           op == QLatin1String("delete");
}

PushChange PushChange::fromJson(const QJsonObject &o, QString *error)
{
    static const QSet<QString> known = {QStringLiteral("change_id"), QStringLiteral("entity"),
                                        QStringLiteral("row_id"),    QStringLiteral("op"),
                                        QStringLiteral("base_seq"),  QStringLiteral("fields")};
    PushChange c;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key())) {
            *error = QStringLiteral("trường '%1' không được chấp nhận trong thay đổi")
                         .arg(it.key().left(64));
            return c;
        }
    }
    const auto text = [&](const char *key, QString *out) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isString() || v.toString().isEmpty() || v.toString().size() > 128) {
            *error = QStringLiteral("'%1' phải là chuỗi không rỗng, tối đa 128 ký tự")
                         .arg(QLatin1String(key));
            return false;
        }
        *out = v.toString();
        return true;
    };
    if (!text("change_id", &c.changeId) || !text("entity", &c.entity) ||
        !text("row_id", &c.rowId) || !text("op", &c.op))
        return c;
    if (!isValidOp(c.op)) {
        *error = QStringLiteral("'op' phải là insert, update hoặc delete");
        return c;
    }
    const QJsonValue seq = o.value(QLatin1String("base_seq"));
    const double d = seq.toDouble(-1);
    if (!seq.isDouble() || d < 0 || d != double(qint64(d)) || d > 9007199254740991.0) {
        *error = QStringLiteral("'base_seq' phải là số nguyên không âm");
        return c;
    }
    c.baseSeq = qint64(d);
    const QJsonValue f = o.value(QLatin1String("fields"));
    if (!f.isObject()) {
        *error = QStringLiteral("'fields' phải là một đối tượng");
        return c;
    }
    c.fields = f.toObject();
    return c;
}
