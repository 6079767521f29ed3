#include "retriedchanges.h"

#include "outboxtriggers.h"
#include "pushbatch.h"
#include "searchtext.h"
#include "sqlitehandle.h"
#include "transaction.h"
#include "triggersoff.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace {
CoreError sqlFailure(const QSqlQuery &q)
{
    return {CoreError::Code::Sql, q.lastError().text()};
}

// The fields an entry (seq, op, old_json, new_json) changes, as the push sends them.
QStringList changedFields(const QSqlQuery &q)
{
    const QString op = q.value(1).toString();
    return PushBatch::fieldsFor(op, QJsonDocument::fromJson(q.value(2).toByteArray()).object(),
                                QJsonDocument::fromJson(q.value(3).toByteArray()).object())
        .keys();
}

struct Retried {
    qint64 seq = 0;
    QString entity, rowId;
    QStringList fields; // what the change changes (PushBatch::fieldsFor)
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
    q.prepare(QStringLiteral("SELECT seq, op, old_json, new_json, entity, row_id FROM outbox "
                             "WHERE %1 ORDER BY seq")
                  .arg(where));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return sqlFailure(q);
    QList<Retried> retried;
    while (q.next())
        retried.append({q.value(0).toLongLong(), q.value(4).toString(), q.value(5).toString(),
                        changedFields(q)});
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
        later.setForwardOnly(true);
        later.prepare(QStringLiteral("SELECT seq, op, old_json, new_json FROM outbox WHERE entity "
                                     "= ? AND row_id = ? AND seq > ?"));
        QSqlQuery put(db);
        for (const Retried &r : std::as_const(retried)) {
            // What the row's later entries change: those edits are newer.
            later.addBindValue(r.entity);
            later.addBindValue(r.rowId);
            later.addBindValue(r.seq);
            if (!later.exec())
                return sqlFailure(later);
            QSet<QString> newer;
            while (later.next())
                for (const QString &field : changedFields(later))
                    newer.insert(field);
            later.finish();
            const QStringList columns = synced.value(r.entity);
            for (const QString &field : r.fields) {
                if (!columns.contains(field) || newer.contains(field))
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
