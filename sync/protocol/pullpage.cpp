#include "pullpage.h"

#include <QJsonArray>
#include <QJsonDocument>

QByteArray PullPage::toJson() const
{
    QJsonArray list;
    for (const PulledRow &r : changes)
        list.append(QJsonObject{{QStringLiteral("seq"), double(r.seq)},
                                {QStringLiteral("entity"), r.entity},
                                {QStringLiteral("row_id"), r.rowId},
                                {QStringLiteral("deleted"), r.deleted},
                                {QStringLiteral("row"), r.row}});
    return QJsonDocument(QJsonObject{{QStringLiteral("protocol"), protocol},
                                     {QStringLiteral("changes"), list},
                                     {QStringLiteral("next"), double(next)},
                                     {QStringLiteral("more"), more}})
        .toJson(QJsonDocument::Compact);
}

PullPage PullPage::fromJson(const QByteArray &json, QString *error)
{
    PullPage p;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    const QJsonObject o = doc.object();
    if (pe.error != QJsonParseError::NoError || !o.value(QLatin1String("changes")).isArray() ||
        !o.value(QLatin1String("next")).isDouble() || !o.value(QLatin1String("more")).isBool()) {
        *error = QStringLiteral("malformed pull page");
        return p;
    }
    p.protocol = o.value(QLatin1String("protocol")).toInt();
    p.next = qint64(o.value(QLatin1String("next")).toDouble());
    p.more = o.value(QLatin1String("more")).toBool();
    for (const QJsonValue &v : o.value(QLatin1String("changes")).toArray()) {
        const QJsonObject c = v.toObject();
        PulledRow r;
        r.seq = qint64(c.value(QLatin1String("seq")).toDouble());
        r.entity = c.value(QLatin1String("entity")).toString();
        r.rowId = c.value(QLatin1String("row_id")).toString();
        r.deleted = c.value(QLatin1String("deleted")).toBool();
        r.row = c.value(QLatin1String("row")).toObject();
        if (r.seq <= 0 || r.entity.isEmpty() || r.rowId.isEmpty()) {
            *error = QStringLiteral("malformed row in pull page");
            return {};
        }
        p.changes.append(r);
    }
    return p;
}
