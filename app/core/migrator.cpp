#include "migrator.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace {
int versionOf(const QString &fileName)
{
    return fileName.section(QLatin1Char('_'), 0, 0).toInt();
}

// Splits a migration file into statements, keeping CREATE TRIGGER ... END; bodies whole.
QStringList statements(const QString &sql)
{
    QStringList out;
    QString current;
    bool inTrigger = false;
    const QStringList lines = sql.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("--")) || trimmed.isEmpty())
            continue;
        if (trimmed.startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive))
            inTrigger = true;
        current += line + QLatin1Char('\n');
        const bool ends = inTrigger ? trimmed.compare(QLatin1String("END;"), Qt::CaseInsensitive) == 0
                                    : trimmed.endsWith(QLatin1Char(';'));
        if (ends) {
            out << current.trimmed();
            current.clear();
            inTrigger = false;
        }
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}
} // namespace

QStringList Migrator::migrationFiles()
{
    QStringList files = QDir(QStringLiteral(":/schema/app")).entryList({QStringLiteral("*.sql")},
                                                                        QDir::Files, QDir::Name);
    return files;
}

int Migrator::latestVersion()
{
    const QStringList files = migrationFiles();
    return files.isEmpty() ? 0 : versionOf(files.last());
}

int Migrator::currentVersion(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return 0;
}

CoreError Migrator::checkVersion(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return {CoreError::Code::DatabaseOpen,
                QObject::tr("This file is not a CCN Inspect database (%1).")
                    .arg(q.lastError().text())};
    const int version = q.value(0).toInt();
    if (version > latestVersion())
        return {CoreError::Code::SchemaTooNew,
                QObject::tr("This database was written by a newer version of CCN Inspect (schema %1; "
                            "this app knows up to %2). Update the app to open it; the file has not "
                            "been changed.")
                    .arg(version)
                    .arg(latestVersion())};
    return {};
}

CoreError Migrator::migrate(QSqlDatabase &db, int target)
{
    const CoreError check = checkVersion(db);
    if (check.failed())
        return check;
    if (target < 0)
        target = latestVersion();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER "
                               "PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)")))
        return {CoreError::Code::MigrationFailed, q.lastError().text()};
    int version = currentVersion(db);
    for (const QString &file : migrationFiles()) {
        const int v = versionOf(file);
        if (v <= version || v > target)
            continue;
        QFile f(QStringLiteral(":/schema/app/") + file);
        if (!f.open(QIODevice::ReadOnly))
            return {CoreError::Code::MigrationFailed, QObject::tr("Missing migration %1").arg(file)};
        const QString sql = QString::fromUtf8(f.readAll());
        if (!db.transaction())
            return {CoreError::Code::MigrationFailed, db.lastError().text()};
        for (const QString &stmt : statements(sql)) {
            if (!q.exec(stmt)) {
                const QString why = q.lastError().text();
                q.finish();
                db.rollback();
                return {CoreError::Code::MigrationFailed,
                        QObject::tr("Migration %1 failed: %2").arg(file, why)};
            }
        }
        q.prepare(QStringLiteral("INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)"));
        q.addBindValue(v);
        q.addBindValue(file);
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
        if (!q.exec() || !q.exec(QStringLiteral("PRAGMA user_version = %1").arg(v))) {
            const QString why = q.lastError().text();
            db.rollback();
            return {CoreError::Code::MigrationFailed, why};
        }
        if (!db.commit())
            return {CoreError::Code::MigrationFailed, db.lastError().text()};
        version = v;
    }
    return {};
}
