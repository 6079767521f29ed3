#include "formreply.h"

QVariantMap FormReply::rowIn(const QVariantList &rows, const QString &id)
{
    for (const QVariant &v : rows)
        if (v.toMap().value(QStringLiteral("id")).toString() == id)
            return v.toMap();
    return {};
}

void FormReply::rememberShown(QVariantMap *shown, const QVariantMap &written,
                              const QVariantMap &toldOf)
{
    for (const QVariantMap *m : {&written, &toldOf})
        for (auto it = m->constBegin(); it != m->constEnd(); ++it)
            shown->insert(it.key(), it.value());
}

QVariantMap FormReply::changedUnderReply(const QString &id, const QVariantMap &errors)
{
    return {{QStringLiteral("ok"), false},
            {QStringLiteral("id"), id},
            {QStringLiteral("errors"), errors},
            {QStringLiteral("changedUnder"), true},
            {QStringLiteral("message"),
             tr("Các ô khác đã được lưu. Ô được đánh dấu đã được người khác sửa trong lúc bạn "
                "nhập.")}};
}

QString FormReply::changedUnderMessage(const QString &now)
{
    return tr("Trong lúc bạn sửa, ô này đã được cập nhật khi đồng bộ thành: “%1”. Nội dung bạn "
              "đang thấy chưa được lưu: hãy xem lại; lưu lần nữa sẽ ghi nội dung bạn đang thấy.")
        .arg(now.size() > 300 ? now.left(300) + QStringLiteral("…") : now);
}

QVariantMap FormReply::refused(const QString &message, const QVariantMap &errors)
{
    return {{QStringLiteral("ok"), false},
            {QStringLiteral("errors"), errors},
            {QStringLiteral("message"), message}};
}

QVariantMap FormReply::fieldsRefused(const QVariantMap &errors)
{
    return refused(tr("Hãy sửa các ô được đánh dấu đỏ."), errors);
}

QVariantMap FormReply::saved(const QString &id)
{
    QVariantMap reply{{QStringLiteral("ok"), true}, {QStringLiteral("errors"), QVariantMap()}};
    if (!id.isEmpty())
        reply.insert(QStringLiteral("id"), id);
    return reply;
}
