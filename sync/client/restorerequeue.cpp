#include "restorerequeue.h"

#include "outboxtriggers.h"
#include "rolewrites.h"
#include "syncerrors.h"
#include "transaction.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace {
CoreError failure(const QSqlQuery &q)
{
    return SyncErrors::make(SyncErrors::Kind::Local, q.lastError().text());
}

// (sync_seq, entity, id, new_json) of every row of the tables above `:seq`, or pushed in a batch
// the registry stored above it and not pulled back since (pushed_unpulled), as one SELECT.
QString lostRows(const QHash<QString, QStringList> &synced, const QString &role)
{
    QStringList tables;
    for (auto it = synced.constBegin(); it != synced.constEnd(); ++it) {
        if (RoleWrites::mayWrite(role, it.key()))
            tables << it.key();
    }
    tables.sort(); // a fixed statement text
    QStringList selects;
    for (const QString &t : tables)
        selects << QStringLiteral("SELECT sync_seq, '%1' AS entity, id, %2 AS new_json FROM %1 "
                                  "AS r WHERE sync_seq > :seq OR id IN (SELECT row_id FROM "
                                  "pushed_unpulled WHERE entity = '%1' AND server_seq > :seq)")
                       .arg(t, OutboxTriggers::rowJson(synced.value(t), QStringLiteral("r")));
    return selects.join(QStringLiteral(" UNION ALL "));
}
} // namespace

CoreError RestoreRequeue::requeue(QSqlDatabase db, qint64 registrySeq, qint64 baseSeq,
                                  qint64 cursor, const QString &role, const QString &epoch,
                                  int *rows)
{
    const QHash<QString, QStringList> synced = OutboxTriggers::syncedColumns(db);
    const QString lost = lostRows(synced, role);
    Transaction tx(db);
    if (!tx.active())
        return SyncErrors::make(SyncErrors::Kind::Local, tx.beginError().message());
    QSqlQuery q(db);
    int queued = 0;
    if (!lost.isEmpty()) {
        // The rows are read once (each table scanned for sync_seq): their entries go, then the
        // new ones come from the same list.
        // Each row goes again as the work of the author of its pending entries (schema 009):
        // another user's first (made before a hand-over: it waits for them, never going up as
        // the work of whoever is logged in), none when it had none (whoever is logged in sends
        // it, as a pulled row's).
        q.prepare(QStringLiteral(
                      "CREATE TEMP TABLE requeue_rows AS SELECT l.*, (SELECT o.author FROM "
                      "outbox AS o WHERE o.entity = l.entity AND o.row_id = l.id AND "
                      "o.rejected_code IS NULL ORDER BY o.author IS NULL OR o.author = (SELECT "
                      "author FROM sync_flags), o.seq LIMIT 1) AS author FROM (%1) AS l")
                      .arg(lost));
        q.bindValue(QStringLiteral(":seq"), registrySeq);
        if (!q.exec())
            return failure(q);
        if (!q.exec(QStringLiteral("DELETE FROM outbox WHERE rejected_code IS NULL AND (entity, "
                                   "row_id) IN (SELECT entity, id FROM requeue_rows)")))
            return failure(q);
        q.prepare(QStringLiteral("INSERT INTO outbox(change_id, entity, row_id, op, base_seq, "
                                 "old_json, new_json, created_at, author) SELECT "
                                 "lower(hex(randomblob(16))), entity, id, 'insert', ?, NULL, "
                                 "new_json, ?, author FROM requeue_rows ORDER BY sync_seq"));
        q.addBindValue(baseSeq);
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
        if (!q.exec())
            return failure(q);
        queued = q.numRowsAffected();
        if (!q.exec(QStringLiteral("DROP TABLE temp.requeue_rows")))
            return failure(q);
    }
    {
        // Queued again (or not this user's to send): the registry lost them either way, and the
        // entries above the restore point say nothing of it any more.
        q.prepare(QStringLiteral("DELETE FROM pushed_unpulled WHERE server_seq > ?"));
        q.addBindValue(registrySeq);
        if (!q.exec())
            return failure(q);
    }
    // The changes given up on this tablet are named again: the backup may predate the notice of
    // some of them, and the registry would then list their refusals again for good (and look at
    // a late copy of one again).
    if (!q.exec(QStringLiteral("INSERT OR IGNORE INTO refetch_rows(change_seq, entity, row_id) "
                               "SELECT seq, entity, row_id FROM discarded_changes")))
        return failure(q);
    if (synced.contains(QStringLiteral("photos")) &&
        RoleWrites::mayWrite(role, QStringLiteral("photos"))) {
        q.prepare(QStringLiteral("UPDATE photo_transfers SET on_server = 0, uploaded_bytes = 0 "
                                 "WHERE sha256 IN (SELECT sha256 FROM photos WHERE sync_seq > ?)"));
        q.addBindValue(registrySeq);
        if (!q.exec())
            return failure(q);
    }
    q.prepare(QStringLiteral("INSERT INTO sync_state(key, value) VALUES ('pull_cursor', "
                             "CAST(? AS TEXT)) ON CONFLICT(key) DO UPDATE SET value = "
                             "excluded.value"));
    q.addBindValue(cursor);
    if (!q.exec())
        return failure(q);
    if (!epoch.isEmpty()) {
        q.prepare(QStringLiteral("INSERT INTO sync_state(key, value) VALUES ('registry_epoch', ?) "
                                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
        q.addBindValue(epoch);
        if (!q.exec())
            return failure(q);
    }
    if (const CoreError c = tx.commit(); c.failed())
        return SyncErrors::make(SyncErrors::Kind::Local, c.message());
    if (rows)
        *rows = queued;
    return {};
}
