#include "registryrecords.h"

#include "compactjson.h"
#include "registrypush.h"
#include "registrysql.h"
#include "registrystore.h"
#include "syncschema.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QVarLengthArray>

#include <sqlite3.h>

namespace {
// The records and history rows, as writeRows() takes them.
const QString kRecordsHead = QStringLiteral(
    "INSERT INTO records (entity, row_id, seq, deleted, row_json, field_meta, province_id, "
    "cluster_id, sha256, clean_device) VALUES ");
const QString kRecordsTail = QStringLiteral(
    " ON CONFLICT (entity, row_id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, "
    "row_json = excluded.row_json, field_meta = excluded.field_meta, province_id = "
    "excluded.province_id, cluster_id = excluded.cluster_id, sha256 = excluded.sha256, "
    "clean_device = excluded.clean_device");
const QString kHistoryHead =
    QStringLiteral("INSERT INTO history (seq, change_id, entity, row_id, op, device_id, user_id, "
                   "base_seq, fields, status, stored_at) VALUES ");

QString serverDevice(const QString &origin)
{
    return QStringLiteral("registry:") + origin;
}
} // namespace

QVariantList RegistryRecords::recordRow(const QString &entity, const QString &rowId, qint64 seq,
                                        const QJsonObject &row, const QJsonObject &meta,
                                        const QString &provinceId, const QString &clusterId,
                                        const QJsonValue *stamp, const QString &cleanDevice)
{
    const QString sha = entity == QLatin1String("photos")
                            ? row.value(QLatin1String("sha256")).toString()
                            : QString();
    return {entity,
            rowId,
            seq,
            ChangeMerger::isTombstone(row) ? 1 : 0,
            CompactJson::object(row),
            stamp ? ChangeMerger::oneStampMeta(*stamp) : CompactJson::object(meta),
            RegistrySql::nullable(provinceId),
            RegistrySql::nullable(clusterId),
            RegistrySql::nullable(sha),
            RegistrySql::nullable(cleanDevice)};
}

ChangeMerger::Stored RegistryRecords::load(const QString &entity, const QString &rowId,
                                           QString *error) const
{
    RegistryPush::PushState *const batch = m_store.m_push.batch();
    if (batch) {
        const QString key = RegistryPush::rowKey(entity, rowId);
        const auto it = batch->rows.find(key);
        if (it != batch->rows.end()) {
            const auto stamp = batch->stamps.constFind(key);
            if (stamp != batch->stamps.constEnd()) {
                // A row the batch inserted, changed again: its meta is built now.
                for (auto f = it->row.constBegin(); f != it->row.constEnd(); ++f)
                    if (f.key() != QLatin1String("id"))
                        it->meta.insert(f.key(), *stamp);
                batch->stamps.erase(stamp);
            }
            return *it;
        }
    }
    ChangeMerger::Stored st;
    QSqlQuery *q = m_store.statement(
        QStringLiteral(
            "SELECT row_json, field_meta, seq FROM records WHERE entity = ? AND row_id = ?"),
        {entity, rowId}, error);
    if (q && q->next()) {
        st.exists = true;
        st.row = RegistrySql::parseObject(q->value(0).toString());
        st.meta = ChangeMerger::metaOf(RegistrySql::parseObject(q->value(1).toString()), st.row);
        st.seq = q->value(2).toLongLong();
    }
    if (q)
        q->finish();
    return st;
}

std::optional<QJsonObject> RegistryRecords::row(const QString &entity, const QString &rowId) const
{
    const ChangeMerger::Stored st = load(entity, rowId);
    if (!st.exists)
        return std::nullopt;
    return st.row;
}

QList<QJsonObject> RegistryRecords::rowsInProvince(const QString &entity, const QString &provinceId,
                                                   CoreError *error) const
{
    QList<QJsonObject> out;
    QString why;
    QSqlQuery *q = m_store.statement(
        QStringLiteral("SELECT row_json FROM records WHERE entity = ? AND province_id = ? AND "
                       "deleted = 0 ORDER BY row_id"),
        {entity, provinceId}, &why);
    if (!q) {
        *error = RegistrySql::readFailed(why);
        return out;
    }
    while (q->next())
        out << RegistrySql::parseObject(q->value(0).toString());
    q->finish();
    return out;
}

bool RegistryRecords::saveRecord(const QString &entity, const QString &rowId, qint64 seq,
                                 const QJsonObject &row, const QJsonObject &meta,
                                 const RegistryScope::Scope &scope, QString *error,
                                 const QJsonValue &stamp, bool asSent)
{
    RegistryPush::PushState *const batch = m_store.m_push.batch();
    if (batch) {
        // A push batch keeps the row and writes it at its end (push() -> writeRows), once even if
        // the batch changes it several times; the batch's own reads find it in rows and scopes.
        const QString key = RegistryPush::rowKey(entity, rowId);
        batch->rows.insert(key, {true, row, meta, seq});
        batch->scopes.insert(key, {scope.provinceId, scope.clusterId});
        batch->dirty.insert(key);
        if (stamp.isArray())
            batch->stamps.insert(key, stamp);
        else
            batch->stamps.remove(key);
        if (asSent)
            batch->clean.insert(key);
        else
            batch->clean.remove(key);
    } else if (!writeRecords(
                   {recordRow(entity, rowId, seq, row, meta, scope.provinceId, scope.clusterId)},
                   error)) {
        return false;
    }
    if (entity == QLatin1String("cluster_units")) {
        if (batch)
            batch->clusters.reset(); // the batch's principal may now see other clusters
        return m_store.statement(
                   QStringLiteral(
                       "INSERT INTO cluster_communes (link_id, cluster_id, unit_id, deleted) "
                       "VALUES (?, ?, ?, ?) ON CONFLICT (link_id) DO UPDATE SET "
                       "cluster_id = excluded.cluster_id, unit_id = excluded.unit_id, "
                       "deleted = excluded.deleted"),
                   {rowId, row.value(QLatin1String("cluster_id")).toString(),
                    row.value(QLatin1String("unit_id")).toString(),
                    ChangeMerger::isTombstone(row) ? 1 : 0},
                   error) != nullptr;
    }
    return true;
}

bool RegistryRecords::insertHistory(qint64 seq, const QString &changeId, const QString &entity,
                                    const QString &rowId, const QString &op, const QString &device,
                                    const QString &userId, qint64 baseSeq,
                                    const QJsonObject &fields, const QString &status,
                                    QString *error)
{
    QVariantList row{seq,
                     changeId,
                     entity,
                     rowId,
                     op,
                     device,
                     RegistrySql::nullable(userId),
                     baseSeq,
                     CompactJson::object(fields),
                     status,
                     RegistrySql::now()};
    RegistryPush::PushState *const batch = m_store.m_push.batch();
    if (batch) {
        batch->history << std::move(row); // written at the end of the batch
        return true;
    }
    return writeHistory({row}, error);
}

CoreError RegistryRecords::writeRow(const QString &entity, const QString &rowId,
                                    const QJsonObject &fields, const QString &origin,
                                    const QString &userId, qint64 *seqOut)
{
    if (!m_store.schema().hasTable(entity))
        return {CoreError::Code::InvalidInput,
                QObject::tr("'%1' không phải bảng được đồng bộ.").arg(entity)};
    // The stored row is read inside the write transaction: on SQLite nothing else (a push to the
    // running server while a CLI import writes) can change it before this write.
    QSqlDatabase db = m_store.connection();
    const bool own = !m_store.m_inBatch;
    if (QString why; own && !m_store.beginWrite(db, &why))
        return {CoreError::Code::Sql, why};
    const auto fail = [&](CoreError::Code code, const QString &why) {
        if (own)
            db.rollback();
        return CoreError(code, why);
    };
    QString readError;
    ChangeMerger::Stored stored = load(entity, rowId, &readError);
    if (!readError.isEmpty())
        return fail(CoreError::Code::Sql, readError);
    QJsonObject row = stored.row;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!m_store.schema().hasColumn(entity, it.key()))
            continue; // columns the device schema does not carry (e.g. search_text) stay out
        row.insert(it.key(), it.value());
    }
    row.insert(QStringLiteral("id"), rowId);
    QString error = m_store.schema().validateRow(entity, row);
    if (!error.isEmpty())
        return fail(CoreError::Code::InvalidInput, error);
    const RegistryScope::Scope scope = m_store.m_scope.scopeOf(entity, row);
    if (!scope.storageError.isEmpty())
        return fail(CoreError::Code::Sql, scope.storageError);
    if (!scope.error.isEmpty() && !RegistryScope::isReferenceEntity(entity))
        return fail(CoreError::Code::InvalidInput, scope.error);
    const qint64 seq = m_store.nextSeq(&error);
    const QString device = serverDevice(origin);
    QJsonObject meta = stored.meta;
    for (auto it = row.begin(); it != row.end(); ++it)
        if (it.key() != QLatin1String("id") &&
            (!stored.exists || stored.row.value(it.key()) != it.value()))
            meta.insert(it.key(), QJsonArray{double(seq), device});
    const bool ok =
        seq > 0 && saveRecord(entity, rowId, seq, row, meta, scope, &error) &&
        insertHistory(seq, QStringLiteral("registry-%1").arg(seq), entity, rowId,
                      stored.exists ? QStringLiteral("update") : QStringLiteral("insert"), device,
                      userId, stored.seq, fields, QStringLiteral("applied"), &error);
    if (!ok)
        return fail(CoreError::Code::Sql, error);
    if (own && !db.commit())
        return {CoreError::Code::Sql, db.lastError().text()};
    if (own)
        m_store.committed();
    if (seqOut)
        *seqOut = seq;
    return {};
}

bool RegistryRecords::writeRecords(const QList<QVariantList> &rows, QString *error)
{
    return writeRows(kRecordsHead, rows, kRecordsTail, error);
}

bool RegistryRecords::writeHistory(const QList<QVariantList> &rows, QString *error)
{
    return writeRows(kHistoryHead, rows, QString(), error);
}

bool RegistryRecords::writeRows(const QString &head, const QList<QVariantList> &rows,
                                const QString &tail, QString *error)
{
    if (rows.isEmpty())
        return true;
    const QString one =
        QLatin1Char('(') + RegistrySql::marks(rows.first().size()) + QLatin1Char(')');
    if (m_store.m_sqlite)
        return writeRowsSqlite(head + one + tail, rows, error);
    // PostgreSQL: many rows per statement, one statement per 256 rows instead of one per row (each
    // statement is a round trip). The rest after the full chunks goes in chunks of powers of two,
    // so that at most nine statements per table are ever prepared. JSON texts (UTF-8 bytes) are
    // bound as text.
    constexpr int chunk = 256;
    for (qsizetype from = 0, n = 0; from < rows.size(); from += n) {
        n = chunk;
        while (n > rows.size() - from)
            n /= 2;
        QStringList values;
        QVariantList binds;
        for (qsizetype k = from; k < from + n; ++k) {
            values << one;
            for (const QVariant &v : rows.at(k))
                binds << (v.typeId() == QMetaType::QByteArray
                              ? QVariant(QString::fromUtf8(v.toByteArray()))
                              : v);
        }
        if (!m_store.statement(head + values.join(QLatin1Char(',')) + tail, binds, error))
            return false;
    }
    return true;
}

bool RegistryRecords::writeRowsSqlite(const QString &sql, const QList<QVariantList> &rows,
                                      QString *error)
{
    // SQLite: one prepared single-row statement run once per row, bound through SQLite's own API:
    // no SQL text to parse for each chunk and no QtSql binding per value, and the JSON texts go
    // in as the UTF-8 bytes they are (through a QString they would be converted to UTF-16 and
    // back). A savepoint keeps the rows of one call all-or-nothing, as one statement was.
    sqlite3_stmt *st = m_store.m_sqliteStatements.prepare(sql);
    if (!st) {
        *error = m_store.m_sqliteStatements.lastError();
        return false;
    }
    const auto failed = [&] {
        *error = QString::fromUtf8(sqlite3_errmsg(m_store.m_sqlite));
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        sqlite3_exec(m_store.m_sqlite, "ROLLBACK TO ccn_rows; RELEASE ccn_rows", nullptr, nullptr,
                     nullptr);
        return false;
    };
    if (sqlite3_exec(m_store.m_sqlite, "SAVEPOINT ccn_rows", nullptr, nullptr, nullptr) !=
        SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(m_store.m_sqlite));
        return false;
    }
    QVarLengthArray<QByteArray, 16> utf8; // the UTF-8 of one row's texts, bound until its step
    for (const QVariantList &row : rows) {
        utf8.clear();
        for (int i = 0; i < row.size(); ++i) {
            if (RegistrySql::bindVariant(st, i + 1, row.at(i), &utf8) != SQLITE_OK)
                return failed();
        }
        if (sqlite3_step(st) != SQLITE_DONE)
            return failed();
        sqlite3_reset(st);
    }
    sqlite3_clear_bindings(st);
    if (sqlite3_exec(m_store.m_sqlite, "RELEASE ccn_rows", nullptr, nullptr, nullptr) !=
        SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(m_store.m_sqlite));
        return false;
    }
    return true;
}
