#include "registrystore.h"

#include "migrator.h"
#include "postgresdump.h"
#include "registrysql.h"
#include "seqwatermark.h"
#include "sqlitehandle.h"
#include "sqlitelibrary.h"
#include "syncschema.h"
#include "uuid7.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <sodium.h>

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
    m_checkpointer.reset();
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

CoreError RegistryStore::open(const QString &dataDir, const QString &databaseUrl, Create create)
{
    m_created = false;
    if (sodium_init() < 0)
        return {CoreError::Code::DatabaseOpen,
                QObject::tr("Không khởi động được libsodium; hãy cài lại ccn-registry.")};
    // Before SyncSchema, which reads the device schema through an SQLite database in memory.
    if (const CoreError e = SqliteLibrary::configure(); e.failed())
        qWarning("registry: %s", qPrintable(e.message()));
    m_schema = std::make_unique<SyncSchema>();
    if (!m_schema->isValid())
        return {CoreError::Code::DatabaseOpen,
                QObject::tr("Không đọc được lược đồ dữ liệu thiết bị: %1").arg(m_schema->error())};
    if (databaseUrl.isEmpty()) {
        m_location = QDir(dataDir).filePath(QStringLiteral("registry.sqlite"));
        // Checked before mkpath: a mistyped directory is neither created nor given a database.
        m_created = !dataDir.isEmpty() && !QFileInfo::exists(m_location);
        if (m_created && create == Create::Never)
            return {CoreError::Code::NotFound,
                    QObject::tr("Thư mục dữ liệu '%1' không có cơ sở dữ liệu máy chủ "
                                "(registry.sqlite); chưa có gì được ghi. Hãy kiểm tra --data-dir, "
                                "hoặc cho --database postgresql://… nếu máy chủ dùng PostgreSQL.")
                        .arg(dataDir)};
        if (dataDir.isEmpty() || !QDir().mkpath(dataDir))
            return {CoreError::Code::DatabaseOpen,
                    QObject::tr("Không dùng được thư mục dữ liệu '%1'. Hãy cho --data-dir một "
                                "thư mục mà người dùng này được ghi.")
                        .arg(dataDir)};
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(m_location);
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
        // A push batch's commit would otherwise copy the WAL into the database file itself
        // (~7 % of a full push's time in the registry's only thread).
        m_checkpointer = std::make_unique<WalCheckpointer>(m_sqlite, db.databaseName());
        if (!m_checkpointer->active())
            qWarning("registry: %s", qPrintable(m_checkpointer->error().message()));
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
        m_location = url.toString(QUrl::RemovePassword);
        QString why;
        m_created = !hasRegistryTables(&why);
        if (!why.isEmpty())
            return {CoreError::Code::DatabaseOpen,
                    QObject::tr("Không đọc được cơ sở dữ liệu %1: %2").arg(m_location, why)};
        if (m_created && create == Create::Never)
            return {CoreError::Code::NotFound,
                    QObject::tr("Cơ sở dữ liệu %1 chưa có bảng của máy chủ đăng ký; chưa có gì "
                                "được ghi. Hãy kiểm tra địa chỉ --database.")
                        .arg(m_location)};
    }
    if (const CoreError e = migrate(); e.failed())
        return e;
    if (const CoreError e = loadEpoch(); e.failed())
        return e;
    if (!dataDir.isEmpty())
        m_watermark = std::make_unique<SeqWatermark>(dataDir);
    return checkWatermark();
}

bool RegistryStore::hasRegistryTables(QString *error) const
{
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("SELECT to_regclass('registry_migrations') IS NOT NULL")) ||
        !q.next()) {
        *error = q.lastError().text();
        return false;
    }
    return q.value(0).toBool();
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
    if (RegistryPush::PushState *const batch = m_push.batch())
        return ++batch->seq; // written back once at the end of the batch
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

CoreError RegistryStore::addUser(const Principal &user, const QString &password, bool fastHash,
                                 QString *id)
{
    return m_accounts.addUser(user, password, fastHash, id);
}

QList<Principal> RegistryStore::users(CoreError *error) const
{
    return m_accounts.users(error);
}

QStringList RegistryStore::enabledUsers(const QStringList &usernames, CoreError *error) const
{
    return m_accounts.enabledUsers(usernames, error);
}

CoreError RegistryStore::disableUsers(const QStringList &usernames, int *disabled)
{
    return m_accounts.disableUsers(usernames, disabled);
}

CoreError RegistryStore::login(const QString &username, const QString &password,
                               const QString &deviceId, const QString &deviceSecret,
                               const QString &deviceName, qint64 ttlMs, Principal *user,
                               QString *token, qint64 *expiresAt)
{
    return m_accounts.login(username, password, deviceId, deviceSecret, deviceName, ttlMs, user,
                            token, expiresAt);
}

std::optional<Principal> RegistryStore::authenticate(const QString &token, CoreError *error)
{
    return m_accounts.authenticate(token, error);
}

CoreError RegistryStore::logout(const QString &token)
{
    return m_accounts.logout(token);
}

QJsonArray RegistryStore::devices(const Principal &who, CoreError *error, int *total,
                                  qsizetype maxBytes) const
{
    return m_accounts.devices(who, maxBytes, total, error);
}

CoreError RegistryStore::revokeDevice(const Principal &who, const QString &deviceId)
{
    return m_accounts.revokeDevice(who, deviceId);
}

CoreError RegistryStore::reinstateDevice(const Principal &who, const QString &deviceId)
{
    return m_accounts.reinstateDevice(who, deviceId);
}

QString RegistryStore::hashToken(const QString &token)
{
    return RegistryAccounts::hashToken(token);
}

CoreError RegistryStore::push(const Principal &who, const QList<PushChange> &changes,
                              QList<ChangeResult> *results)
{
    return m_push.push(who, changes, results);
}

ChangeResult RegistryStore::push(const Principal &who, const PushChange &change)
{
    return m_push.push(who, change);
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

QList<QJsonObject> RegistryStore::rowsInProvince(const QString &entity, const QString &provinceId,
                                                 CoreError *error) const
{
    return m_records.rowsInProvince(entity, provinceId, error);
}

CoreError RegistryStore::checkProvince(const QString &id) const
{
    return m_scope.checkProvince(id);
}

CoreError RegistryStore::checkUserScope(const Principal &user) const
{
    if (user.isAdmin())
        return {};
    if (const CoreError e = m_scope.checkProvince(user.provinceId); e.failed())
        return e;
    for (const QString &cluster : user.clusters)
        if (const CoreError e = m_scope.checkCluster(cluster, user.provinceId); e.failed())
            return e;
    for (const QString &commune : user.communes)
        if (const CoreError e = m_scope.checkCommune(commune, user.provinceId); e.failed())
            return e;
    return {};
}

RegistryScope::PhotoAccess RegistryStore::photoAccess(const Principal &who, const QString &sha256,
                                                      CoreError *error) const
{
    return m_scope.photoAccess(who, sha256, error);
}

QJsonArray RegistryStore::conflicts(const Principal &who, bool includeResolved, int *total,
                                    int limit, qsizetype maxBytes, CoreError *error) const
{
    return m_conflicts.conflicts(who, includeResolved, total, limit, maxBytes, error);
}

CoreError RegistryStore::resolveConflict(const Principal &who, const QString &id,
                                         const QString &choice, const QJsonValue &value,
                                         bool hasValue, qint64 seenSeq, QJsonObject *out)
{
    return m_conflicts.resolveConflict(who, id, choice, value, hasValue, seenSeq, out);
}

QJsonArray RegistryStore::rejections(const Principal &who, int *total, int limit,
                                     qsizetype maxBytes, CoreError *error) const
{
    return m_rejections.rejections(who, total, limit, maxBytes, error);
}

PullPage RegistryStore::discard(const Principal &who, const QList<DiscardRequest::Change> &changes,
                                QString *error, qsizetype maxBytes)
{
    return m_discards.discard(who, changes, error, maxBytes);
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
