#include "rejecteddiscard.h"

#include "discardcascade.h"
#include "outboxtriggers.h"
#include "pushbatch.h"
#include "searchtext.h"
#include "syncmanager.h"
#include "transaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

namespace {
CoreError sqlError(const QSqlQuery &q)
{
    return {CoreError::Code::Sql,
            QObject::tr("Không bỏ được thay đổi bị từ chối: %1").arg(q.lastError().text())};
}

QJsonObject objectOf(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

QVariant sqlValue(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return int(v.toBool());
    case QJsonValue::Double: {
        const double d = v.toDouble();
        const qint64 i = qint64(d);
        return double(i) == d ? QVariant(i) : QVariant(d);
    }
    case QJsonValue::String:
        return v.toString();
    default:
        return QVariant(); // NULL (an object or array is never a column's value)
    }
}

QString quoted(const QSqlDatabase &db, const QString &name)
{
    return db.driver()->escapeIdentifier(name, QSqlDriver::FieldName);
}
} // namespace

CoreError RejectedDiscard::discard(QSqlDatabase db, qint64 outboxSeq, qint64 now)
{
    Transaction tx(db);
    if (!tx.active())
        return tx.beginError();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT entity, row_id, op, old_json, new_json FROM outbox WHERE "
                             "seq = ? AND rejected_code IS NOT NULL AND %1")
                  .arg(QLatin1String(SyncManager::ownEntries)));
    q.addBindValue(outboxSeq);
    if (!q.exec())
        return sqlError(q);
    if (!q.next())
        return {CoreError::Code::NotFound,
                QObject::tr("Không tìm thấy thay đổi bị từ chối này (có thể đã được gửi lại).")};
    const QString entity = q.value(0).toString();
    const QString rowId = q.value(1).toString();
    const QString op = q.value(2).toString();
    const QJsonObject oldRow = objectOf(q.value(3));
    const QJsonObject newRow = objectOf(q.value(4));
    q.finish();

    // What the row showed before this change, for each field it changed that no later change of
    // this tablet (waiting or refused) changed again: the later value is the one the user sees.
    QJsonObject revert;
    if (op == QLatin1String("insert")) {
        revert.insert(QStringLiteral("deleted_at"), double(now)); // the registry never had it
    } else {
        const QJsonObject changed = PushBatch::fieldsFor(QStringLiteral("update"), oldRow, newRow);
        for (auto it = changed.begin(); it != changed.end(); ++it)
            revert.insert(it.key(), oldRow.value(it.key()));
        // The other entries of this row, by `sql` with (entity, row_id, this entry's seq).
        const auto ofRow = [&](const char *sql) {
            q.prepare(QLatin1String(sql));
            q.addBindValue(entity);
            q.addBindValue(rowId);
            q.addBindValue(outboxSeq);
            return q.exec();
        };
        if (!ofRow("SELECT op, old_json, new_json FROM outbox WHERE entity = ? AND row_id = ? AND "
                   "seq > ?"))
            return sqlError(q);
        while (q.next()) {
            const QString laterOp = q.value(0).toString();
            const QJsonObject later = PushBatch::fieldsFor(
                laterOp == QLatin1String("delete") ? QStringLiteral("update") : laterOp,
                objectOf(q.value(1)), objectOf(q.value(2)));
            for (auto it = later.begin(); it != later.end(); ++it)
                revert.remove(it.key());
        }
        q.finish();
        // A value that came from a change given up before is passed over: the row shows what it
        // showed before that change too.
        if (!ofRow("SELECT old_json, new_json FROM discarded_changes WHERE entity = ? AND row_id "
                   "= ? AND seq < ? AND op <> 'insert' ORDER BY seq DESC"))
            return sqlError(q);
        while (q.next()) {
            const QJsonObject earlierOld = objectOf(q.value(0));
            const QJsonObject earlier =
                PushBatch::fieldsFor(QStringLiteral("update"), earlierOld, objectOf(q.value(1)));
            for (auto it = revert.begin(); it != revert.end(); ++it)
                if (earlier.contains(it.key()) && earlier.value(it.key()) == it.value())
                    it.value() = earlierOld.value(it.key());
        }
        q.finish();
    }
    // Only the table's own travelling columns are written (the entry's text names them), and
    // only those that still show this change's value: one a pull has brought since shows the
    // registry's.
    const QStringList columns = OutboxTriggers::syncedColumns(db, entity);
    QStringList names;
    for (auto it = revert.begin(); it != revert.end(); ++it)
        if (it.key() != QLatin1String("id") && columns.contains(it.key()))
            names << it.key();
    QStringList sets;
    QVariantList values;
    if (!names.isEmpty()) {
        QStringList read;
        for (const QString &n : std::as_const(names))
            read << quoted(db, n);
        q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?")
                      .arg(read.join(QStringLiteral(", ")), quoted(db, entity)));
        q.addBindValue(rowId);
        if (!q.exec())
            return sqlError(q);
        const bool found = q.next();
        for (int i = 0; found && i < names.size(); ++i) {
            const QJsonValue shown = QJsonValue::fromVariant(q.value(i));
            if (op != QLatin1String("insert") && shown != newRow.value(names.at(i)))
                continue;
            sets << quoted(db, names.at(i)) + QStringLiteral(" = ?");
            values << sqlValue(revert.value(names.at(i)));
        }
        q.finish();
    }

    // A new row given up goes with every change of it this user made on this tablet: sent, a
    // later one could only wait for a row the registry never has.
    const CoreError kept =
        op == QLatin1String("insert")
            ? keep(db,
                   QStringLiteral("entity = ? AND row_id = ? AND seq >= ? AND %1")
                       .arg(QLatin1String(SyncManager::ownEntries)),
                   {entity, rowId, outboxSeq}, now)
            : keep(db, QStringLiteral("seq = ?"), {outboxSeq}, now);
    if (kept.failed())
        return kept;
    if (!sets.isEmpty())
        if (const CoreError e = writeNotAsEdit(db, entity, rowId, sets, values); e.failed())
            return e;
    if (op == QLatin1String("insert"))
        if (const CoreError e = DiscardCascade::giveUp(db, entity, rowId, now); e.failed())
            return e;
    return tx.commit();
}

CoreError RejectedDiscard::keep(QSqlDatabase db, const QString &where, const QVariantList &binds,
                                qint64 now)
{
    QSqlQuery q(db);
    const auto run = [&](const QString &sql, const QVariantList &first) {
        q.prepare(sql.arg(where));
        for (const QVariant &v : first + binds)
            q.addBindValue(v);
        return q.exec();
    };
    if (!run(QStringLiteral("INSERT INTO refetch_rows(change_seq, entity, row_id) SELECT seq, "
                            "entity, row_id FROM outbox WHERE %1"),
             {}) ||
        !run(QStringLiteral("INSERT INTO discarded_changes(seq, entity, row_id, op, base_seq, "
                            "old_json, new_json, created_at, rejected_code, rejected_message, "
                            "author, discarded_at) SELECT seq, entity, row_id, op, base_seq, "
                            "old_json, new_json, created_at, rejected_code, rejected_message, "
                            "author, ? FROM outbox WHERE %1"),
             {now}) ||
        !run(QStringLiteral("DELETE FROM outbox WHERE %1"), {}))
        return sqlError(q);
    return {};
}

CoreError RejectedDiscard::writeNotAsEdit(QSqlDatabase db, const QString &entity,
                                          const QString &rowId, const QStringList &assignments,
                                          const QVariantList &values)
{
    // Nothing goes to the outbox (sync_flags.applying), as for a pulled row.
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("UPDATE sync_flags SET applying = 1")))
        return sqlError(q);
    QSqlQuery w(db);
    w.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?")
                  .arg(quoted(db, entity), assignments.join(QStringLiteral(", "))));
    for (const QVariant &v : values)
        w.addBindValue(v);
    w.addBindValue(rowId);
    const CoreError written = w.exec() ? CoreError() : sqlError(w);
    if (!q.exec(QStringLiteral("UPDATE sync_flags SET applying = 0")))
        return sqlError(q);
    if (written.failed())
        return written;
    if (SearchText::covers(entity))
        return SearchText::refresh(db, entity, rowId);
    return {};
}

int RejectedDiscard::newRowsGivenUpWith(const QSqlDatabase &db, qint64 outboxSeq, CoreError *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT entity, row_id FROM outbox WHERE seq = ? AND op = 'insert'"));
    q.addBindValue(outboxSeq);
    if (!q.exec()) {
        if (error)
            *error = sqlError(q);
        return 0;
    }
    if (!q.next())
        return 0;
    return DiscardCascade::count(db, q.value(0).toString(), q.value(1).toString(), error);
}

QList<RejectedDiscard::Row> RejectedDiscard::rowsToFetch(const QSqlDatabase &db, int limit,
                                                         CoreError *error)
{
    QList<Row> rows;
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "SELECT change_seq, entity, row_id FROM refetch_rows ORDER BY change_seq LIMIT ?"));
    q.addBindValue(qMax(0, limit));
    if (!q.exec()) {
        if (error)
            *error = sqlError(q);
        return rows;
    }
    while (q.next())
        rows.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    return rows;
}
