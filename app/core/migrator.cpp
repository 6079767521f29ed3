#include "migrator.h"

#include "sqlscript.h"

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
} // namespace

QStringList Migrator::migrationFiles()
{
    QStringList files = QDir(QStringLiteral(":/schema/app"))
                            .entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
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
                QObject::tr("Tệp này không phải là cơ sở dữ liệu của Kiểm tra CCN (%1).")
                    .arg(q.lastError().text())};
    const int version = q.value(0).toInt();
    if (version > latestVersion())
        return {CoreError::Code::SchemaTooNew,
                QObject::tr(
                    "Cơ sở dữ liệu này do phiên bản mới hơn của Kiểm tra CCN tạo ra (lược đồ %1; "
                    "ứng dụng này chỉ biết đến %2). Hãy cập nhật ứng dụng để mở; tệp chưa hề bị "
                    "thay đổi.")
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
            return {CoreError::Code::MigrationFailed,
                    QObject::tr("Thiếu bước nâng cấp %1").arg(file)};
        const QString sql = QString::fromUtf8(f.readAll());
        if (!db.transaction())
            return {CoreError::Code::MigrationFailed, db.lastError().text()};
        const CoreError ran = SqlScript::run(db, sql);
        if (ran.failed()) {
            db.rollback();
            return {CoreError::Code::MigrationFailed,
                    QObject::tr("Nâng cấp cơ sở dữ liệu thất bại ở bước %1: %2")
                        .arg(file, ran.message())};
        }
        q.prepare(QStringLiteral(
            "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)"));
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
