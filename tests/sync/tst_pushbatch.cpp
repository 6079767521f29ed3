// PushBatch: outbox -> push batch (fixture tests/fixtures/sync/push_batches.json) and the
// handling of the registry's reply (stored entries leave, rejected ones stay marked).
#include "protocolversion.h"
#include "pushbatch.h"
#include "pushrequest.h"
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
        const QJsonObject body = QJsonDocument::fromJson(batch.body()).object();
        QCOMPARE(body.value("protocol").toInt(), ProtocolVersion::current);
        QString error;
        const PushRequest req = PushRequest::fromJson(batch.body(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(req.deviceId, QStringLiteral("dev-1"));
        const QJsonArray expect = fixture.value("expect").toArray();
        QCOMPARE(req.changes.size(), expect.size());
        // A run per stretch of one entity, op and column set: never more runs than changes.
        QVERIFY(body.value("runs").toArray().size() <= req.changes.size());
        for (int i = 0; i < expect.size(); ++i) {
            const PushChange &got = req.changes.at(i);
            const QJsonObject want = expect.at(i).toObject();
            QCOMPARE(got.seq, batch.entries().at(i).outboxSeq);
            QVERIFY(i == 0 || got.seq > req.changes.at(i - 1).seq);
            QCOMPARE(got.entity, want.value("entity").toString());
            QCOMPARE(got.rowId, want.value("row_id").toString());
            QCOMPARE(got.op, want.value("op").toString());
            QCOMPARE(got.baseSeq, want.value("base_seq").toInteger());
            if (want.value("fields") == QJsonValue(QStringLiteral("*")))
                continue;
            const QJsonObject gf = got.fields;
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
        const auto &e = batch.entries();
        // Only what was not simply applied is listed: e[0] was applied.
        const QJsonObject reply{
            {"protocol", ProtocolVersion::current},
            {"server_seq", 12},
            {"results",
             QJsonArray{QJsonObject{{"change", double(e[1].outboxSeq)},
                                    {"status", "rejected"},
                                    {"code", "validation"},
                                    {"message", "Mã tỉnh trùng"}},
                        QJsonObject{{"change", double(e[2].outboxSeq)}, {"status", "duplicate"}}}}};
        PushBatch::Outcome o;
        QVERIFY(batch.applyReply(c, reply, &o).ok());
        QCOMPARE(o.stored, 2);
        QCOMPARE(o.rejected, 1);
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox").toInt(), 1);
        QCOMPARE(scalar(c, "SELECT rejected_code FROM outbox").toString(),
                 QStringLiteral("validation"));
        QCOMPARE(scalar(c, "SELECT rejected_message FROM outbox").toString(),
                 QStringLiteral("Mã tỉnh trùng"));
        QCOMPARE(scalar(c, "SELECT seq FROM outbox").toLongLong(), e[1].outboxSeq);
        // A rejected entry is not resent.
        PushBatch next;
        QVERIFY(PushBatch::build(c, QStringLiteral("dev-1"), 500, &next).ok());
        QVERIFY(next.isEmpty());
    }

    void nextBatchStartsAfterTheOneInFlight()
    {
        // The client builds batch N+1 while N is with the registry: from the entries after N's
        // last seq, whether or not N's reply has been written yet.
        Database db;
        QSqlDatabase c = freshDb(db);
        threeInserts(c);
        PushBatch first;
        QVERIFY(PushBatch::build(c, QStringLiteral("dev-1"), 2, &first).ok());
        QCOMPARE(first.size(), 2);
        QCOMPARE(first.lastSeq(), first.entries().at(1).outboxSeq);
        PushBatch second;
        QVERIFY(PushBatch::build(c, QStringLiteral("dev-1"), 2, &second, first.lastSeq()).ok());
        QCOMPARE(second.size(), 1);
        QVERIFY(second.entries().at(0).outboxSeq > first.lastSeq());
        PushBatch third;
        QVERIFY(PushBatch::build(c, QStringLiteral("dev-1"), 2, &third, second.lastSeq()).ok());
        QVERIFY(third.isEmpty());
        QCOMPARE(third.lastSeq(), qint64(0));
    }

    // A conflict's row comes back with its winning values: from its version at the result's
    // seq, so the cursor moves back only when it is past that version, and never to the change's
    // old base_seq when the result names the version (that would pull everything since again).
    void conflictRewindsCursor_data()
    {
        QTest::addColumn<QJsonValue>("resultSeq");
        QTest::addColumn<QString>("cursorAfter");
        QTest::newRow("row's version after the cursor") << QJsonValue(21) << QStringLiteral("20");
        QTest::newRow("row's version before the cursor") << QJsonValue(15) << QStringLiteral("14");
        QTest::newRow("no seq in the result")
            << QJsonValue(QJsonValue::Undefined) << QStringLiteral("5");
    }

    void conflictRewindsCursor()
    {
        QFETCH(QJsonValue, resultSeq);
        QFETCH(QString, cursorAfter);
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
        QJsonObject result{{"change", double(batch.entries()[0].outboxSeq)},
                           {"status", "conflict"},
                           {"conflict_ids", QJsonArray{"k1"}}};
        if (!resultSeq.isUndefined())
            result.insert("seq", resultSeq);
        const QJsonObject reply{{"protocol", ProtocolVersion::current},
                                {"server_seq", 21},
                                {"results", QJsonArray{result}}};
        PushBatch::Outcome o;
        QVERIFY(batch.applyReply(c, reply, &o).ok());
        QCOMPARE(o.conflicts, 1);
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox").toInt(), 0);
        QCOMPARE(scalar(c, "SELECT value FROM sync_state WHERE key = 'pull_cursor'").toString(),
                 cursorAfter);
    }

    void malformedReplyChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::newRow("wrong protocol") << QByteArray(R"({"protocol": 1, "results": []})");
        QTest::newRow("no results") << QByteArray(R"({"protocol": 2})");
        QTest::newRow("result for a change not sent") << QByteArray(
            R"({"protocol": 2, "results": [{"change": 999999, "status": "conflict"}]})");
        QTest::newRow("change not a number")
            << QByteArray(R"({"protocol": 2, "results": [{"change": "1", "status": "rejected"}]})");
        QTest::newRow("unknown status") << QByteArray("ID0");
        QTest::newRow("a change listed twice") << QByteArray("TWICE");
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
        if (reply == "ID0" || reply == "TWICE") {
            const double first = double(batch.entries().first().outboxSeq);
            const QJsonObject one{{"change", first},
                                  {"status", reply == "ID0" ? "stored" : "duplicate"}};
            r = QJsonObject{{"protocol", ProtocolVersion::current},
                            {"results", reply == "ID0" ? QJsonArray{one} : QJsonArray{one, one}}};
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
