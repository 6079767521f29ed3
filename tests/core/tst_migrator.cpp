#include "migrator.h"
#include "outboxtriggers.h"
#include "searchindex.h"
#include "testdb.h"

#include <QCryptographicHash>
#include <QSqlRecord>

// Upgrades a database from every earlier schema version, with data in it, and checks nothing is
// lost; refuses a database from a newer schema without touching it.
class TestMigrator : public QObject
{
    Q_OBJECT
private:
    // Every row of every table that existed at version `v`, in a stable text form.
    // Each table's columns as they are now (a migration may add columns: their values are new,
    // the old ones must stay as they were).
    static QMap<QString, QStringList> columnsOf(QSqlDatabase &db, const QStringList &tables)
    {
        QMap<QString, QStringList> columns;
        for (const QString &t : tables) {
            QSqlQuery info(db);
            info.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1')").arg(t));
            while (info.next())
                columns[t] << QLatin1Char('"') + info.value(0).toString() + QLatin1Char('"');
        }
        return columns;
    }
    // The rows of every table in `columns`, in those columns.
    static QString snapshot(QSqlDatabase &db, const QMap<QString, QStringList> &columns)
    {
        QString out;
        for (auto it = columns.constBegin(); it != columns.constEnd(); ++it) {
            const QString &t = it.key();
            QSqlQuery q(db);
            // The one row the app adds at open: the schema cookie of its trigger check.
            const QString where =
                t == QLatin1String("sync_state")
                    ? QStringLiteral(" WHERE key <> 'outbox_triggers_schema_cookie'")
                    : QString();
            if (!q.exec(QStringLiteral("SELECT %1 FROM %2%3 ORDER BY rowid")
                            .arg(it.value().join(QLatin1Char(',')), t, where)))
                return QStringLiteral("cannot read ") + t;
            while (q.next()) {
                out += t + QLatin1Char(':');
                for (int i = 0; i < q.record().count(); ++i)
                    out += q.record().fieldName(i) + QLatin1Char('=') + q.value(i).toString() +
                           QLatin1Char('|');
                out += QLatin1Char('\n');
            }
        }
        return out;
    }
    static QStringList userTables(QSqlDatabase &db)
    {
        QStringList tables;
        QSqlQuery q(db);
        q.exec(QStringLiteral(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
            "'sqlite_%' AND name NOT LIKE '%_fts%' AND name <> 'schema_migrations' ORDER BY name"));
        while (q.next())
            tables << q.value(0).toString();
        return tables;
    }

private slots:
    void migrationsAreNumberedInOrder()
    {
        const QStringList files = Migrator::migrationFiles();
        QVERIFY(files.size() >= 2);
        for (int i = 0; i < files.size(); ++i)
            QCOMPARE(files.at(i).section(QLatin1Char('_'), 0, 0).toInt(), i + 1);
        QCOMPARE(Migrator::latestVersion(), int(files.size()));
    }

    void upgradeFromEveryVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 0; v < Migrator::latestVersion(); ++v)
            QTest::newRow(qPrintable(QStringLiteral("from v%1").arg(v))) << v;
    }
    void upgradeFromEveryVersion()
    {
        QFETCH(int, from);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        QString before;
        QMap<QString, QStringList> columns;
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(Migrator::migrate(db, from).ok());
            QCOMPARE(Migrator::currentVersion(db), from);
            // The data a device of that version holds: what each version added, in order
            // (fixtures/migrations/v<N>.sql, one per schema version, data only).
            for (int v = 1; v <= from; ++v) {
                const QString data = QStringLiteral(CCN_FIXTURES_DIR "/migrations/v%1.sql").arg(v);
                QVERIFY2(
                    QFile::exists(data),
                    qPrintable(data + QLatin1String(" is missing: every schema version needs a "
                                                    "data fixture")));
                const CoreError e = SqlScript::runFile(db, data);
                QVERIFY2(e.ok(), qPrintable(e.message()));
            }
            columns = columnsOf(db, userTables(db));
            before = snapshot(db, columns);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));

        Database upgraded;
        const CoreError e = upgraded.open(path);
        QVERIFY2(e.ok(), qPrintable(e.message()));
        QCOMPARE(upgraded.schemaVersion(), Migrator::latestVersion());
        QSqlDatabase c = upgraded.connection();
        QCOMPARE(snapshot(c, columns), before);
        QSqlQuery cookie(c);
        QVERIFY(cookie.exec(QStringLiteral(
            "SELECT value FROM sync_state WHERE key = 'outbox_triggers_schema_cookie'")));
        QVERIFY(cookie.next());
        QCOMPARE(cookie.value(0).toString(),
                 QStringLiteral("%1/t%2")
                     .arg(testdb::count(upgraded, QStringLiteral("PRAGMA schema_version")))
                     .arg(OutboxTriggers::kVersion));
        cookie.finish();
        QCOMPARE(testdb::count(upgraded, QStringLiteral("SELECT count(*) FROM schema_migrations")),
                 Migrator::latestVersion());
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        if (from > 0) {
            // Data written before the search index existed is found after the upgrade.
            const QVariantList hits = SearchIndex(c).search(QStringLiteral("dong huong"));
            QVERIFY(!hits.isEmpty());
        }
    }

    // Schema 9: who last logged in on the tablet (sync_state's pull_owner) becomes the author of
    // the changes made from then on; a value that is not JSON leaves no author, and no error.
    void theLastUserToLogInBecomesTheAuthor_data()
    {
        QTest::addColumn<QString>("owner");
        QTest::addColumn<QString>("author");
        QTest::newRow("logged in once")
            << QStringLiteral("{\"format\":1,\"server\":\"https://127.0.0.1:8787\",\"user_id\":"
                              "\"u-7\"}")
            << QStringLiteral("u-7");
        QTest::newRow("never") << QString() << QString();
        QTest::newRow("not json") << QStringLiteral("{broken") << QString();
    }
    void theLastUserToLogInBecomesTheAuthor()
    {
        QFETCH(QString, owner);
        QFETCH(QString, author);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v8.sqlite"));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v8"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(Migrator::migrate(db, 8).ok());
            if (!owner.isNull()) {
                QSqlQuery q(db);
                q.prepare(
                    QStringLiteral("INSERT INTO sync_state(key, value) VALUES ('pull_owner', ?)"));
                q.addBindValue(owner);
                QVERIFY(q.exec());
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v8"));
        Database upgraded;
        QVERIFY(upgraded.open(path).ok());
        QSqlQuery q(upgraded.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT author FROM sync_flags")) && q.next());
        QCOMPARE(q.value(0).toString(), author);
        QCOMPARE(q.value(0).isNull(), author.isEmpty());
    }

    void newerDatabaseIsRefusedUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("newer.sqlite"));
        const QString raw = testdb::writeRaw(
            path, {QStringLiteral("CREATE TABLE future(x)"),
                   QStringLiteral("PRAGMA user_version = %1").arg(Migrator::latestVersion() + 7)});
        QVERIFY2(raw.isEmpty(), qPrintable(raw));
        auto hash = [&] {
            QFile f(path);
            f.open(QIODevice::ReadOnly);
            return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
        };
        const QByteArray before = hash();
        Database db;
        const CoreError e = db.open(path);
        QCOMPARE(e.code(), CoreError::Code::SchemaTooNew);
        QVERIFY(e.message().contains(QString::number(Migrator::latestVersion() + 7)));
        QVERIFY(!db.isOpen());
        QCOMPARE(hash(), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void notADatabaseIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("photo.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(CCN_SHARED_DIR "/data/photos/gps/DSCN0010.jpg"), path));
        Database db;
        const CoreError e = db.open(path);
        QVERIFY(e.failed());
        QVERIFY(!e.message().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
