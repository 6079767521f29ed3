#include "appcontroller.h"
#include "clusterlistmodel.h"
#include "database.h"
#include "settingsmanager.h"

#include "../core/testdb.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

class TestAppController : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void demoDatabaseIsSeparate()
    {
        QTemporaryDir dir;
        SettingsManager settings(dir.filePath(QStringLiteral("s.ini")));
        AppController app(&settings);
        QVERIFY(app.open(dir.path(), true).ok());
        QVERIFY(app.ready());
        QVERIFY(app.demo());
        QVERIFY(app.databasePath().endsWith(QLatin1String("/demo/ccn-demo.sqlite")));
        QVERIFY(app.clusters()->rowCount() > 5);

        QVERIFY(app.open(dir.path(), false).ok());
        QVERIFY(!app.demo());
        QVERIFY(app.databasePath().endsWith(QLatin1String("/ccn.sqlite")));
        QVERIFY(!app.databasePath().contains(QLatin1String("demo")));
        // Never demo data in the real database, but the checklist templates are there.
        QCOMPARE(app.clusters()->rowCount(), 0);
        QSqlQuery q(app.database()->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM checklist_templates")) && q.next());
        QVERIFY(q.value(0).toInt() > 0);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM admin_units")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    // Rows written under the app (as the pull worker writes them, through its own connection)
    // show once reloadShown() runs: the cluster list and the open cluster are read again.
    void reloadShownReadsWhatArrived()
    {
        QTemporaryDir dir;
        SettingsManager settings(dir.filePath(QStringLiteral("s.ini")));
        AppController app(&settings);
        QVERIFY(app.open(dir.path(), true).ok());
        const int before = app.clusters()->rowCount();
        Database other;
        QVERIFY(other.openMigrated(app.databasePath()).ok());
        QSqlQuery q(other.connection());
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO clusters(id, code, name, province_id, status, created_at, updated_at) "
            "SELECT 'pulled-1', 'KEO-99', 'CCN Kéo Về', province_id, 'operating', 1, 1 "
            "FROM clusters LIMIT 1")));
        QCOMPARE(app.clusters()->rowCount(), before); // nothing read yet
        app.reloadShown();
        QCOMPARE(app.clusters()->rowCount(), before + 1);
    }

    void newerSchemaIsShownNotOpened()
    {
        QTemporaryDir dir;
        const QString path = AppController::databasePathFor(dir.path(), false);
        const QString raw = testdb::writeRaw(path, {QStringLiteral("PRAGMA user_version = 999")});
        QVERIFY2(raw.isEmpty(), qPrintable(raw));
        SettingsManager settings(dir.filePath(QStringLiteral("s.ini")));
        AppController app(&settings);
        QSignalSpy ready(&app, &AppController::readyChanged);
        const CoreError e = app.open(dir.path(), false);
        QCOMPARE(e.code(), CoreError::Code::SchemaTooNew);
        QVERIFY(!app.ready());
        QVERIFY(!app.errorMessage().isEmpty());
        QCOMPARE(app.errorMessage(), e.message());
        QVERIFY(ready.count() >= 1);
        QVERIFY(app.clusters() == nullptr);
    }
};

QTEST_GUILESS_MAIN(TestAppController)
#include "tst_appcontroller.moc"
