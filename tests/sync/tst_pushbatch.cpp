// PushBatch: outbox -> push batch (fixture tests/fixtures/sync/push_batches.json) and the
// handling of the registry's reply (stored entries leave, rejected ones stay marked, sync_seq).
#include "protocolversion.h"
#include "pushbatch.h"
#include "synctestutil.h"

#include <QTemporaryDir>

using namespace synctest;

class TestPushBatch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    QSqlDatabase freshDb(Database &db)
    {
        const CoreError e = db.open(m_dir.filePath(QStringLiteral("d%1.db").arg(++m_n)));
        if (e.failed())
            qFatal("%s", qPrintable(e.message()));
        return db.connection();
    }

    void threeInserts(QSqlDatabase c)
    {
        QString why;
        const QJsonArray steps = QJsonDocument::fromJson(R"([
          {"do": "insert", "table": "admin_units", "values": {"id": "p1", "code": "01", "name": "A", "level": "province", "level_label": "Tỉnh", "valid_from": "2025-07-01"}},
          {"do": "insert", "table": "admin_units", "values": {"id": "p2", "code": "02", "name": "B", "level": "province", "level_label": "Tỉnh", "valid_from": "2025-07-01"}},
          {"do": "insert", "table": "admin_units", "values": {"id": "p3", "code": "03", "name": "C", "level": "province", "level_label": "Tỉnh", "valid_from": "2025-07-01"}}
        ])")
                                     .array();
        QVERIFY2(runSteps(c, steps, &why), qPrintable(why));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void build_data()
    {
        QTest::addColumn<QJsonObject>("fixture");
        const QJsonArray cases =
            readJson(QStringLiteral("sync/push_batches.json")).object().value("cases").toArray();
        QVERIFY(!cases.isEmpty());
        for (const QJsonValue &c : cases)
            QTest::newRow(qPrintable(c.toObject().value("name").toString())) << c.toObject();
    }

    void build()
    {
        QFETCH(QJsonObject, fixture);
        Database db;
        QSqlDatabase c = freshDb(db);
        QString why;
        QVERIFY2(runSteps(c, fixture.value("steps").toArray(), &why), qPrintable(why));
        PushBatch batch;
        QVERIFY(PushBatch::build(c, QStringLiteral("dev-1"), fixture.value("limit").toInt(), &batch)
                    .ok());
        const QJsonObject body = batch.body();
        QCOMPARE(body.value("protocol").toInt(), ProtocolVersion::current);
        QCOMPARE(body.value("device_id").toString(), QStringLiteral("dev-1"));
        const QJsonArray changes = body.value("changes").toArray();
        const QJsonArray expect = fixture.value("expect").toArray();
        QCOMPARE(changes.size(), expect.size());
        for (int i = 0; i < expect.size(); ++i) {
            const QJsonObject got = changes.at(i).toObject();
            const QJsonObject want = expect.at(i).toObject();
            QCOMPARE(got.value("change_id").toString().size(), 32);
            QCOMPARE(got.value("entity").toString(), want.value("entity").toString());
            QCOMPARE(got.value("row_id").toString(), want.value("row_id").toString());
            QCOMPARE(got.value("op").toString(), want.value("op").toString());
            QCOMPARE(got.value("base_seq").toInteger(), want.value("base_seq").toInteger());
            if (want.value("fields") == QJsonValue(QStringLiteral("*")))
                continue;
            const QJsonObject gf = got.value("fields").toObject();
            const QJsonObject wf = want.value("fields").toObject();
            QStringList gk = gf.keys(), wk = wf.keys();
            QCOMPARE(gk, wk);
            for (const QString &k : wk) {
                if (wf.value(k) == QJsonValue(QStringLiteral("*")))
                    continue;
                QVERIFY2(
                    gf.value(k) == wf.value(k),
                    qPrintable(
                        QStringLiteral("%1: got %2").arg(k, gf.value(k).toVariant().toString())));
            }
        }
        QCOMPARE(batch.size(), int(expect.size()));
    }

    void replyDeletesStoredKeepsRejected()
    {
        Database db;
        QSqlDatabase c = freshDb(db);
        threeInserts(c);
        PushBatch batch;
        QVERIFY(PushBatch::build(c, QStringLiteral("dev-1"), 500, &batch).ok());
        QVERIFY(batch.markSent(c, 1000).ok());
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox WHERE sent_at = 1000").toInt(), 3);
        const auto &e = batch.entries();
        const QJsonObject reply{
            {"protocol", ProtocolVersion::current},
            {"server_seq", 12},
            {"results",
             QJsonArray{
                 QJsonObject{{"change_id", e[0].changeId}, {"status", "applied"}, {"seq", 10}},
                 QJsonObject{{"change_id", e[1].changeId},
                             {"status", "rejected"},
                             {"code", "validation"},
                             {"message", "Mã tỉnh trùng"}},
                 QJsonObject{{"change_id", e[2].changeId}, {"status", "duplicate"}, {"seq", 12}}}}};
        PushBatch::Outcome o;
        QVERIFY(batch.applyReply(c, reply, &o).ok());
        QCOMPARE(o.stored, 2);
        QCOMPARE(o.rejected, 1);
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox").toInt(), 1);
        QCOMPARE(scalar(c, "SELECT rejected_code FROM outbox").toString(),
                 QStringLiteral("validation"));
        QCOMPARE(scalar(c, "SELECT rejected_message FROM outbox").toString(),
                 QStringLiteral("Mã tỉnh trùng"));
        QCOMPARE(scalar(c, "SELECT sync_seq FROM admin_units WHERE id = 'p1'").toInt(), 10);
        QCOMPARE(scalar(c, "SELECT sync_seq FROM admin_units WHERE id = 'p2'").toInt(), 0);
        QCOMPARE(scalar(c, "SELECT sync_seq FROM admin_units WHERE id = 'p3'").toInt(), 12);
        QCOMPARE(scalar(c, "SELECT applying FROM sync_flags").toInt(), 0);
        // Setting sync_seq did not echo into the outbox, and a rejected entry is not resent.
        PushBatch next;
        QVERIFY(PushBatch::build(c, QStringLiteral("dev-1"), 500, &next).ok());
        QVERIFY(next.isEmpty());
    }

    void conflictRewindsCursor()
    {
        Database db;
        QSqlDatabase c = freshDb(db);
        threeInserts(c);
        QString why;
        QVERIFY(
            runSteps(c,
                     QJsonDocument::fromJson(R"([{"do": "settle", "table": "admin_units", "seq": 5},
            {"do": "update", "table": "admin_units", "id": "p1", "values": {"name": "AA"}}])")
                         .array(),
                     &why));
        QSqlQuery(c).exec("INSERT INTO sync_state(key, value) VALUES ('pull_cursor', '20')");
        PushBatch batch;
        QVERIFY(PushBatch::build(c, QStringLiteral("dev-1"), 500, &batch).ok());
        QCOMPARE(batch.size(), 1);
        const QJsonObject reply{
            {"protocol", ProtocolVersion::current},
            {"server_seq", 21},
            {"results", QJsonArray{QJsonObject{{"change_id", batch.entries()[0].changeId},
                                               {"status", "conflict"},
                                               {"seq", 21},
                                               {"conflict_ids", QJsonArray{"k1"}}}}}};
        PushBatch::Outcome o;
        QVERIFY(batch.applyReply(c, reply, &o).ok());
        QCOMPARE(o.conflicts, 1);
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox").toInt(), 0);
        QCOMPARE(scalar(c, "SELECT value FROM sync_state WHERE key = 'pull_cursor'").toString(),
                 QStringLiteral("5"));
    }

    void malformedReplyChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::newRow("wrong protocol") << QByteArray(R"({"protocol": 99, "results": []})");
        QTest::newRow("too few results")
            << QByteArray(R"({"protocol": )" + QByteArray::number(ProtocolVersion::current) +
                          R"(, "results": [{"change_id": "x", "status": "applied"}]})");
        QTest::newRow("no results")
            << QByteArray(R"({"protocol": )" + QByteArray::number(ProtocolVersion::current) + "}");
        QTest::newRow("unknown status") << QByteArray("ID0");
        QTest::newRow("other change ids") << QByteArray("IDS");
    }

    void malformedReplyChangesNothing()
    {
        QFETCH(QByteArray, reply);
        Database db;
        QSqlDatabase c = freshDb(db);
        threeInserts(c);
        PushBatch batch;
        QVERIFY(PushBatch::build(c, QStringLiteral("dev-1"), 500, &batch).ok());
        QJsonObject r = QJsonDocument::fromJson(reply).object();
        if (reply == "ID0" || reply == "IDS") {
            QJsonArray results;
            for (const auto &e : batch.entries())
                results.append(
                    QJsonObject{{"change_id", reply == "IDS" ? e.changeId + "x" : e.changeId},
                                {"status", reply == "ID0" ? "stored" : "applied"},
                                {"seq", 3}});
            r = QJsonObject{{"protocol", ProtocolVersion::current}, {"results", results}};
        }
        const QStringList before = outboxSnapshot(c);
        const CoreError e = batch.applyReply(c, r, nullptr);
        QVERIFY(e.failed());
        QVERIFY2(e.message().contains(QStringLiteral("không đúng định dạng")),
                 qPrintable(e.message()));
        QCOMPARE(outboxSnapshot(c), before);
    }
};

QTEST_GUILESS_MAIN(TestPushBatch)
#include "tst_pushbatch.moc"
