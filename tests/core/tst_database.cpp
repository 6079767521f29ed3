#include "migrator.h"
#include "testdb.h"

class TestDatabase : public QObject
{
    Q_OBJECT
private slots:
    void opensWithWalAndForeignKeys()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("sub/dir/device.sqlite"))).ok());
        QVERIFY(db.isOpen());
        QCOMPARE(db.schemaVersion(), Migrator::latestVersion());
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(QStringLiteral("PRAGMA synchronous")) && q.next());
        QCOMPARE(q.value(0).toInt(), 2); // FULL
        // A foreign key is enforced.
        QVERIFY(!q.exec(QStringLiteral(
            "INSERT INTO tenants(id, cluster_id, name, status, created_at, updated_at) "
            "VALUES ('t', 'no-such-cluster', 'x', 'operating', 1, 1)")));
    }

    // A new file gets the app's page size; a file made with another keeps it, and its data.
    void pageSizeOfNewFilesOnly()
    {
        QTemporaryDir dir;
        auto pageSize = [](const Database &db) {
            QSqlQuery q(db.connection());
            return q.exec(QStringLiteral("PRAGMA page_size")) && q.next() ? q.value(0).toInt() : -1;
        };
        {
            Database db;
            QVERIFY(testdb::openWithFixture(db, dir));
            QCOMPARE(pageSize(db), Database::pageSize);
        }
        const QString older = dir.filePath(QStringLiteral("older.sqlite"));
        const QString raw =
            testdb::writeRaw(older, {QStringLiteral("PRAGMA page_size = 4096"),
                                     QStringLiteral("CREATE TABLE kept(x)"),
                                     QStringLiteral("INSERT INTO kept VALUES (42)")});
        QVERIFY2(raw.isEmpty(), qPrintable(raw));
        Database db;
        const CoreError e = db.open(older);
        QVERIFY2(e.ok(), qPrintable(e.message()));
        QCOMPARE(pageSize(db), 4096);
        QCOMPARE(testdb::count(db, QStringLiteral("SELECT x FROM kept")), 42);
        QCOMPARE(db.schemaVersion(), Migrator::latestVersion());
    }

    void reopenKeepsData()
    {
        QTemporaryDir dir;
        {
            Database db;
            QVERIFY(testdb::openWithFixture(db, dir));
        }
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("device.sqlite"))).ok());
        QCOMPARE(testdb::count(db, QStringLiteral("SELECT count(*) FROM clusters")), 2);
        QCOMPARE(testdb::count(db, QStringLiteral("SELECT count(*) FROM schema_migrations")),
                 Migrator::latestVersion());
    }

    void twoDatabasesAtOnce()
    {
        QTemporaryDir dir;
        Database a, b;
        QVERIFY(a.open(dir.filePath(QStringLiteral("a.sqlite"))).ok());
        QVERIFY(b.open(dir.filePath(QStringLiteral("b.sqlite"))).ok());
        QVERIFY(a.connection().connectionName() != b.connection().connectionName());
        a.close();
        QVERIFY(!a.isOpen());
        QVERIFY(b.isOpen());
    }

    // A second connection (the pull worker's): the same settings, the rows of the first.
    void openMigratedSharesTheFile()
    {
        QTemporaryDir dir;
        Database first;
        QVERIFY(testdb::openWithFixture(first, dir));
        Database second;
        QVERIFY(second.openMigrated(first.path()).ok());
        QCOMPARE(second.path(), first.path());
        QCOMPARE(testdb::count(second, QStringLiteral("SELECT count(*) FROM clusters")), 2);
        QCOMPARE(testdb::count(second, QStringLiteral("PRAGMA foreign_keys")), 1);
        QCOMPARE(testdb::count(second, QStringLiteral("PRAGMA synchronous")), 2);
    }

    // It never creates nor migrates: a missing file stays missing, an older database untouched.
    void openMigratedRefusesWhatIsNotMigrated()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("missing.sqlite"));
        Database db;
        CoreError e = db.openMigrated(missing);
        QCOMPARE(e.code(), CoreError::Code::DatabaseOpen);
        QVERIFY2(e.message().contains(missing), qPrintable(e.message()));
        QVERIFY(!QFile::exists(missing));
        QVERIFY(!db.isOpen());

        // A database of schema 1 (as an older app left it).
        const QString older = dir.filePath(QStringLiteral("older.sqlite"));
        {
            QSqlDatabase c =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("older"));
            c.setDatabaseName(older);
            QVERIFY(c.open());
            QVERIFY(Migrator::migrate(c, 1).ok());
            c.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("older"));
        e = db.openMigrated(older);
        QCOMPARE(e.code(), CoreError::Code::MigrationFailed);
        QVERIFY(!db.isOpen());
        QSqlDatabase c =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        c.setDatabaseName(older);
        QVERIFY(c.open());
        QCOMPARE(Migrator::currentVersion(c), 1);
        c.close();
        c = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }

    void unwritablePlaceGivesAMessage()
    {
        Database db;
        const CoreError e = db.open(QStringLiteral("/proc/ccn-cannot-be-here/device.sqlite"));
        QCOMPARE(e.code(), CoreError::Code::DatabaseOpen);
        QVERIFY(!e.message().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
