#include "database.h"

#include "migrator.h"
#include "outboxtriggers.h"

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
    close();
    QDir().mkpath(QFileInfo(path).absolutePath());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            const QString why = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
            return {CoreError::Code::DatabaseOpen,
                    QObject::tr("Không mở được cơ sở dữ liệu %1: %2").arg(path, why)};
        }
        QSqlQuery q(db);
        // Check the version before anything writes: a newer database must stay untouched.
        const CoreError versionCheck = Migrator::checkVersion(db);
        if (versionCheck.failed()) {
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
            return versionCheck;
        }
        // FULL: a committed inspection survives a power cut (a flat battery), not only a crash.
        for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                                   "PRAGMA foreign_keys=ON", "PRAGMA temp_store=MEMORY"}) {
            if (!q.exec(QString::fromLatin1(pragma))) {
                const QString why = q.lastError().text();
                q.finish();
                db.close();
                db = QSqlDatabase();
                QSqlDatabase::removeDatabase(m_connectionName);
                return {CoreError::Code::DatabaseOpen,
                        QObject::tr("Không chuẩn bị được cơ sở dữ liệu %1: %2").arg(path, why)};
            }
        }
    }
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
