#include "outboxtriggers.h"
#include "recordwriter.h"
#include "testdb.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlRecord>

class TestOutboxTriggers : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Database m_db;

    // The newest outbox entry's values (read and finished: no read stays open for the writes
    // that follow, OpenReadAudit).
    QSqlRecord lastOutbox()
    {
        QSqlQuery q(m_db.connection());
        q.exec(QStringLiteral("SELECT entity, row_id, op, base_seq, old_json, new_json FROM outbox "
                              "ORDER BY seq DESC LIMIT 1"));
        return q.next() ? q.record() : QSqlRecord();
    }

    QString checkedCookie()
    {
        QSqlQuery q(m_db.connection());
        q.exec(QStringLiteral(
            "SELECT value FROM sync_state WHERE key = 'outbox_triggers_schema_cookie'"));
        return q.next() ? q.value(0).toString() : QString();
    }
    // The cookie install() keeps: SQLite's schema cookie now and the triggers' version.
    QString currentCookie()
    {
        return QStringLiteral("%1/t%2")
            .arg(testdb::count(m_db, QStringLiteral("PRAGMA schema_version")))
            .arg(OutboxTriggers::kVersion);
    }
    // The base_seq of the newest outbox entry.
    qint64 lastBase() { return lastOutbox().value(3).toLongLong(); }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(testdb::openWithFixture(m_db, m_dir));
    }
    void cleanup()
    {
        m_db.close();
        QFile::remove(m_dir.filePath(QStringLiteral("device.sqlite")));
    }

    // Each entry names who worked on the tablet when the change was made (sync_flags.author,
    // set at each login): none before anyone logged in.
    void entriesNameTheirAuthor()
    {
        QSqlDatabase c = m_db.connection();
        RecordWriter w(c);
        const QString noAuthor = QStringLiteral("SELECT count(*) FROM outbox WHERE author IS NULL");
        const int before = testdb::count(m_db, noAuthor); // the fixture's rows
        QVERIFY(w.update(QStringLiteral("clusters"), testdb::khanhHai,
                         {{QStringLiteral("notes"), QStringLiteral("nobody logged in")}})
                    .ok());
        QCOMPARE(testdb::count(m_db, noAuthor), before + 1);
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("UPDATE sync_flags SET author = 'user-7'")));
        QVERIFY(w.update(QStringLiteral("clusters"), testdb::khanhHai,
                         {{QStringLiteral("notes"), QStringLiteral("user 7's")}})
                    .ok());
        QVERIFY(w.softDelete(QStringLiteral("clusters"), testdb::dongHuong).ok());
        QCOMPARE(testdb::count(m_db, QStringLiteral("SELECT count(*) FROM outbox WHERE author = "
                                                    "'user-7'")),
                 2);
    }

    void everySyncedTableHasTriggers()
    {
        QSqlDatabase c = m_db.connection();
        const QStringList tables = OutboxTriggers::syncedTables(c);
        for (const char *t : {"admin_units", "clusters", "tenants", "inspections", "answers",
                              "violations", "photos", "progress_readings", "checklist_questions"})
            QVERIFY2(tables.contains(QLatin1String(t)), t);
        QVERIFY(!tables.contains(QStringLiteral("outbox")));
        QVERIFY(!tables.contains(QStringLiteral("sync_state")));
        QVERIFY(!OutboxTriggers::syncedColumns(c, QStringLiteral("clusters"))
                     .contains(QStringLiteral("search_text")));
        QVERIFY(!OutboxTriggers::syncedColumns(c, QStringLiteral("clusters"))
                     .contains(QStringLiteral("sync_seq")));
        QCOMPARE(
            testdb::count(m_db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = "
                                               "'trigger' AND name LIKE '%_outbox_ai'")),
            int(tables.size()));
    }

    void syncedColumnsOfEveryTableAtOnce()
    {
        // One statement gives what the table-by-table reading gives (PullApplier's set-up).
        QSqlDatabase c = m_db.connection();
        const QHash<QString, QStringList> all = OutboxTriggers::syncedColumns(c);
        QStringList tables = all.keys();
        tables.sort();
        QCOMPARE(tables, OutboxTriggers::syncedTables(c));
        for (const QString &t : std::as_const(tables))
            QCOMPARE(all.value(t), OutboxTriggers::syncedColumns(c, t));
        QVERIFY(all.value(QStringLiteral("inspections")).contains(QStringLiteral("findings")));
        QVERIFY(!all.value(QStringLiteral("inspections")).contains(QStringLiteral("search_text")));
        QVERIFY(!all.contains(QStringLiteral("inspections_fts")));
    }

    void reinstallingChangesNothing()
    {
        // A start with every trigger in place writes nothing (no commit, no fsync).
        QSqlDatabase c = m_db.connection();
        const int before = testdb::count(m_db, QStringLiteral("PRAGMA schema_version"));
        QVERIFY(OutboxTriggers::install(c).ok());
        QCOMPARE(testdb::count(m_db, QStringLiteral("PRAGMA schema_version")), before);
        // A trigger that went missing (or a column added by a migration) is put back.
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER tenants_outbox_au")));
        QVERIFY(OutboxTriggers::install(c).ok());
        QCOMPARE(
            testdb::count(m_db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = "
                                               "'tenants_outbox_au'")),
            1);
        QCOMPARE(checkedCookie(), currentCookie());
    }

    void unchangedSchemaIsNotCheckedAgain()
    {
        // The schema cookie at the last check is kept; an open with the same cookie compares
        // nothing. A trigger changed by hand changes the cookie, so the next install sees it.
        QSqlDatabase c = m_db.connection();
        QVERIFY(OutboxTriggers::install(c).ok());
        QCOMPARE(checkedCookie(), currentCookie());
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER clusters_outbox_ai")));
        QVERIFY(q.exec(QStringLiteral(
            "CREATE TRIGGER clusters_outbox_ai AFTER INSERT ON clusters BEGIN SELECT 1; END")));
        QVERIFY(OutboxTriggers::install(c).ok());
        QVERIFY(q.exec(
            QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'clusters_outbox_ai'")));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toString().contains(QStringLiteral("INSERT INTO outbox")));
        QCOMPARE(checkedCookie(), currentCookie());
    }

    // Triggers checked by an app whose triggers were older (the cookie kept without their
    // version, as before version 2) are compared and replaced, though the schema did not change.
    void triggersOfAnOlderAppAreReplaced()
    {
        QSqlDatabase c = m_db.connection();
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER clusters_outbox_au")));
        QVERIFY(q.exec(QStringLiteral(
            "CREATE TRIGGER clusters_outbox_au AFTER UPDATE ON clusters BEGIN SELECT 1; END")));
        QVERIFY(q.exec(QStringLiteral("UPDATE sync_state SET value = (SELECT schema_version FROM "
                                      "pragma_schema_version) WHERE key = "
                                      "'outbox_triggers_schema_cookie'")));
        QVERIFY(!checkedCookie().contains(QLatin1Char('/')));
        QVERIFY(OutboxTriggers::install(c).ok());
        QVERIFY(q.exec(
            QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'clusters_outbox_au'")));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toString().contains(QStringLiteral("pull_cursor")));
        QCOMPARE(checkedCookie(), currentCookie());
    }

    // A delete's base is all the device had seen: the row's version, or the pull cursor when that
    // is further (the registry keeps a row alive that others' rows name, written after it). An
    // edit's base stays the row's version.
    void aDeleteIsBasedOnWhatTheDeviceHadSeen()
    {
        QSqlDatabase c = m_db.connection();
        RecordWriter w(c);
        QSqlQuery q(c);
        QString first, second;
        for (QString *id : {&first, &second})
            QVERIFY(w.insert(QStringLiteral("tenants"),
                             {{QStringLiteral("cluster_id"), testdb::dongHuong},
                              {QStringLiteral("name"), QStringLiteral("Cơ sở Gỗ Phúc Lộc")},
                              {QStringLiteral("status"), QStringLiteral("slow")}},
                             id)
                        .ok());
        QVERIFY(q.exec(QStringLiteral("UPDATE sync_flags SET applying = 1")));
        QVERIFY(q.exec(QStringLiteral("UPDATE tenants SET sync_seq = 40 WHERE id IN ('%1', '%2')")
                           .arg(first, second)));
        QVERIFY(q.exec(QStringLiteral("UPDATE sync_flags SET applying = 0")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO sync_state(key, value) VALUES ('pull_cursor', "
                                      "'500') ON CONFLICT(key) DO UPDATE SET value = '500'")));
        QVERIFY(w.update(QStringLiteral("tenants"), first,
                         {{QStringLiteral("status"), QStringLiteral("operating")}})
                    .ok());
        QCOMPARE(lastBase(), 40);
        QVERIFY(w.softDelete(QStringLiteral("tenants"), first).ok());
        QCOMPARE(lastOutbox().value(2).toString(), QStringLiteral("delete"));
        QCOMPARE(lastBase(), 500);
        QVERIFY(q.exec(QStringLiteral("UPDATE sync_state SET value = '12' WHERE key = "
                                      "'pull_cursor'")));
        QVERIFY(w.softDelete(QStringLiteral("tenants"), second).ok());
        QCOMPARE(lastBase(), 40);
    }

    void insertUpdateDeleteReachTheOutbox()
    {
        RecordWriter w(m_db.connection());
        const int before = testdb::count(m_db, QStringLiteral("SELECT count(*) FROM outbox"));
        QString id;
        QVERIFY(w.insert(QStringLiteral("tenants"),
                         {{QStringLiteral("cluster_id"), testdb::dongHuong},
                          {QStringLiteral("name"), QStringLiteral("Cơ sở Gỗ Phúc Lộc")},
                          {QStringLiteral("status"), QStringLiteral("slow")}},
                         &id)
                    .ok());
        QSqlRecord q = lastOutbox();
        QCOMPARE(q.value(0).toString(), QStringLiteral("tenants"));
        QCOMPARE(q.value(1).toString(), id);
        QCOMPARE(q.value(2).toString(), QStringLiteral("insert"));
        QVERIFY(q.value(4).isNull());
        QJsonObject now = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        QCOMPARE(now.value(QStringLiteral("name")).toString(), QStringLiteral("Cơ sở Gỗ Phúc Lộc"));
        QVERIFY(!now.contains(QStringLiteral("search_text")));

        QVERIFY(w.update(QStringLiteral("tenants"), id,
                         {{QStringLiteral("status"), QStringLiteral("operating")}})
                    .ok());
        q = lastOutbox();
        QCOMPARE(q.value(2).toString(), QStringLiteral("update"));
        QCOMPARE(QJsonDocument::fromJson(q.value(4).toString().toUtf8())
                     .object()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("slow"));
        QCOMPARE(QJsonDocument::fromJson(q.value(5).toString().toUtf8())
                     .object()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("operating"));

        // Writing the same value again changes nothing and sends nothing.
        const int afterUpdate = testdb::count(m_db, QStringLiteral("SELECT count(*) FROM outbox"));
        QVERIFY(w.update(QStringLiteral("tenants"), id,
                         {{QStringLiteral("status"), QStringLiteral("operating")}})
                    .ok());
        QCOMPARE(testdb::count(m_db, QStringLiteral("SELECT count(*) FROM outbox")), afterUpdate);

        QVERIFY(w.softDelete(QStringLiteral("tenants"), id).ok());
        q = lastOutbox();
        QCOMPARE(q.value(2).toString(), QStringLiteral("delete"));
        QCOMPARE(testdb::count(m_db, QStringLiteral("SELECT count(*) FROM outbox")), before + 3);
    }

    void hardDeleteIsRefused()
    {
        QSqlQuery q(m_db.connection());
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM tenants")));
        QVERIFY(q.lastError().text().contains(QStringLiteral("soft-deleted")));
        QCOMPARE(testdb::count(m_db, QStringLiteral("SELECT count(*) FROM tenants")), 1);
    }

    void appliedPagesAreNotEchoed()
    {
        QSqlQuery q(m_db.connection());
        const int before = testdb::count(m_db, QStringLiteral("SELECT count(*) FROM outbox"));
        QVERIFY(m_db.connection().transaction());
        QVERIFY(q.exec(QStringLiteral("UPDATE sync_flags SET applying = 1")));
        QVERIFY(q.exec(
            QStringLiteral("UPDATE clusters SET name = 'Đồng Hướng (đổi tên)', sync_seq = 42")));
        QVERIFY(q.exec(QStringLiteral("UPDATE sync_flags SET applying = 0")));
        QVERIFY(m_db.connection().commit());
        QCOMPARE(testdb::count(m_db, QStringLiteral("SELECT count(*) FROM outbox")), before);
        // The next local edit carries the registry sequence it was based on.
        RecordWriter w(m_db.connection());
        QVERIFY(w.update(QStringLiteral("clusters"), testdb::dongHuong,
                         {{QStringLiteral("notes"), QStringLiteral("x")}})
                    .ok());
        QCOMPARE(lastOutbox().value(3).toInt(), 42);
    }

    void rolledBackWriteLeavesNoOutboxRow()
    {
        const int before = testdb::count(m_db, QStringLiteral("SELECT count(*) FROM outbox"));
        QVERIFY(m_db.connection().transaction());
        RecordWriter w(m_db.connection());
        QVERIFY(w.update(QStringLiteral("clusters"), testdb::dongHuong,
                         {{QStringLiteral("notes"), QStringLiteral("y")}})
                    .ok());
        QVERIFY(m_db.connection().rollback());
        QCOMPARE(testdb::count(m_db, QStringLiteral("SELECT count(*) FROM outbox")), before);
    }
};

QTEST_GUILESS_MAIN(TestOutboxTriggers)
#include "tst_outboxtriggers.moc"
