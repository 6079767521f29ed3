#pragma once

// Shared set-up for core tests: a real SQLite file in a temporary directory, migrated, with the
// minimal fixture loaded.
#include "database.h"
#include "searchtext.h"
#include "sqlscript.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

namespace testdb {
inline const QString province = QStringLiteral("01900000-0000-7000-8000-000000000001");
inline const QString dongHuong = QStringLiteral("01900000-0000-7000-8000-000000000101");
inline const QString khanhHai = QStringLiteral("01900000-0000-7000-8000-000000000102");
inline const QString templateId = QStringLiteral("01900000-0000-7000-8000-000000000301");
inline const QString qWwtp = QStringLiteral("01900000-0000-7000-8000-000000000501");
inline const QString qCapacity = QStringLiteral("01900000-0000-7000-8000-000000000502");
inline const QString qGreen = QStringLiteral("01900000-0000-7000-8000-000000000503");
inline const QString qMonitoring = QStringLiteral("01900000-0000-7000-8000-000000000504");
inline const QString qNote = QStringLiteral("01900000-0000-7000-8000-000000000505");
inline const QString qPhoto = QStringLiteral("01900000-0000-7000-8000-000000000506");

inline bool openWithFixture(Database &db, const QTemporaryDir &dir)
{
    const CoreError e = db.open(dir.filePath(QStringLiteral("device.sqlite")));
    if (e.failed()) {
        qWarning() << e.message();
        return false;
    }
    QSqlDatabase c = db.connection();
    const CoreError f = SqlScript::runFile(c, QStringLiteral(CCN_FIXTURES_DIR "/core/minimal.sql"));
    if (f.failed())
        qWarning() << f.message();
    return f.ok();
}

// Runs `statements` on a plain SQLite file at `path` (none of the app's schema or settings): a
// file as an older or newer app, or another tool, left it. Empty on success, else why not.
inline QString writeRaw(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("raw:") + path;
    QString why;
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        c.setDatabaseName(path);
        if (!c.open()) {
            why = c.lastError().text();
        } else {
            QSqlQuery q(c);
            for (const QString &sql : statements) {
                if (!q.exec(sql)) {
                    why = sql + QLatin1String(": ") + q.lastError().text();
                    break;
                }
            }
        }
        c.close();
    }
    QSqlDatabase::removeDatabase(name);
    return why;
}

inline int count(const Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toInt();
}
// Empty when every full-text index holds exactly its table's rows and texts (FTS5's
// integrity-check with rank 1 compares an index with its content table); else what differs.
inline QString searchIndexFaults(QSqlDatabase c)
{
    QStringList faults;
    for (const char *table : {"clusters", "tenants", "inspections"}) {
        for (const QString &index : SearchText::indexesOf(QLatin1String(table))) {
            QSqlQuery q(c);
            if (!q.exec(QStringLiteral("INSERT INTO %1(%1, rank) VALUES ('integrity-check', 1)")
                            .arg(index)))
                faults << index + QLatin1String(": ") + q.lastError().text();
        }
    }
    return faults.join(QLatin1String("; "));
}
} // namespace testdb
