#pragma once

#include "changemerger.h"
#include "changeresult.h"
#include "coreerror.h"
#include "inspectionlock.h"
#include "principal.h"
#include "pushchange.h"

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <memory>
#include <optional>
#include <utility>

class RegistryStore;
struct sqlite3_stmt;

// RegistryStore's push (PROTOCOL.md, Push): each change checked, merged with the stored row
// (ChangeMerger), authorised (RegistryScope) and stored (RegistryRecords) with its outcome and
// conflict records, a whole batch in one transaction. RegistryStore::push says what a batch
// answers; it answers through this part.
class RegistryPush
{
public:
    explicit RegistryPush(RegistryStore &store) : m_store(store) {}

    // What one push batch has read and written, so each row and parent is read once.
    struct PushState {
        qint64 seq = 0; // the registry counter, written back at the end of the batch
        QHash<QString, ChangeMerger::Stored> rows;          // rowKey -> stored row
        QHash<QString, std::pair<QString, QString>> scopes; // rowKey -> (province, cluster)
        // rowKey -> whether the row is a tombstone, of rows named by the batch's rows and read
        // from the table (DependentRows; a row in `rows` is looked at there).
        QHash<QString, bool> tombstones;
        // rowKey -> who submitted an inspection (no device if not submitted), read from the
        // table; an inspection in `rows` is looked at there.
        QHash<QString, InspectionLock::Submission> submitted;
        // Written at the end of the batch, many rows per statement: the records the batch
        // changed (their final state is in `rows`), and its history rows.
        QSet<QString> dirty; // rowKeys
        // rowKey -> [seq, device] of a row the batch inserted: its meta, every name of the row but
        // id with that stamp, is not built in `rows` (there it is empty) unless a later change of
        // the batch loads the row (load() builds it then); its text is made from the row's names.
        QHash<QString, QJsonValue> stamps;
        QList<QVariantList> history; // one bind list per history row
        // rowKeys whose latest version in the batch the pushing device holds as it is (its last
        // change stored as sent): written as records.clean_device.
        QSet<QString> clean;
        // clusterSet() of the batch's principal when it is limited to clusters, worked out once (a
        // query per commune); dropped when the batch saves a cluster_units row, which may change
        // it.
        std::optional<QSet<QString>> clusters;
    };

    CoreError push(const Principal &who, const QList<PushChange> &changes,
                   QList<ChangeResult> *results);
    ChangeResult push(const Principal &who, const PushChange &change);
    // The batch being stored, else null: RegistryRecords and RegistryScope read and keep rows in
    // it, and RegistryStore counts the sequence in it.
    PushState *batch() const { return m_batch.get(); }
    static QString rowKey(const QString &entity, const QString &rowId);

private:
    bool prefetch(const QList<PushChange> &changes, qint64 through, QString *error);
    // One chunk of prefetch on SQLite: `st` bound with the entity and the ids, its rows read
    // through SQLite's own API.
    bool prefetchSqlite(sqlite3_stmt *st, const QString &entity, const QStringList &ids,
                        QString *error);
    // late: the change is numbered at or below the device's watermark and was not stored before
    // (ChangeMerger::NewerOwnFields).
    ChangeResult pushOne(const Principal &who, const PushChange &change, bool late,
                         QString *storageError);
    // Whether the device's own value of a field the change leaves out lost since the change's
    // base: a conflict record holds a value of `deviceId` for this row, stored after `baseSeq`,
    // of such a field or of the whole row (a delete or an edit against a delete). The device then
    // shows that value, not the registry's, and the row is not the device's as sent.
    bool lostOwnValue(const PushChange &change, const QString &deviceId, bool *lost,
                      QString *error) const;
    // An edit of the row by another device than `deviceId`, stored after the delete `change`'s
    // base, whose value lost a field conflict and waits in an open conflict record (it left no
    // stamp on the row): the stamp of its storing (seq 0: none). False on a storage error.
    bool lostEditSince(const PushChange &change, const QString &deviceId,
                       ChangeMerger::Stamp *found, QString *error) const;
    // Of a late change's fields, those the row holds from a change its device numbered after it:
    // the history of each field's last write by that device says which change wrote it.
    bool newerOwnFields(const ChangeMerger::Stored &stored, const PushChange &change,
                        const QString &deviceId, ChangeMerger::NewerOwnFields *out,
                        QString *error) const;

    // Keeps a change's outcome when it was not simply applied (push_outcomes): the same answer
    // for a replay, and for a refusal what supervisors read (RegistryRejections), counted and
    // timed on the registry's clock.
    bool recordOutcome(const Principal &who, const PushChange &change, const ChangeResult &result,
                       QString *error);

    RegistryStore &m_store;
    std::unique_ptr<PushState> m_batch; // set while a push batch is stored
};
