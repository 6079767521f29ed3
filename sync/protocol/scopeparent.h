#pragma once

#include <QJsonObject>
#include <QString>

// The row a synced row takes its province and cluster from, as the registry judges a change
// (RegistryScope::scopeOf): a cluster is its own; a row with a cluster_id column belongs to that
// cluster, a progress reading to its infrastructure item, any other row to its inspection or,
// without one, to its violation. The registry refuses a change whose parent it does not hold as
// waiting for it (unknown_parent); a device that gives up a new row gives up with it the new
// rows it is the parent of (DiscardCascade), which the registry would refuse for good.
// Reference data (RoleWrites::isReference) has no scope and is not looked at here.
class ScopeParent
{
public:
    enum class Kind {
        Own,     // a cluster: its own province_id and id
        Row,     // the row `entity` `rowId` (which may be empty: the column is there, empty)
        Missing, // none of the columns above: the row belongs to nothing
    };
    Kind kind = Kind::Missing;
    QString entity;
    QString rowId;

    static ScopeParent of(const QString &entity, const QJsonObject &row);
};
