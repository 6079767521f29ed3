#pragma once

#include "coreerror.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantList>

// A change the registry refused, given up by the user who made it (device schema 11,
// PROTOCOL.md, Discards). Nothing of it is lost: the outbox entry moves, as it was, to
// discarded_changes. The row shows at once what it showed before that change, where no later
// change of this tablet replaced it (a refused new row becomes a tombstone: the registry never had
// it), and the next round fetches the registry's version of the row (refetch_rows), which also
// takes the change off the supervisors' list of refused changes.
class RejectedDiscard
{
public:
    // A row the next round fetches, for the discarded change `changeSeq`.
    struct Row {
        qint64 changeSeq = 0;
        QString entity;
        QString rowId;
    };

    // Gives up outbox entry `outboxSeq`, refused and made by the user logged in (or by no one
    // known: SyncManager::ownEntries), in one transaction. NotFound when there is no such entry;
    // `now` is the device clock (ms).
    // A refused new row given up takes with it the user's later changes of it on this tablet
    // (sent, they could only wait for a row the registry never has) and the new rows that cannot
    // exist without it (DiscardCascade), in the same transaction.
    static CoreError discard(QSqlDatabase db, qint64 outboxSeq, qint64 now);
    // How many new rows giving up entry `outboxSeq` would take with it (0 unless it is an insert).
    static int newRowsGivenUpWith(const QSqlDatabase &db, qint64 outboxSeq,
                                  CoreError *error = nullptr);
    // In the caller's transaction: the outbox entries `where` picks (SQL on outbox, with `binds`)
    // move, as they were, to discarded_changes, given up at `now`, and refetch_rows names each
    // (the registry takes those it refused off its list; one whose refusal's reply was lost waits
    // as unsent).
    static CoreError keep(QSqlDatabase db, const QString &where, const QVariantList &binds,
                          qint64 now);
    // Writes `assignments` ("column = ?", with `values`) to a row as no edit (nothing goes to the
    // outbox: sync_flags.applying, as for a pulled row), and its search text again.
    static CoreError writeNotAsEdit(QSqlDatabase db, const QString &entity, const QString &rowId,
                                    const QStringList &assignments, const QVariantList &values);
    // The rows still to fetch, oldest discard first, at most `limit`.
    static QList<Row> rowsToFetch(const QSqlDatabase &db, int limit, CoreError *error = nullptr);
};
