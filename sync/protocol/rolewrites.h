#pragma once

#include <QString>

// Which entities a role may write, before any scope (province, clusters) is looked at. The
// registry authorises every change with it and then with the user's scope
// (RegistryStore::canWrite); a device uses it to send only what its user may write (a registry
// restored from a backup: RestoreRequeue).
class RoleWrites
{
public:
    // Reference data (administrative units, checklists): written by admins only.
    static bool isReference(const QString &entity);
    static bool mayWrite(const QString &role, const QString &entity);
};
