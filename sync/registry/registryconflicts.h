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

    // At most `limit`, the oldest first; *total: how many there are. Each with what its row
    // holds now (live_seq, live_deleted, and for a field live_value: see Live).
    // A read that fails gives an empty list and fills *error.
    QJsonArray conflicts(const Principal &who, bool includeResolved, int *total, int limit,
                         qsizetype maxBytes, CoreError *error) const;
    // `seenSeq` (-1: not given) is the live_seq the supervisor saw: when the row has changed
    // since, nothing is written and the error is Outdated, with what it holds now.
    CoreError resolveConflict(const Principal &who, const QString &id, const QString &choice,
                              const QJsonValue &value, bool hasValue, qint64 seenSeq,
                              QJsonObject *out);
    // Stores conflict `c` of row `rowId` of `entity`, made by `change` of device `deviceId` stored
    // at `seq` (the push's transaction), in `provinceId`/`clusterId`: its new id in *id. False,
    // and *error, on a storage error.
    bool record(const QString &entity, const QString &rowId, const ChangeMerger::Conflict &c,
                const PushChange &change, const QString &deviceId, qint64 seq,
                const QString &provinceId, const QString &clusterId, QString *id,
                QString *error) const;

private:
    // What a conflict's row holds now: for a conflict of one field, that field's value and the
    // sequence of its last write (a later write, or another conflict's resolution, may have
    // replaced the value the record kept as current); for one of a whole row (a delete against an
    // edit), the row's latest sequence. Both say whether the row is deleted.
    struct Live {
        qint64 seq = 0;
        QJsonValue value;
        bool deleted = false;
        qint64 deletedSeq = 0; // the last write of the row's deleted_at (deleted or restored)
    };
    Live liveOf(const QJsonObject &conflict) const;
    // Whether `who` may write `row` of `entity` where its scope puts it (RegistryScope, as a
    // push is judged): NotEditable with `refusal` if not; InvalidInput when the row belongs to
    // nothing stored; a read that fails says so.
    CoreError mayWrite(const Principal &who, const QString &entity, const QJsonObject &row,
                       const QString &refusal) const;
    static void insertLive(QJsonObject *conflict, const Live &live);

    RegistryStore &m_store;
};
