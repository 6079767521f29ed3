#include "database.h"

#include "migrator.h"
#include "openreadaudit.h"
#include "outboxtriggers.h"
#include "sqlitelibrary.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace {
QAtomicInt connectionCounter;
}

Database::Database()
    : m_connectionName(QStringLiteral("ccn-%1").arg(connectionCounter.fetchAndAddRelaxed(1)))
{
}

Database::~Database()
{
    close();
}

CoreError Database::open(const QString &path)
{
    if (const CoreError e = connect(path, false); e.failed())
        return e;
    m_path = path;
    QSqlDatabase db = connection();
    CoreError migrated = Migrator::migrate(db);
    if (migrated.ok())
        migrated = OutboxTriggers::install(db);
    if (migrated.failed()) {
        close();
        return migrated;
    }
    return {};
}

CoreError Database::openMigrated(const QString &path)
{
    if (const CoreError e = connect(path, true); e.failed())
        return e;
    m_path = path;
    return {};
}

CoreError Database::connect(const QString &path, bool migrated)
{
    close();
    if (migrated && !QFileInfo::exists(path))
        return {CoreError::Code::DatabaseOpen,
                QObject::tr("Không mở được cơ sở dữ liệu %1: không có tệp này.").arg(path)};
    QDir().mkpath(QFileInfo(path).absolutePath());
    const bool fresh = !QFileInfo::exists(path) || QFileInfo(path).size() == 0;
    if (const CoreError e = SqliteLibrary::configure(); e.failed())
        qWarning("database: %s", qPrintable(e.message()));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    const auto refuse = [&](CoreError e) {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        return e;
    };
    if (!db.open())
        return refuse(
            {CoreError::Code::DatabaseOpen,
             QObject::tr("Không mở được cơ sở dữ liệu %1: %2").arg(path, db.lastError().text())});
    OpenReadAudit::install(db);
    // Check the version before anything writes: a newer database must stay untouched.
    if (const CoreError versionCheck = Migrator::checkVersion(db); versionCheck.failed())
        return refuse(versionCheck);
    if (migrated && Migrator::currentVersion(db) != Migrator::latestVersion())
        return refuse({CoreError::Code::MigrationFailed,
                       QObject::tr("Cơ sở dữ liệu %1 chưa được nâng cấp lên phiên bản %2.")
                           .arg(path)
                           .arg(Migrator::latestVersion())});
    // FULL: a committed inspection survives a power cut (a flat battery), not only a crash.
    QSqlQuery q(db);
    // A new file gets 8 KiB pages (set before WAL mode writes the header; a database made
    // earlier keeps its 4 KiB). A first pull writes ~80 MB of rows: with 8 KiB pages its commits
    // and the checkpoints that copy them into the file took a third less time (345 vs 543 ms in
    // a 10,000-inspection pull, two runs each of `ccn-bench sync`), the round about 5 % less.
    if (fresh && !q.exec(QStringLiteral("PRAGMA page_size = %1").arg(pageSize)))
        return refuse(
            {CoreError::Code::DatabaseOpen, QObject::tr("Không chuẩn bị được cơ sở dữ liệu %1: %2")
                                                .arg(path, q.lastError().text())});
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                               "PRAGMA foreign_keys=ON", "PRAGMA temp_store=MEMORY"}) {
        if (!q.exec(QString::fromLatin1(pragma))) {
            const QString why = q.lastError().text();
            q.finish();
            q = QSqlQuery();
            return refuse({CoreError::Code::DatabaseOpen,
                           QObject::tr("Không chuẩn bị được cơ sở dữ liệu %1: %2").arg(path, why)});
        }
    }
    return {};
}

void Database::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_path.clear();
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && connection().isOpen();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::schemaVersion() const
{
    return Migrator::currentVersion(connection());
}
