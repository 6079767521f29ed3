#pragma once

#include "coreerror.h"

#include <QSqlDatabase>
#include <QStringList>
#include <QVariantList>

// The tablet's own changes that the registry stored with a conflict (device schema 13): the
// tablet then shows the value that won, and the user's value waits in the registry's conflict
// record for a supervisor. PushBatch keeps each such outbox entry here, in the transaction that
// takes it out of the outbox, so that its author is told on the sync page (never a silent
// overwrite) until they say they have read it.
class ConflictedChanges
{
public:
    explicit ConflictedChanges(const QSqlDatabase &db) : m_db(db) {}

    // Keeps the outbox entry `outboxSeq` (still in the outbox) with the registry's conflict
    // record ids; a second answer for the same entry changes nothing. In the caller's
    // transaction.
    static bool keep(QSqlDatabase db, qint64 outboxSeq, const QStringList &conflictIds, qint64 now,
                     QString *error);

    // Unread changes of the user logged in (or of no one known), newest first, at most `limit`:
    // seq, entity, rowId, op, fields (the names an update set, device clocks left out; none for
    // a new row or a delete), values (per field of `fields`: {field, mine, current}, the user's
    // value and the one the device's row holds now), deleted (the row is deleted now: a delete
    // that won, or the user's own), createdAt, answeredAt.
    QVariantList unread(int limit) const;
    int unreadCount() const;
    // All of them read (the user pressed "Đã hiểu"); `now` in ms.
    CoreError markRead(qint64 now);

private:
    QSqlDatabase m_db;
};
