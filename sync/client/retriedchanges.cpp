#include "retriedchanges.h"

#include "outboxtriggers.h"
#include "searchtext.h"
#include "sqlitehandle.h"
#include "transaction.h"
#include "triggersoff.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace {
CoreError sqlFailure(const QSqlQuery &q)
{
    return {CoreError::Code::Sql, q.lastError().text()};
}

struct Retried {
    qint64 seq = 0;
    QString entity, rowId;
    QStringList fields; // what the change changes: every column of an insert
};
} // namespace

CoreError RetriedChanges::retry(QSqlDatabase db, const QString &where, const QVariantList &binds,
                                bool clearWaiting, int *count)
{
    Transaction tx(db);
    if (!tx.active())
        return tx.beginError();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT seq, entity, row_id, op, old_json, new_json FROM outbox "
                             "WHERE %1 ORDER BY seq")
                  .arg(where));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return sqlFailure(q);
    QList<Retried> retried;
    while (q.next()) {
        // An entry holds the whole row before and after (OutboxTriggers); the change is what
        // differs, as the push sends it.
        const bool insert = q.value(3).toString() == QLatin1String("insert");
        const QJsonObject before = QJsonDocument::fromJson(q.value(4).toByteArray()).object();
        const QJsonObject after = QJsonDocument::fromJson(q.value(5).toByteArray()).object();
        Retried r{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), {}};
        for (auto it = after.constBegin(); it != after.constEnd(); ++it)
            if (insert || before.value(it.key()) != it.value())
                r.fields << it.key();
        retried.append(r);
    }
    q.finish();
    if (count)
        *count = int(retried.size());
    if (retried.isEmpty())
        return {};
    const QHash<QString, QStringList> synced = OutboxTriggers::syncedColumns(db);
    QHash<QString, QStringList> touched; // entity -> rows given their values back
    {
        const TriggersOff off(SqliteHandle::of(db), true);
        QSqlQuery later(db);
        // A later entry of the row that changes the field (or inserts the row).
        later.prepare(QStringLiteral(
            "SELECT 1 FROM outbox WHERE entity = ? AND row_id = ? AND seq > ? AND (op = 'insert' "
            "OR json_extract(new_json, '$.\"' || ? || '\"') IS NOT "
            "json_extract(old_json, '$.\"' || ? || '\"')) LIMIT 1"));
        QSqlQuery put(db);
        for (const Retried &r : std::as_const(retried)) {
            const QStringList columns = synced.value(r.entity);
            for (const QString &field : r.fields) {
                if (!columns.contains(field) || field == QLatin1String("id"))
                    continue;
                later.bindValue(0, r.entity);
                later.bindValue(1, r.rowId);
                later.bindValue(2, r.seq);
                later.bindValue(3, field);
                later.bindValue(4, field);
                if (!later.exec())
                    return sqlFailure(later);
                const bool newer = later.next();
                later.finish();
                if (newer)
                    continue;
                // The value as the entry holds it (json_extract gives the SQL value the
                // trigger read from the row).
                put.prepare(QStringLiteral("UPDATE \"%1\" SET \"%2\" = (SELECT json_extract("
                                           "new_json, '$.\"%2\"') FROM outbox WHERE seq = ?) "
                                           "WHERE id = ?")
                                .arg(r.entity, field));
                put.addBindValue(r.seq);
                put.addBindValue(r.rowId);
                if (!put.exec())
                    return sqlFailure(put);
                touched[r.entity] << r.rowId;
            }
        }
    }
    // The search index follows the texts given back (it is kept by SearchText, not triggers).
    for (auto it = touched.begin(); it != touched.end(); ++it) {
        it->removeDuplicates();
        if (const CoreError e = SearchText::refresh(db, it.key(), it.value()); e.failed())
            return e;
    }
    q.prepare(QStringLiteral("UPDATE outbox SET rejected_code = NULL, rejected_message = NULL%1 "
                             "WHERE %2")
                  .arg(clearWaiting ? QStringLiteral(", waiting_since = NULL") : QString(), where));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return sqlFailure(q);
    return tx.commit();
}
