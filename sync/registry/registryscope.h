#pragma once

#include "coreerror.h"
#include "principal.h"

#include <QJsonObject>
#include <QSet>
#include <QString>

#include <optional>

class RegistryStore;

// RegistryStore's scope rules: the province and cluster a stored row belongs to, and whether a
// principal may read or write rows there (and photos of such rows). RegistryStore's API says what
// its scope checks do; it answers through this part, as do the push, the pull and writeRow.
class RegistryScope
{
public:
    explicit RegistryScope(const RegistryStore &store) : m_store(store) {}

    struct Scope {
        QString provinceId;
        QString clusterId;
        QString error;        // why the row has no scope (a refusal: its parent is not stored)
        QString storageError; // the parent could not be read (not a refusal: nothing is known)
    };
    Scope scopeOf(const QString &entity, const QJsonObject &row) const;
    // The clusters `who` works in (nullopt: the whole province). A commune's clusters that
    // cannot be read fill *error; the set then lacks them, so a caller that passes no error
    // refuses or hides more, never less.
    std::optional<QSet<QString>> clusterSet(const Principal &who, QString *error = nullptr) const;
    bool canRead(const Principal &who, const QString &provinceId, const QString &clusterId) const;
    bool canWrite(const Principal &who, const QString &entity, const QString &provinceId,
                  const QString &clusterId) const;
    // What `who` may do with the photo `sha256`: upload it (some record they may write names it),
    // only fetch it (some record they may read), or nothing. None, and *error filled, when the
    // database cannot be read.
    enum class PhotoAccess { None, See, Upload };
    PhotoAccess photoAccess(const Principal &who, const QString &sha256, CoreError *error) const;
    CoreError checkProvince(const QString &id) const;
    CoreError checkCluster(const QString &id, const QString &provinceId) const;
    // A live commune (admin_units, level commune) whose parents lead to `provinceId`.
    CoreError checkCommune(const QString &id, const QString &provinceId) const;
    static bool isReferenceEntity(const QString &entity);

private:
    // The stored row, unless it is absent or a tombstone; a failed read fills *error.
    std::optional<QJsonObject> liveRow(const QString &entity, const QString &id,
                                       CoreError *error) const;

    const RegistryStore &m_store;
};
