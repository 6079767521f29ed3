#pragma once

#include "changemerger.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

class RegistryStore;
class PushChange;

// An edit against a delete across rows (PROTOCOL.md, "A delete and the work under it"). A row
// names the rows it belongs to through its foreign keys (SyncSchema::references: an answer or a
// violation its inspection, a photo its inspection and violation, an inspection its cluster).
// - A delete of a row that live rows of another device name, written after what the deleting
//   device had seen (the change's base_seq), would hide that work: the row stays alive and the
//   delete is a delete_vs_edit conflict record (ChangeMerger::keptAlive).
// - A row written under a row that another device deleted is stored, and the deleted row gets an
//   edit_vs_delete conflict record with nothing to write but its return (resolved `incoming`, the
//   row is alive again with the work under it): one open record per deleted row and device.
// Reference data (written by admins) is not looked at.
class DependentRows
{
public:
    explicit DependentRows(RegistryStore &store) : m_store(store) {}

    using Stamp = ChangeMerger::Stamp; // seq 0: none
    // A live row in cluster `clusterId` naming row `rowId` of `entity` that a device other than
    // `deviceId` wrote after `baseSeq`: the stamp of that write. False on a storage error.
    bool writtenSince(const QString &entity, const QString &rowId, const QString &clusterId,
                      qint64 baseSeq, const QString &deviceId, Stamp *found, QString *error) const;

    struct Parent {
        QString entity; // empty: none
        QString rowId;
        QJsonValue deletedAt;
        Stamp deletion;
        // The deleted row's own province and cluster, where its conflict record is filed (the
        // row under it may lie elsewhere: its references are not all its scope).
        QString provinceId;
        QString clusterId;
    };
    // The first row that `row` (of `entity`) names and that a device other than `deviceId`
    // deleted. False on a storage error.
    bool deletedParent(const QString &entity, const QJsonObject &row, const QString &deviceId,
                       Parent *found, QString *error) const;

    // The open conflict record of `deviceId`'s work under `parent` (the change `change`, stored
    // at `seq`), made now if there is none, in the parent's province and cluster: its id in *id.
    bool recordWorkUnder(const Parent &parent, const PushChange &change, const QString &deviceId,
                         qint64 seq, QString *id, QString *error) const;

private:
    // Whether row `rowId` of `entity` is a tombstone (as the batch being stored has it).
    bool isTombstone(const QString &entity, const QString &rowId, bool *deleted,
                     QString *error) const;
    RegistryStore &m_store;
};
