#include "registrystore.h"

#include "compactjson.h"
#include "migrator.h"
#include "postgresdump.h"
#include "registrysql.h"
#include "seqwatermark.h"
#include "sqlitehandle.h"
#include "syncschema.h"
#include "uuid7.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QVarLengthArray>

#include <sodium.h>
#include <sqlite3.h>

namespace {
QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(CompactJson::object(o));
}

// A text column of a statement stepped through SQLite's own API, read as QtSql reads it (UTF-16).
QString textColumn(sqlite3_stmt *st, int column)
{
    const auto *utf16 = static_cast<const QChar *>(sqlite3_column_text16(st, column));
    return QString(utf16, sqlite3_column_bytes16(st, column) / qsizetype(sizeof(QChar)));
}

// parseObject(textColumn(st, column)) without the trip through UTF-16: the column's UTF-8 bytes
// as they are, unless they are not valid UTF-8 (half a UTF-16 pair stored by an old registry).
QJsonObject parseColumn(sqlite3_stmt *st, int column)
{
    const char *text = reinterpret_cast<const char *>(sqlite3_column_text(st, column));
    const QByteArrayView utf8(text, sqlite3_column_bytes(st, column));
    if (utf8.isValidUtf8())
        return QJsonDocument::fromJson(QByteArray::fromRawData(utf8.data(), utf8.size())).object();
    return RegistrySql::parseObject(textColumn(st, column));
}

QString boxed(const QJsonValue &v)
{
    return compact(QJsonObject{{QStringLiteral("v"), v}});
}

// Whether the pushing device's row is `row` once `change` is stored: every field but id is one the
// change carried, with this value, or one it did not carry that the device had seen (stamped at or
// before the change's base_seq, the version the device edited) or wrote itself. A carried field
// the registry kept another value of (a conflict, an updated_at not taken), a field another device
// wrote since, or one without a stamp, is not.
bool heldAsSent(const QJsonObject &row, const QJsonObject &meta, const PushChange &change,
                const QString &device)
{
    for (auto it = row.begin(); it != row.end(); ++it) {
        if (it.key() == QLatin1String("id"))
            continue;
        const auto sent = change.fields.constFind(it.key());
        if (sent != change.fields.constEnd()) {
            if (*sent == *it)
                continue;
            return false; // the device has the value it sent, the registry kept another
        }
        const QJsonArray stamp = meta.value(it.key()).toArray();
        if (stamp.size() != 2 ||
            (stamp.at(1).toString() != device && qint64(stamp.at(0).toDouble()) > change.baseSeq))
            return false;
    }
    return true;
}

} // namespace

RegistryStore::RegistryStore()
{
    static QAtomicInt counter;
    m_connection = QStringLiteral("ccn-registry-%1").arg(counter.fetchAndAddOrdered(1));
}

RegistryStore::~RegistryStore()
{
    close();
}

QSqlDatabase RegistryStore::connection() const
{
    return QSqlDatabase::database(m_connection, false);
}

void RegistryStore::close()
{
    if (m_watermarkBehind)
        writeWatermark();
    m_watermark.reset();
    m_statements.clear();
    m_ownedStatements.clear();
    m_sqliteStatements.setConnection(nullptr);
    m_sqlite = nullptr;
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = connection();
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

CoreError RegistryStore::open(const QString &dataDir, const QString &databaseUrl)
{
    if (sodium_init() < 0)
        return {CoreError::Code::DatabaseOpen,
                QObject::tr("Không khởi động được libsodium; hãy cài lại ccn-registry.")};
    m_schema = std::make_unique<SyncSchema>();
    if (!m_schema->isValid())
        return {CoreError::Code::DatabaseOpen,
                QObject::tr("Không đọc được lược đồ dữ liệu thiết bị: %1").arg(m_schema->error())};
    if (databaseUrl.isEmpty()) {
        if (dataDir.isEmpty() || !QDir().mkpath(dataDir))
            return {CoreError::Code::DatabaseOpen,
                    QObject::tr("Không dùng được thư mục dữ liệu '%1'. Hãy cho --data-dir một "
                                "thư mục mà người dùng này được ghi.")
                        .arg(dataDir)};
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(QDir(dataDir).filePath(QStringLiteral("registry.sqlite")));
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            return {CoreError::Code::DatabaseOpen,
                    QObject::tr("Không mở được cơ sở dữ liệu trong '%1': %2. Hãy kiểm tra quyền "
                                "ghi của thư mục.")
                        .arg(dataDir, db.lastError().text())};
        QSqlQuery q(db);
        for (const char *p :
             {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON",
              // A push batch (thousands of changes: records, history and their indexes)
              // outgrows the default 2 MB page cache, which then spills pages to the WAL in
              // the middle of the transaction and writes them again at commit.
              "PRAGMA cache_size = -65536",
              // Reads of pages outside that cache through a memory map instead of a read() each:
              // a 10-change push against a registry of 100,000 inspections touches a few hundred
              // such pages (its rows were pushed long ago). SQLite caps the size at its build's
              // maximum (2 GB for Debian's).
              "PRAGMA mmap_size = 4294967296"})
            q.exec(QLatin1String(p));
        m_sqlite = SqliteHandle::of(db);
        m_sqliteStatements.setConnection(m_sqlite);
    } else {
        const QUrl url(databaseUrl);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("postgresql") &&
             url.scheme() != QLatin1String("postgres")) ||
            url.path().size() < 2)
            return {CoreError::Code::DatabaseOpen,
                    QObject::tr("'%1' không phải địa chỉ cơ sở dữ liệu. Hãy dùng dạng "
                                "postgresql://user@host:port/database.")
                        .arg(databaseUrl)};
        m_postgres = true;
        m_databaseUrl = url;
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connection);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        if (!db.open())
            return {CoreError::Code::DatabaseOpen,
                    QObject::tr("Không kết nối được PostgreSQL tại %1: %2. Hãy kiểm tra máy chủ và "
                                "địa chỉ --database.")
                        .arg(url.toString(QUrl::RemovePassword), db.lastError().text())};
        QSqlQuery q(db);
        q.exec(QStringLiteral("SET client_min_messages = WARNING"));
        // Every statement is prepared once per connection and kept. With the default plan cache
        // mode PostgreSQL may settle on a generic plan made while `records` was nearly empty,
        // e.g. one that reads every row of an entity for the batch's row_id IN (...) look-up;
        // that plan is kept as the table grows (measured: 35-75 ms per look-up after 15,000
        // answers, against 0.3 ms planned with the values). Planning each execution costs
        // ~0.1 ms and stays right as the data grows.
        q.exec(QStringLiteral("SET plan_cache_mode = force_custom_plan"));
    }
    if (const CoreError e = migrate(); e.failed())
        return e;
    if (const CoreError e = loadEpoch(); e.failed())
        return e;
    if (!dataDir.isEmpty())
        m_watermark = std::make_unique<SeqWatermark>(dataDir);
    return checkWatermark();
}

CoreError RegistryStore::checkWatermark()
{
    m_wentBackFrom = -1;
    if (!m_watermark)
        return {};
    SeqWatermark::Mark mark;
    if (const CoreError e = m_watermark->read(&mark); e.failed())
        qWarning("ccn-registry: %s A new one is written; a restore made before now cannot be "
                 "recognised by it.",
                 qPrintable(e.message()));
    const qint64 seq = serverSeq();
    if (SeqWatermark::wentBack(mark, m_epoch, m_epochSeq, seq)) {
        // Put back from a copy that did not get a new epoch: without one, devices that passed
        // this sequence would skip what is stored from now on and never send again what the
        // copy lacks.
        const QString was = m_epoch;
        if (const CoreError e = renewEpoch(); e.failed())
            return {CoreError::Code::DatabaseOpen,
                    QObject::tr("Cơ sở dữ liệu đã lùi về số thứ tự %1 (trước đó đã lưu đến %2) "
                                "nhưng không bắt đầu được kỷ nguyên mới: %3")
                        .arg(seq)
                        .arg(mark.seq)
                        .arg(e.message())};
        m_wentBackFrom = mark.seq;
        qWarning("ccn-registry: the database is at sequence %lld but this data directory saw "
                 "%lld stored (%s): it was put back from a copy. Epoch %s ended; epoch %s "
                 "begins at %lld, and devices send again what they hold above it.",
                 seq, mark.seq, qPrintable(m_watermark->path()), qPrintable(was),
                 qPrintable(m_epoch), m_epochSeq);
        return {}; // renewEpoch wrote the watermark
    }
    writeWatermark();
    return {};
}

void RegistryStore::committed()
{
    if (!m_watermark)
        return;
    if (m_watermarkWritten.isValid() && m_watermarkWritten.elapsed() < 500) {
        m_watermarkBehind = true;
        return;
    }
    writeWatermark();
}

void RegistryStore::writeWatermark()
{
    m_watermarkBehind = false;
    m_watermarkWritten.start();
    const CoreError e = m_watermark->write({m_epoch, serverSeq()});
    if (e.failed() && !m_watermarkWarned) // said once: it is tried again after every commit
        qWarning("ccn-registry: %s A database put back from a copy will not be recognised until "
                 "it can be written.",
                 qPrintable(e.message()));
    m_watermarkWarned = e.failed();
}

namespace {
// A new epoch (bound: its name) beginning at the registry's current sequence.
const char *const kNewEpochSql = "UPDATE registry_epoch SET epoch = ?, since_seq = (SELECT seq "
                                 "FROM registry_counter WHERE id = 1) WHERE id = 1";
} // namespace

CoreError RegistryStore::loadEpoch()
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("INSERT INTO registry_epoch (id, epoch, since_seq) VALUES (1, ?, 0) "
                             "ON CONFLICT (id) DO NOTHING"));
    q.addBindValue(Uuid7::generate());
    if (!q.exec() ||
        !q.exec(QStringLiteral("SELECT epoch, since_seq FROM registry_epoch WHERE id = 1")) ||
        !q.next())
        return {CoreError::Code::DatabaseOpen,
                QObject::tr("Không đọc được kỷ nguyên (epoch) của cơ sở dữ liệu: %1")
                    .arg(q.lastError().text())};
    m_epoch = q.value(0).toString();
    m_epochSeq = q.value(1).toLongLong();
    return {};
}

CoreError RegistryStore::renewEpoch()
{
    QSqlQuery q(connection());
    q.prepare(QLatin1String(kNewEpochSql));
    q.addBindValue(Uuid7::generate());
    if (!q.exec())
        return {CoreError::Code::Sql, q.lastError().text()};
    if (const CoreError e = loadEpoch(); e.failed())
        return e;
    if (m_watermark)
        writeWatermark();
    return {};
}

CoreError RegistryStore::migrate()
{
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS registry_migrations (version INTEGER "
                               "PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)")))
        return {CoreError::Code::MigrationFailed, q.lastError().text()};
    const int current = schemaVersion();
    const QStringList files = QDir(QStringLiteral(":/schema/registry"))
                                  .entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return {CoreError::Code::MigrationFailed,
                QObject::tr("Bản dựng này thiếu các bước nâng cấp cơ sở dữ liệu.")};
    const int latest = files.last().section(QLatin1Char('_'), 0, 0).toInt();
    if (current > latest)
        return {
            CoreError::Code::SchemaTooNew,
            QObject::tr("Cơ sở dữ liệu máy chủ có lược đồ %1; ccn-registry này chỉ biết đến %2. "
                        "Hãy cập nhật ccn-registry; chưa có gì bị thay đổi.")
                .arg(current)
                .arg(latest)};
    for (const QString &file : files) {
        const int v = file.section(QLatin1Char('_'), 0, 0).toInt();
        if (v <= current)
            continue;
        QFile f(QStringLiteral(":/schema/registry/") + file);
        if (!f.open(QIODevice::ReadOnly))
            return {CoreError::Code::MigrationFailed,
                    QObject::tr("Thiếu bước nâng cấp %1").arg(file)};
        QStringList statements;
        QString cur;
        for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
            const QString t = line.trimmed();
            if (t.isEmpty() || t.startsWith(QLatin1String("--")))
                continue;
            cur += line + QLatin1Char('\n');
            if (t.endsWith(QLatin1Char(';'))) {
                statements << cur.trimmed();
                cur.clear();
            }
        }
        if (QString why; !begin(db, &why))
            return {CoreError::Code::MigrationFailed, why};
        QString error;
        for (const QString &s : std::as_const(statements)) {
            if (!q.exec(s)) {
                error = q.lastError().text();
                break;
            }
        }
        if (error.isEmpty())
            RegistrySql::run(
                q,
                QStringLiteral(
                    "INSERT INTO registry_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
                {v, file, RegistrySql::now()}, &error);
        if (!error.isEmpty() || !db.commit()) {
            q.finish();
            db.rollback();
            return {CoreError::Code::MigrationFailed,
                    QObject::tr("Nâng cấp cơ sở dữ liệu %1 thất bại: %2").arg(file, error)};
        }
    }
    return {};
}

int RegistryStore::schemaVersion() const
{
    QSqlQuery q(connection());
    if (q.exec(QStringLiteral("SELECT MAX(version) FROM registry_migrations")) && q.next())
        return q.value(0).toInt();
    return 0;
}

qint64 RegistryStore::serverSeq() const
{
    QSqlQuery q(connection());
    if (q.exec(QStringLiteral("SELECT seq FROM registry_counter WHERE id = 1")) && q.next())
        return q.value(0).toLongLong();
    return 0;
}

QSqlQuery *RegistryStore::statement(const QString &sql, const QVariantList &binds,
                                    QString *error) const
{
    QSqlQuery *q = m_statements.value(sql);
    if (!q) {
        auto owned = std::make_unique<QSqlQuery>(connection());
        if (!owned->prepare(sql)) {
            if (error)
                *error = owned->lastError().text();
            return nullptr;
        }
        q = owned.get();
        m_ownedStatements.push_back(std::move(owned));
        m_statements.insert(sql, q);
    }
    q->finish();
    for (int i = 0; i < binds.size(); ++i)
        q->bindValue(i, binds.at(i));
    if (!q->exec()) {
        if (error)
            *error = q->lastError().text();
        return nullptr;
    }
    return q;
}

qint64 RegistryStore::nextSeq(QString *error)
{
    if (m_push)
        return ++m_push->seq; // written back once at the end of the batch
    QSqlQuery *q = statement(
        QStringLiteral("UPDATE registry_counter SET seq = seq + 1 WHERE id = 1 RETURNING seq"), {},
        error);
    if (!q || !q->next()) {
        if (error->isEmpty())
            *error = QStringLiteral("no registry counter");
        return 0;
    }
    const qint64 seq = q->value(0).toLongLong();
    q->finish();
    return seq;
}

ChangeResult RegistryStore::push(const Principal &who, const PushChange &change)
{
    QList<ChangeResult> results;
    const CoreError e = push(who, {change}, &results);
    if (e.ok() && results.size() == 1)
        return results.first();
    ChangeResult r;
    r.change = change.seq;
    r.status = QStringLiteral("rejected");
    r.code = QStringLiteral("storage_error");
    r.message = QStringLiteral("Máy chủ không lưu được thay đổi này: %1. Hãy thử lại sau.")
                    .arg(e.message());
    return r;
}

CoreError RegistryStore::push(const Principal &who, const QList<PushChange> &changes,
                              QList<ChangeResult> *results)
{
    results->clear();
    QSqlDatabase db = connection();
    const bool own = !m_inBatch;
    // beginWrite: on PostgreSQL the counter's lock is held before the device's watermark and
    // outcomes are read (a batch, beginBatch, holds it already).
    if (QString why; own && !beginWrite(db, &why))
        return {CoreError::Code::Sql, why};
    QString error;
    const auto abort = [&](const QString &why) {
        m_push.reset();
        if (own)
            db.rollback();
        return CoreError{CoreError::Code::Sql, why.isEmpty() ? QStringLiteral("?") : why};
    };
    m_push = std::make_unique<PushState>();
    // The device's watermark: every change at or below it was stored before (or rejected).
    qint64 through = 0;
    QSqlQuery *q =
        statement(QStringLiteral("SELECT through FROM push_watermarks WHERE device_id = ?"),
                  {who.deviceId}, &error);
    if (!q)
        return abort(error);
    if (q->next())
        through = q->value(0).toLongLong();
    q->finish();
    QHash<qint64, std::pair<QString, QString>> outcomes; // seq -> (status, result)
    if (!changes.isEmpty() && changes.first().seq <= through) {
        q = statement(QStringLiteral("SELECT change_seq, status, result FROM push_outcomes WHERE "
                                     "device_id = ? AND change_seq BETWEEN ? AND ?"),
                      {who.deviceId, changes.first().seq, through}, &error);
        if (!q)
            return abort(error);
        while (q->next())
            outcomes.insert(q->value(0).toLongLong(),
                            {q->value(1).toString(), q->value(2).toString()});
        q->finish();
    }
    // One read and one write of the counter per batch; the write transaction (beginWrite) holds
    // other writers off until the commit.
    q = statement(QStringLiteral("SELECT seq FROM registry_counter WHERE id = 1"), {}, &error);
    if (!q || !q->next())
        return abort(error.isEmpty() ? QStringLiteral("no registry counter") : error);
    m_push->seq = q->value(0).toLongLong();
    q->finish();
    const qint64 firstSeq = m_push->seq;
    if (!prefetch(changes, through, &error))
        return abort(error);

    qint64 newThrough = through;
    for (const PushChange &c : changes) {
        newThrough = qMax(newThrough, c.seq);
        const auto seen = outcomes.constFind(c.seq);
        if (c.seq <= through && seen == outcomes.constEnd()) {
            // At or below the watermark: most likely a replay. The history says for sure (a
            // device sends its changes in order, but a late copy of an old request must not
            // hide a change that never arrived).
            // Its seq goes with the answer when the row is still that version, held as sent by
            // this device (the first answer, which said so, may have been lost).
            q = statement(QStringLiteral("SELECT r.seq FROM history h LEFT JOIN records r ON "
                                         "r.entity = h.entity AND r.row_id = h.row_id AND r.seq "
                                         "= h.seq AND r.clean_device = ? WHERE h.change_id = ?"),
                          {who.deviceId, PushChange::changeId(who.deviceId, c.seq)}, &error);
            if (!q)
                return abort(error);
            const bool stored = q->next();
            const qint64 heldSeq = stored ? q->value(0).toLongLong() : 0;
            q->finish();
            if (stored) {
                ChangeResult r;
                r.change = c.seq;
                r.status = QStringLiteral("duplicate");
                r.seq = heldSeq;
                r.asSent = heldSeq > 0;
                results->append(r);
                continue;
            }
        }
        if (seen != outcomes.constEnd() && seen->first == QLatin1String("conflict")) {
            // The same answer again: stored, and these conflict records hold the losing values.
            QString ignored;
            ChangeResult r =
                ChangeResult::fromJson(RegistrySql::parseObject(seen->second), &ignored);
            r.change = c.seq;
            results->append(r);
            continue;
        }
        // New, late, or rejected before: looked at (again) now.
        ChangeResult r = pushOne(who, c, c.seq <= through, &error);
        if (!error.isEmpty())
            return abort(error);
        bool ok = true;
        if (r.status != QLatin1String("applied"))
            ok = statement(QStringLiteral("INSERT INTO push_outcomes (device_id, change_seq, "
                                          "status, result) VALUES (?, ?, ?, ?) ON CONFLICT "
                                          "(device_id, change_seq) DO UPDATE SET status = "
                                          "excluded.status, result = excluded.result"),
                           {who.deviceId, c.seq, r.status, compact(r.toJson())}, &error);
        else if (seen != outcomes.constEnd())
            ok = statement(
                QStringLiteral("DELETE FROM push_outcomes WHERE device_id = ? AND change_seq = ?"),
                {who.deviceId, c.seq}, &error);
        if (!ok)
            return abort(error);
        results->append(r);
    }
    // The batch's records (each in its final state) and history, many rows per statement.
    QList<QVariantList> records;
    for (const QString &key : std::as_const(m_push->dirty)) {
        const qsizetype cut = key.indexOf(QLatin1Char('\x1f'));
        const ChangeMerger::Stored &st = m_push->rows[key];
        const std::pair<QString, QString> &scope = m_push->scopes[key];
        const auto stamp = m_push->stamps.constFind(key);
        records << RegistryRecords::recordRow(
            key.left(cut), key.mid(cut + 1), st.seq, st.row, st.meta, scope.first, scope.second,
            stamp == m_push->stamps.constEnd() ? nullptr : &*stamp,
            m_push->clean.contains(key) ? who.deviceId : QString());
    }
    if (!m_records.writeRecords(records, &error) ||
        !m_records.writeHistory(m_push->history, &error))
        return abort(error);
    if ((m_push->seq != firstSeq &&
         !statement(QStringLiteral("UPDATE registry_counter SET seq = ? WHERE id = 1"),
                    {m_push->seq}, &error)) ||
        (newThrough != through &&
         !statement(QStringLiteral("INSERT INTO push_watermarks (device_id, through) VALUES (?, "
                                   "?) ON CONFLICT (device_id) DO UPDATE SET through = "
                                   "excluded.through"),
                    {who.deviceId, newThrough}, &error)))
        return abort(error);
    m_push.reset();
    if (own && !db.commit()) {
        const QString why = db.lastError().text();
        db.rollback();
        return {CoreError::Code::Sql, why};
    }
    if (own)
        committed();
    return {};
}

bool RegistryStore::prefetch(const QList<PushChange> &changes, qint64 through, QString *error)
{
    // The stored rows of the whole batch, read a chunk at a time: one statement per chunk instead
    // of one per change. The statement's text is fixed (short chunks repeat their last id), so it
    // is prepared once.
    constexpr int chunk = 64;
    QHash<QString, QStringList> wanted;
    for (const PushChange &c : changes)
        if (c.seq > through && m_schema->hasTable(c.entity))
            wanted[c.entity] << c.rowId;
    QStringList marks;
    for (int i = 0; i < chunk; ++i)
        marks << QStringLiteral("?");
    const QString sql = QStringLiteral("SELECT row_id, row_json, field_meta, seq FROM records "
                                       "WHERE entity = ? AND row_id IN (%1)")
                            .arg(marks.join(QLatin1Char(',')));
    sqlite3_stmt *st = nullptr;
    if (m_sqlite && !wanted.isEmpty() && !(st = m_sqliteStatements.prepare(sql))) {
        *error = m_sqliteStatements.lastError();
        return false;
    }
    for (auto it = wanted.constBegin(); it != wanted.constEnd(); ++it) {
        for (const QString &id : it.value())
            m_push->rows.insert(rowKey(it.key(), id), {});
        for (qsizetype from = 0; from < it.value().size(); from += chunk) {
            QStringList ids; // the chunk's ids, its last repeated to fill it
            for (int i = 0; i < chunk; ++i)
                ids << it.value().at(qMin(from + i, it.value().size() - 1));
            if (st) {
                if (!prefetchSqlite(st, it.key(), ids, error))
                    return false;
                continue;
            }
            QVariantList binds{it.key()};
            for (const QString &id : std::as_const(ids))
                binds << id;
            QSqlQuery *q = statement(sql, binds, error);
            if (!q)
                return false;
            while (q->next()) {
                ChangeMerger::Stored stored;
                stored.exists = true;
                stored.row = RegistrySql::parseObject(q->value(1).toString());
                stored.meta = RegistrySql::parseObject(q->value(2).toString());
                stored.seq = q->value(3).toLongLong();
                m_push->rows.insert(rowKey(it.key(), q->value(0).toString()), stored);
            }
            q->finish();
        }
    }
    return true;
}

bool RegistryStore::prefetchSqlite(sqlite3_stmt *st, const QString &entity, const QStringList &ids,
                                   QString *error)
{
    QVarLengthArray<QByteArray, 16> utf8;
    int rc = SQLITE_OK;
    for (int i = 0; i <= ids.size() && rc == SQLITE_OK; ++i)
        rc = RegistrySql::bindText(st, i + 1, i == 0 ? entity : ids.at(i - 1), &utf8);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        ChangeMerger::Stored stored;
        stored.exists = true;
        stored.row = parseColumn(st, 1);
        stored.meta = parseColumn(st, 2);
        stored.seq = sqlite3_column_int64(st, 3);
        m_push->rows.insert(rowKey(entity, textColumn(st, 0)), stored);
    }
    if (rc != SQLITE_DONE)
        *error = m_sqliteStatements.lastError();
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE;
}

QString RegistryStore::rowKey(const QString &entity, const QString &rowId)
{
    return entity + QLatin1Char('\x1f') + rowId;
}

bool RegistryStore::newerOwnFields(const ChangeMerger::Stored &stored, const PushChange &change,
                                   const QString &deviceId, ChangeMerger::NewerOwnFields *out,
                                   QString *error) const
{
    QHash<qint64, QStringList> byStamp; // seq of the device's last write -> fields it wrote
    for (auto it = change.fields.begin(); it != change.fields.end(); ++it) {
        const QJsonArray m = stored.meta.value(it.key()).toArray();
        if (m.at(1).toString() == deviceId)
            byStamp[qint64(m.at(0).toDouble())] << it.key();
    }
    for (auto it = byStamp.constBegin(); it != byStamp.constEnd(); ++it) {
        QSqlQuery *q = statement(QStringLiteral("SELECT change_id FROM history WHERE seq = ?"),
                                 {it.key()}, error);
        if (!q)
            return false;
        const qint64 wroteIt = q->next() ? PushChange::seqOf(q->value(0).toString(), deviceId) : -1;
        q->finish();
        if (wroteIt > change.seq)
            for (const QString &f : it.value())
                out->insert(f);
    }
    return true;
}

ChangeResult RegistryStore::pushOne(const Principal &who, const PushChange &change, bool late,
                                    QString *storageError)
{
    ChangeResult r;
    r.change = change.seq;
    const QString changeId = PushChange::changeId(who.deviceId, change.seq);
    const auto reject = [&](const char *code, const QString &message) {
        r.status = QStringLiteral("rejected");
        r.code = QLatin1String(code);
        r.message = message;
        return r;
    };
    if (!m_schema->hasTable(change.entity))
        return reject(
            "unknown_entity",
            QStringLiteral("'%1' không phải bảng được đồng bộ.").arg(change.entity.left(64)));
    if (change.rowId.size() > 64 && !Uuid7::isValid(change.rowId))
        return reject("invalid_row_id", QStringLiteral("row_id không phải mã hợp lệ."));
    for (auto it = change.fields.begin(); it != change.fields.end(); ++it) {
        const QString e = m_schema->checkValue(change.entity, it.key(), it.value());
        if (!e.isEmpty())
            return reject(m_schema->hasColumn(change.entity, it.key()) ? "invalid_value"
                                                                       : "unknown_field",
                          e);
    }
    if (change.fields.contains(QLatin1String("id")) &&
        change.fields.value(QLatin1String("id")).toString() != change.rowId)
        return reject("invalid_value", QStringLiteral("fields.id khác với row_id."));
    if (change.op == QLatin1String("delete") &&
        (change.fields.value(QLatin1String("deleted_at")).isNull() ||
         !change.fields.contains(QLatin1String("deleted_at"))))
        return reject("invalid_value", QStringLiteral("Thao tác xóa phải có deleted_at."));

    const ChangeMerger::Stored stored = m_records.load(change.entity, change.rowId);
    if (!stored.exists && change.op != QLatin1String("insert"))
        return reject("unknown_row", QStringLiteral("Máy chủ không có dòng %1 %2.")
                                         .arg(change.entity, change.rowId.left(64)));
    // The merge is a pure function of the stored row and the change: worked out here, acted on
    // after the checks below as before. A new row merges to its fields and id, the very row the
    // checks look at: that row is then used as it is (shared: asProposed compares nothing).
    ChangeMerger::NewerOwnFields newerOwn;
    if (late && stored.exists &&
        !newerOwnFields(stored, change, who.deviceId, &newerOwn, storageError))
        return r;
    const ChangeMerger::Outcome out = ChangeMerger::merge(stored, change, who.deviceId, newerOwn);
    // Authorisation on the stored scope (the row as it is) and on the proposed scope.
    // (A new row is its fields: taken as they are rather than inserted one by one.)
    QJsonObject proposed;
    if (!stored.exists && out.rejectCode.isEmpty()) {
        proposed = out.row;
    } else {
        proposed = stored.row.isEmpty() ? change.fields : stored.row;
        if (!stored.row.isEmpty())
            for (auto it = change.fields.begin(); it != change.fields.end(); ++it)
                proposed.insert(it.key(), it.value());
        proposed.insert(QStringLiteral("id"), change.rowId);
    }
    const RegistryScope::Scope newScope = m_scope.scopeOf(change.entity, proposed);
    if (!newScope.error.isEmpty())
        return reject("unknown_parent", newScope.error);
    if (stored.exists) {
        const RegistryScope::Scope oldScope = m_scope.scopeOf(change.entity, stored.row);
        if (!canWrite(who, change.entity, oldScope.provinceId, oldScope.clusterId))
            return reject("forbidden",
                          QStringLiteral("Bạn không được sửa dòng %1 này.").arg(change.entity));
    }
    if (!canWrite(who, change.entity, newScope.provinceId, newScope.clusterId))
        return reject("forbidden",
                      QStringLiteral("Vai trò và địa bàn của bạn không cho phép ghi dòng %1 này.")
                          .arg(change.entity));
    // A new row is the change's fields, each checked above, and its id: only the id's value is
    // checked again (the first value validateRow could refuse), then the row as a whole.
    QString invalid;
    if (!stored.exists && out.rejectCode.isEmpty()) {
        invalid = m_schema->checkValue(change.entity, QStringLiteral("id"), change.rowId);
        if (invalid.isEmpty())
            invalid = m_schema->validateCheckedRow(change.entity, proposed);
    } else {
        invalid = m_schema->validateRow(change.entity, proposed);
    }
    if (!invalid.isEmpty())
        return reject("invalid_value", invalid);
    if (!out.rejectCode.isEmpty())
        return reject(out.rejectCode.toLatin1().constData(), out.rejectMessage);
    // Most changes merge to exactly the proposed row (validated above, scope known): the row's
    // validation and scope are then not worked out a second time.
    const bool asProposed = out.row == proposed;
    if (!asProposed)
        invalid = m_schema->validateRow(change.entity, out.row);
    if (!invalid.isEmpty())
        return reject("invalid_value", invalid);
    // Every check is done: from here on only the storage can fail, and that fails the batch.
    const qint64 seq = nextSeq(storageError);
    if (seq <= 0)
        return r;
    QJsonObject meta = stored.meta;
    const QJsonValue stamp = QJsonArray{double(seq), who.deviceId}; // shared by every field
    // A new row in a push batch: every field but id applied, so its meta would stamp each name of
    // the row but id. It is not built name by name now (see PushState::stamps).
    const bool stampAll = m_push && !stored.exists && meta.isEmpty() &&
                          out.row.contains(QLatin1String("id")) &&
                          out.appliedFields.size() == out.row.size() - 1;
    if (!stampAll)
        for (const QString &f : out.appliedFields)
            meta.insert(f, stamp);
    const RegistryScope::Scope finalScope =
        asProposed ? newScope : m_scope.scopeOf(change.entity, out.row);
    // A delete carries deleted_at alone, while the device's tombstone has its own updated_at
    // too: the registry's is not the device's row, and the pull brings it back.
    r.asSent = out.conflicts.isEmpty() && change.op != QLatin1String("delete") &&
               (stampAll || heldAsSent(out.row, meta, change, who.deviceId));
    if (!m_records.saveRecord(change.entity, change.rowId, seq, out.row, meta, finalScope,
                              storageError, stampAll ? stamp : QJsonValue(), r.asSent))
        return r;
    for (const ChangeMerger::Conflict &c : out.conflicts) {
        const QString id = Uuid7::generate();
        if (!statement(QStringLiteral(
                           "INSERT INTO conflicts (id, kind, entity, row_id, field, current_value, "
                           "incoming_value, current_seq, current_device, incoming_seq, "
                           "incoming_device, base_seq, change_id, province_id, cluster_id, "
                           "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       {id, c.kind, change.entity, change.rowId, RegistrySql::nullable(c.field),
                        boxed(c.current), boxed(c.incoming), c.currentSeq,
                        RegistrySql::nullable(c.currentDevice), seq, who.deviceId, change.baseSeq,
                        changeId, RegistrySql::nullable(finalScope.provinceId),
                        RegistrySql::nullable(finalScope.clusterId), RegistrySql::now()},
                       storageError))
            return r;
        r.conflictIds << id;
    }
    r.status = out.conflicts.isEmpty() ? QStringLiteral("applied") : QStringLiteral("conflict");
    r.seq = seq;
    m_records.insertHistory(seq, changeId, change.entity, change.rowId, change.op, who.deviceId,
                            who.userId, change.baseSeq, change.fields, r.status, storageError);
    return r;
}

CoreError RegistryStore::addUser(const Principal &user, const QString &password, bool fastHash,
                                 QString *id)
{
    return m_accounts.addUser(user, password, fastHash, id);
}

QList<Principal> RegistryStore::users() const
{
    return m_accounts.users();
}

CoreError RegistryStore::login(const QString &username, const QString &password,
                               const QString &deviceId, const QString &deviceName, qint64 ttlMs,
                               Principal *user, QString *token, qint64 *expiresAt)
{
    return m_accounts.login(username, password, deviceId, deviceName, ttlMs, user, token,
                            expiresAt);
}

std::optional<Principal> RegistryStore::authenticate(const QString &token)
{
    return m_accounts.authenticate(token);
}

CoreError RegistryStore::logout(const QString &token)
{
    return m_accounts.logout(token);
}

QJsonArray RegistryStore::devices(const Principal &who) const
{
    return m_accounts.devices(who);
}

CoreError RegistryStore::revokeDevice(const Principal &who, const QString &deviceId)
{
    return m_accounts.revokeDevice(who, deviceId);
}

QString RegistryStore::hashToken(const QString &token)
{
    return RegistryAccounts::hashToken(token);
}

PullPage RegistryStore::pull(const Principal &who, qint64 since, int limit, bool skipOwn,
                             QString *error) const
{
    return m_pull.pull(who, since, limit, skipOwn, error);
}

CoreError RegistryStore::writeRow(const QString &entity, const QString &rowId,
                                  const QJsonObject &fields, const QString &origin,
                                  const QString &userId, qint64 *seqOut)
{
    return m_records.writeRow(entity, rowId, fields, origin, userId, seqOut);
}

std::optional<QJsonObject> RegistryStore::row(const QString &entity, const QString &rowId) const
{
    return m_records.row(entity, rowId);
}

bool RegistryStore::canSeePhoto(const Principal &who, const QString &sha256) const
{
    return m_scope.canSeePhoto(who, sha256);
}

bool RegistryStore::canUploadPhoto(const Principal &who, const QString &sha256) const
{
    return m_scope.canUploadPhoto(who, sha256);
}

QJsonArray RegistryStore::conflicts(const Principal &who, bool includeResolved) const
{
    return m_conflicts.conflicts(who, includeResolved);
}

CoreError RegistryStore::resolveConflict(const Principal &who, const QString &id,
                                         const QString &choice, const QJsonValue &value,
                                         bool hasValue, QJsonObject *out)
{
    return m_conflicts.resolveConflict(who, id, choice, value, hasValue, out);
}

bool RegistryStore::canRead(const Principal &who, const QString &provinceId,
                            const QString &clusterId) const
{
    return m_scope.canRead(who, provinceId, clusterId);
}

bool RegistryStore::canWrite(const Principal &who, const QString &entity, const QString &provinceId,
                             const QString &clusterId) const
{
    return m_scope.canWrite(who, entity, provinceId, clusterId);
}

bool RegistryStore::isReferenceEntity(const QString &entity)
{
    return RegistryScope::isReferenceEntity(entity);
}

bool RegistryStore::begin(QSqlDatabase db, QString *why) const
{
    if (m_postgres) {
        if (db.transaction())
            return true;
        *why = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return true;
    *why = q.lastError().text();
    return false;
}

bool RegistryStore::beginWrite(QSqlDatabase db, QString *why) const
{
    if (!begin(db, why))
        return false;
    if (!m_postgres)
        return true;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT seq FROM registry_counter WHERE id = 1 FOR UPDATE")))
        return true;
    *why = q.lastError().text();
    db.rollback();
    return false;
}

CoreError RegistryStore::beginBatch()
{
    QSqlDatabase db = connection();
    if (QString why; !beginWrite(db, &why))
        return {CoreError::Code::Sql, why};
    m_inBatch = true;
    return {};
}

CoreError RegistryStore::commitBatch()
{
    m_inBatch = false;
    QSqlDatabase db = connection();
    if (!db.commit()) {
        const QString why = db.lastError().text();
        db.rollback();
        return {CoreError::Code::Sql, why};
    }
    committed();
    return {};
}

void RegistryStore::rollbackBatch()
{
    m_inBatch = false;
    connection().rollback();
}

CoreError RegistryStore::backup(const QString &outFile)
{
    if (QFileInfo::exists(outFile))
        return {CoreError::Code::Io,
                QObject::tr("Tệp '%1' đã có; hãy chọn tên tệp mới.").arg(outFile)};
    if (m_postgres)
        return PostgresDump::write(m_databaseUrl, outFile);
    QSqlQuery q(connection());
    QString error;
    // VACUUM INTO writes a consistent, compacted copy while the registry keeps running; under a
    // .partial name until it is complete, so that a file named as the backup is a whole one.
    const QString partial = QFileInfo(outFile).absoluteFilePath() + QStringLiteral(".partial");
    QFile::remove(partial);
    if (!RegistrySql::run(q, QStringLiteral("VACUUM INTO ?"), {partial}, &error)) {
        QFile::remove(partial);
        return {CoreError::Code::Io, QObject::tr("Sao lưu thất bại: %1").arg(error)};
    }
    {
        // The copy begins an epoch of its own: restored, it tells devices that it lost what
        // this registry stores after the copy's sequence.
        const QString name = m_connection + QStringLiteral("-backup");
        {
            QSqlDatabase copy = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            copy.setDatabaseName(partial);
            QSqlQuery u(copy);
            if (!copy.open() || !u.prepare(QLatin1String(kNewEpochSql)))
                error = copy.lastError().text();
            else if (u.addBindValue(Uuid7::generate()); !u.exec() || u.numRowsAffected() != 1)
                error = u.lastError().text().isEmpty() ? QStringLiteral("no epoch row")
                                                       : u.lastError().text();
        }
        QSqlDatabase::removeDatabase(name);
        if (!error.isEmpty()) {
            QFile::remove(partial);
            return {CoreError::Code::Io, QObject::tr("Sao lưu thất bại: %1").arg(error)};
        }
    }
    if (!QFile::rename(partial, outFile)) {
        QFile::remove(partial);
        return {CoreError::Code::Io,
                QObject::tr("Không đặt được tên tệp sao lưu '%1'.").arg(outFile)};
    }
    return {};
}
