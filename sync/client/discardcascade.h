#pragma once

#include "coreerror.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlRecord>
#include <QString>

#include <utility>

// The new rows that cannot exist without a new row given up (RejectedDiscard): those whose
// NOT NULL reference names it (an inspection's answers, violations and participants; a
// cluster's tenants and inspections), those whose parent it is for the registry (ScopeParent: a
// photo of the inspection, or of the violation when the photo names no inspection), and theirs in
// turn, made on this tablet by the user logged in (SyncManager::ownEntries) and never stored by
// the registry (their insert is still in the outbox). Sent, each would be refused as waiting for
// its parent, for days, and then be given up one by one. Rows that only may name it otherwise
// (a photo of another inspection that names the violation; a violation's tenant) are left as
// they are: the registry takes them.
class DiscardCascade
{
public:
    // How many such rows there are, to say so before the user gives up (entity, rowId).
    static int count(const QSqlDatabase &db, const QString &entity, const QString &rowId,
                     CoreError *error = nullptr);
    // Gives them up in the caller's transaction, as RejectedDiscard gives up a new row: every
    // outbox entry of each row moves, as it was, to discarded_changes; the row becomes a
    // tombstone (not an edit: nothing goes to the outbox); its entries are named in refetch_rows
    // (the registry takes those it refused off its list of refused changes). `rows`: how many.
    static CoreError giveUp(QSqlDatabase db, const QString &entity, const QString &rowId,
                            qint64 now, int *rows = nullptr);

private:
    // (entity, row id) of each such row, parents before their children.
    static QList<std::pair<QString, QString>> rowsOf(const QSqlDatabase &db, const QString &entity,
                                                     const QString &rowId, CoreError *error);
    struct Reference {
        QString child;  // the table that names a row of the parent table
        QString column; // in this column
        bool required;  // NOT NULL
    };
    // parent table -> the references to it, over the synced tables.
    static QHash<QString, QList<Reference>> references(const QSqlDatabase &db, CoreError *error);
    // Whether the registry takes `parent` `parentId` for the parent of `child` `row` (the
    // row's columns, as read).
    static bool isParentOf(const QString &parent, const QString &parentId, const QString &child,
                           const QSqlRecord &row);
    static CoreError giveUpRow(QSqlDatabase db, const QString &entity, const QString &rowId,
                               qint64 now);
};
