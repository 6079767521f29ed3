#pragma once

#include "changemerger.h"
#include "coreerror.h"
#include "principal.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

class PushChange;
class RegistryStore;

// RegistryStore's conflict records (table conflicts): listed for supervisors and resolved, the
// chosen value written through RegistryStore::writeRow. RegistryStore's API says what each does;
// it answers through this part.
class RegistryConflicts
{
public:
    explicit RegistryConflicts(RegistryStore &store) : m_store(store) {}

    // At most `limit`, the oldest first; *total: how many there are.
    QJsonArray conflicts(const Principal &who, bool includeResolved, int *total, int limit) const;
    CoreError resolveConflict(const Principal &who, const QString &id, const QString &choice,
                              const QJsonValue &value, bool hasValue, QJsonObject *out);
    // Stores conflict `c` of row `rowId` of `entity`, made by `change` of device `deviceId` stored
    // at `seq` (the push's transaction), in `provinceId`/`clusterId`: its new id in *id. False,
    // and *error, on a storage error.
    bool record(const QString &entity, const QString &rowId, const ChangeMerger::Conflict &c,
                const PushChange &change, const QString &deviceId, qint64 seq,
                const QString &provinceId, const QString &clusterId, QString *id,
                QString *error) const;

private:
    RegistryStore &m_store;
};
