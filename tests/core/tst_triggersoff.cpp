// TriggersOff: the connection's triggers off for a scope (TEMP triggers still fire), then as they
// were before it.
#include "database.h"
#include "sqlitehandle.h"
#include "triggersoff.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

namespace {
// Inserts a row into t and says which triggers wrote to log (main, temp).
QString fired(QSqlDatabase db)
{
    QSqlQuery q(db);
    if (!q.exec("DELETE FROM log") || !q.exec("INSERT INTO t VALUES (1)"))
        qFatal("%s", qPrintable(q.lastError().text()));
    if (!q.exec("SELECT coalesce(group_concat(what), '') FROM (SELECT what FROM log ORDER BY "
                "what)") ||
        !q.next())
        qFatal("%s", qPrintable(q.lastError().text()));
    return q.value(0).toString();
}
} // namespace

class TestTriggersOff : public QObject
{
    Q_OBJECT

private slots:
    void offForTheScope()
    {
        QStandardPaths::setTestModeEnabled(true);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Database database;
        QVERIFY(database.open(dir.filePath(QStringLiteral("t.db"))).ok());
        QSqlDatabase db = database.connection();
        QSqlQuery q(db);
        QVERIFY(q.exec("CREATE TABLE t(x)"));
        QVERIFY(q.exec("CREATE TABLE log(what TEXT)"));
        QVERIFY(q.exec("CREATE TRIGGER t_main AFTER INSERT ON t BEGIN INSERT INTO log VALUES "
                       "('main'); END"));
        QVERIFY(q.exec("CREATE TEMP TRIGGER t_temp AFTER INSERT ON t BEGIN INSERT INTO log "
                       "VALUES ('temp'); END"));
        sqlite3 *handle = SqliteHandle::of(db);
        QVERIFY(handle);

        QCOMPARE(fired(db), QStringLiteral("main,temp"));
        {
            const TriggersOff off(handle, true);
            QCOMPARE(fired(db), QStringLiteral("temp"));
            {
                const TriggersOff inner(handle, true);
                QCOMPARE(fired(db), QStringLiteral("temp"));
            }
            QCOMPARE(fired(db), QStringLiteral("temp")); // as it was before the inner scope
        }
        QCOMPARE(fired(db), QStringLiteral("main,temp"));
        {
            const TriggersOff notOff(handle, false);
            QCOMPARE(fired(db), QStringLiteral("main,temp"));
            const TriggersOff noHandle(nullptr, true);
            QCOMPARE(fired(db), QStringLiteral("main,temp"));
        }
        QCOMPARE(fired(db), QStringLiteral("main,temp"));
    }
};

QTEST_GUILESS_MAIN(TestTriggersOff)
#include "tst_triggersoff.moc"
