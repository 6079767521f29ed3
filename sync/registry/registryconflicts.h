#pragma once

#include "coreerror.h"
#include "principal.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

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

private:
    RegistryStore &m_store;
};
