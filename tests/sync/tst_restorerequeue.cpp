// RestoreRequeue: what a device queues again when its registry was restored from a backup
// (fixture tests/fixtures/sync/restore_requeue.json): the rows above the registry's seq that the
// user's role may write, in their sequences' order, each whole with the given base_seq and the
// author of the pending entries it replaces; the replaced pending entries go, rejected ones stay;
// the cursor goes back and the new epoch is stored; the photos are asked about again; the changes
// given up on the tablet are named to the registry again.
#include "outboxtriggers.h"
#include "restorerequeue.h"
#include "synctestutil.h"

#include <QTemporaryDir>

using namespace synctest;

class TestRestoreRequeue : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void requeue_data()
    {
        QVERIFY(addFixtureCases(QStringLiteral("sync/restore_requeue.json")) > 0);
    }

    void requeue()
    {
        QFETCH(QJsonObject, fixture);
        Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("d%1.db").arg(++m_n))).ok());
        QSqlDatabase c = db.connection();
        QSqlQuery q(c);
        // The rows' parents are not all there: a device may hold rows whose parent it may not see.
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys = OFF")));
        const QJsonArray setup =
            readJson(QStringLiteral("sync/restore_requeue.json")).object().value("setup").toArray();
        for (const QJsonValue &sql : setup)
            QVERIFY2(q.exec(sql.toString()), qPrintable(q.lastError().text() + sql.toString()));
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox").toInt(), 3);

        for (const QJsonValue &v : fixture.value("unpulled").toArray()) {
            q.prepare(QStringLiteral(
                "INSERT INTO pushed_unpulled(entity, row_id, server_seq) VALUES (?, ?, ?)"));
            for (const QJsonValue &c : v.toArray())
                q.addBindValue(c.toVariant());
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }

        int rows = -1;
        QVERIFY(q.exec(QStringLiteral("INSERT INTO sync_state(key, value) VALUES "
                                      "('registry_epoch', 'epoch-before')")));
        const QString epoch = fixture.value("epoch").toString();
        const CoreError e = RestoreRequeue::requeue(
            c, fixture.value("registry_seq").toInt(), fixture.value("base_seq").toInt(),
            fixture.value("cursor").toInt(), fixture.value("role").toString(), epoch, &rows);
        QVERIFY2(e.ok(), qPrintable(e.message()));

        const QJsonArray requeued = fixture.value("requeued").toArray();
        QCOMPARE(rows, requeued.size());
        QVERIFY(
            q.exec(QStringLiteral("SELECT entity, row_id, op, base_seq, old_json, new_json, author "
                                  "FROM outbox WHERE change_id NOT IN ('pend-12', 'rej-12', "
                                  "'pend-5') ORDER BY seq")));
        const QHash<QString, QStringList> columns = OutboxTriggers::syncedColumns(c);
        for (const QJsonValue &v : requeued) {
            QVERIFY(q.next());
            const QString entity = v.toArray().at(0).toString();
            const QString id = v.toArray().at(1).toString();
            QCOMPARE(q.value(0).toString(), entity);
            QCOMPARE(q.value(1).toString(), id);
            // Whose work it is: the replaced entries' author, none when it had none.
            QCOMPARE(q.value(6).isNull(), v.toArray().at(2).isNull());
            QCOMPARE(q.value(6).toString(), v.toArray().at(2).toString());
            QCOMPARE(q.value(2).toString(), QStringLiteral("insert"));
            QCOMPARE(q.value(3).toLongLong(), fixture.value("base_seq").toInteger());
            QVERIFY(q.value(4).isNull());
            // The whole row as it is: every travelling column, a tombstone's deleted_at too.
            const QJsonObject row = QJsonDocument::fromJson(q.value(5).toByteArray()).object();
            QCOMPARE(row.keys().size(), columns.value(entity).size());
            QCOMPARE(row.value("id").toString(), id);
            const QVariant deletedAt = scalar(
                c, QStringLiteral("SELECT deleted_at FROM %1 WHERE id = '%2'").arg(entity, id));
            QCOMPARE(row.value("deleted_at").isNull(), deletedAt.isNull());
            QCOMPARE(row.value("deleted_at").toInteger(), deletedAt.toLongLong());
        }
        QVERIFY(!q.next());

        // The changes given up are named again (the registry may have lost their notice).
        QStringList refetch;
        QVERIFY(q.exec(QStringLiteral("SELECT change_seq || ':' || row_id FROM refetch_rows ORDER "
                                      "BY change_seq")));
        while (q.next())
            refetch << q.value(0).toString();
        QCOMPARE(refetch, (QStringList{QStringLiteral("1:t-given-up-before"),
                                       QStringLiteral("2:t-given-up")}));

        QStringList kept;
        QVERIFY(q.exec(QStringLiteral("SELECT change_id FROM outbox WHERE change_id IN "
                                      "('pend-12', 'rej-12', 'pend-5') ORDER BY seq")));
        while (q.next())
            kept << q.value(0).toString();
        QStringList wantKept;
        for (const QJsonValue &v : fixture.value("outbox_kept").toArray())
            wantKept << v.toString();
        QCOMPARE(kept, wantKept);
        // What the restore did not queue again stays until the pull passes it.
        QStringList left, wantLeft;
        QVERIFY(q.exec(QStringLiteral("SELECT entity || '/' || row_id FROM pushed_unpulled "
                                      "ORDER BY entity, row_id")));
        while (q.next())
            left << q.value(0).toString();
        for (const QJsonValue &v : fixture.value("unpulled_left").toArray())
            wantLeft << v.toArray().at(0).toString() + QLatin1Char('/') +
                            v.toArray().at(1).toString();
        QCOMPARE(left, wantLeft);
        QCOMPARE(scalar(c, "SELECT value FROM sync_state WHERE key = 'pull_cursor'").toString(),
                 QString::number(fixture.value("cursor").toInt()));
        QCOMPARE(scalar(c, "SELECT on_server FROM photo_transfers").toInt(),
                 fixture.value("photo_on_server").toInt());
        QCOMPARE(scalar(c, "SELECT value FROM sync_state WHERE key = 'registry_epoch'").toString(),
                 epoch.isEmpty() ? QStringLiteral("epoch-before") : epoch);
    }
};

QTEST_GUILESS_MAIN(TestRestoreRequeue)
#include "tst_restorerequeue.moc"
