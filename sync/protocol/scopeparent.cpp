#include "scopeparent.h"

ScopeParent ScopeParent::of(const QString &entity, const QJsonObject &row)
{
    ScopeParent p;
    const auto ref = [&](const char *column) {
        return row.value(QLatin1String(column)).toString();
    };
    const auto parent = [&](const QString &parentEntity, const char *column) {
        p.kind = Kind::Row;
        p.entity = parentEntity;
        p.rowId = ref(column);
    };
    if (entity == QLatin1String("clusters"))
        p.kind = Kind::Own;
    else if (row.contains(QLatin1String("cluster_id")))
        parent(QStringLiteral("clusters"), "cluster_id");
    else if (entity == QLatin1String("progress_readings"))
        parent(QStringLiteral("infrastructure_items"), "item_id");
    else if (!ref("inspection_id").isEmpty())
        parent(QStringLiteral("inspections"), "inspection_id");
    else if (!ref("violation_id").isEmpty())
        parent(QStringLiteral("violations"), "violation_id");
    return p;
}
