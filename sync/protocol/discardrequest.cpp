#include "discardrequest.h"

#include "protocolversion.h"
#include "strictjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {
// A table's name: lower-case letters, digits and '_', a letter first.
bool isTableName(const QJsonValue &v)
{
    static const QRegularExpression name(QStringLiteral("^[a-z][a-z0-9_]{0,63}$"));
    return v.isString() && name.match(v.toString()).hasMatch();
}
} // namespace

QByteArray DiscardRequest::toJson() const
{
    QJsonArray list;
    for (const Change &c : changes)
        list.append(QJsonObject{{QStringLiteral("change"), double(c.change)},
                                {QStringLiteral("entity"), c.entity},
                                {QStringLiteral("row_id"), c.rowId}});
    return QJsonDocument(QJsonObject{{QStringLiteral("protocol"), protocol},
                                     {QStringLiteral("changes"), list}})
        .toJson(QJsonDocument::Compact);
}

DiscardRequest DiscardRequest::fromJson(const QByteArray &json, QString *error)
{
    QJsonObject o;
    int protocol = 0;
    if (!StrictJson::object(json, &o, error) || !StrictJson::protocol(o, &protocol, error))
        return {};
    if (protocol != ProtocolVersion::current) {
        DiscardRequest other;
        other.protocol = protocol;
        return other;
    }
    if (!StrictJson::onlyMembers(o, {QStringLiteral("protocol"), QStringLiteral("changes")}, error))
        return {};
    const QJsonValue list = o.value(QLatin1String("changes"));
    if (!list.isArray() || list.toArray().isEmpty()) {
        *error = QStringLiteral("'changes' phải là một danh sách không rỗng");
        return {};
    }
    const QJsonArray changes = list.toArray();
    if (changes.size() > maxChanges) {
        *error = QStringLiteral("mỗi lần tối đa %1 thay đổi").arg(maxChanges);
        return {};
    }
    DiscardRequest out;
    out.protocol = protocol;
    // What is wrong with one entry of the list (empty: nothing).
    const auto problem = [](const QJsonValue &v) -> QString {
        if (!v.isObject())
            return QStringLiteral("phải là một đối tượng");
        const QJsonObject c = v.toObject();
        QString e;
        if (!StrictJson::onlyMembers(
                c, {QStringLiteral("change"), QStringLiteral("entity"), QStringLiteral("row_id")},
                &e))
            return e;
        if (!StrictJson::isCount(c.value(QLatin1String("change")), 1))
            return QStringLiteral("'change' phải là số nguyên dương");
        if (!isTableName(c.value(QLatin1String("entity"))))
            return QStringLiteral("'entity' phải là tên bảng: chữ thường, số và '_', tối đa 64 "
                                  "ký tự");
        if (!StrictJson::isName(c.value(QLatin1String("row_id")), 128))
            return QStringLiteral("'row_id' phải là chuỗi không rỗng, tối đa 128 ký tự");
        return {};
    };
    for (int i = 0; i < changes.size(); ++i) {
        if (const QString e = problem(changes.at(i)); !e.isEmpty()) {
            *error = QStringLiteral("thay đổi %1: %2").arg(i).arg(e);
            return {};
        }
        const QJsonObject c = changes.at(i).toObject();
        out.changes.append({qint64(c.value(QLatin1String("change")).toDouble()),
                            c.value(QLatin1String("entity")).toString(),
                            c.value(QLatin1String("row_id")).toString()});
    }
    return out;
}
