// PullPage: the registry's side of a protocol 2 page. Rows are grouped in runs (a new run where the
// entity or the column list changes), each value copied from the stored row text as it is.
#include "protocolversion.h"
#include "pullpage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

class TestPullPage : public QObject
{
    Q_OBJECT

private slots:
    void textThatIsNotUtf8IsLeftToTheCaller()
    {
        // Half of a UTF-16 pair in UTF-8 bytes (as an old registry could store): nothing is
        // appended, and the caller is told, so it can read the text as its database does.
        PullPage p;
        QVERIFY(p.append(1, "inspections", false, R"({"id":"i1","template_id":"t"})"));
        QVERIFY(!p.append(2, "inspections", false,
                          "{\"id\":\"i2\",\"template_id\":\"t\xed\xa0\x80\"}"));
        QCOMPARE(p.rowCount(), 1);
        // UTF-8 that simdjson does not take (a name escaping half of a pair) still goes in.
        QVERIFY(p.append(3, "inspections", false, R"({"id":"i3","\ud800":"t"})"));
        QCOMPARE(p.rowCount(), 2);
    }

    void runsSplitOnEntityAndColumns()
    {
        PullPage p;
        p.protocol = ProtocolVersion::current;
        p.next = 16;
        p.more = true;
        p.append(10, "answers", false, R"({"id":"a1","inspection_id":"i1","value":"yes"})");
        p.append(11, "answers", true, R"({"id":"a2","inspection_id":"i1","value":null})");
        p.append(12, "violations", false, R"({"id":"v1","inspection_id":"i1","value":"yes"})");
        p.append(13, "answers", false, R"({"id":"a3","inspection_id":"i1","value":"no"})");
        p.append(14, "answers", false, R"({"id":"a4","inspection_id":"i1","note":"x","value":1})");
        p.append(15, "answers", false, R"({"id":"a5","inspection_id":"i1","value":2})");
        p.append(16, "answers", false, R"({"id":"a6","inspection_id":"i1","value":3})");

        QString error;
        const PullPage back = PullPage::fromJson(p.toJson(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(back.protocol, ProtocolVersion::current);
        QCOMPARE(back.next, 16);
        QVERIFY(back.more);
        QCOMPARE(back.runs.size(), 5);
        QList<int> counts;
        QStringList entities;
        for (const PullRun &r : back.runs) {
            counts << r.rowCount;
            entities << r.entity;
        }
        QCOMPARE(counts, (QList<int>{2, 1, 1, 1, 2}));
        QCOMPARE(entities, (QStringList{"answers", "violations", "answers", "answers", "answers"}));
        QCOMPARE(back.runs.at(3).columns,
                 (QList<QByteArray>{"id", "inspection_id", "note", "value"}));
        QCOMPARE(back.rowCount(), 7);

        const QList<PulledRow> rows = back.rows();
        QCOMPARE(rows.size(), 7);
        QCOMPARE(rows.at(1).seq, 11);
        QCOMPARE(rows.at(1).rowId, QStringLiteral("a2"));
        QVERIFY(rows.at(1).deleted);
        QVERIFY(rows.at(1).row.value("value").isNull());
        QVERIFY(!rows.at(0).deleted);
        QCOMPARE(rows.at(4).row.value("note").toString(), QStringLiteral("x"));
    }

    // The wire shape, member by member.
    void shape()
    {
        PullPage p;
        p.protocol = ProtocolVersion::current;
        p.next = 3;
        p.append(3, "clusters", true, R"({"code":"C","id":"c1"})");
        const QJsonObject o = QJsonDocument::fromJson(p.toJson()).object();
        QCOMPARE(o.keys(), (QStringList{"more", "next", "protocol", "runs"}));
        QCOMPARE(o.value("protocol").toInt(), ProtocolVersion::current);
        QCOMPARE(o.value("more").toBool(), false);
        const QJsonObject run = o.value("runs").toArray().at(0).toObject();
        QCOMPARE(run.keys(), (QStringList{"columns", "entity", "rows"}));
        QCOMPARE(run.value("entity").toString(), QStringLiteral("clusters"));
        QCOMPARE(run.value("columns").toArray(), (QJsonArray{"code", "id"}));
        QCOMPARE(run.value("rows").toArray(), (QJsonArray{QJsonArray{3, 1, "C", "c1"}}));
        // An empty page is still a page.
        PullPage empty;
        empty.protocol = ProtocolVersion::current;
        const QJsonObject e = QJsonDocument::fromJson(empty.toJson()).object();
        QVERIFY(e.value("runs").isArray());
        QVERIFY(e.value("runs").toArray().isEmpty());
        // The registry's latest sequence, when given, for the device's progress bar.
        p.lastSeq = 9;
        const QJsonObject withLast = QJsonDocument::fromJson(p.toJson()).object();
        QCOMPARE(withLast.keys(), (QStringList{"last_seq", "more", "next", "protocol", "runs"}));
        QCOMPARE(withLast.value("last_seq").toInteger(), 9);
        QString error;
        QCOMPARE(PullPage::fromJson(p.toJson(), &error).lastSeq, 9);
        QVERIFY(error.isEmpty());
        // The registry's epoch, when it has one, with the sequence it began at.
        p.epoch = QStringLiteral("0194e2b1-epoch");
        p.epochSeq = 7;
        const QJsonObject withEpoch = QJsonDocument::fromJson(p.toJson()).object();
        QCOMPARE(withEpoch.value("epoch").toString(), QStringLiteral("0194e2b1-epoch"));
        QCOMPARE(withEpoch.value("epoch_seq").toInteger(), 7);
        const PullPage back = PullPage::fromJson(p.toJson(), &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(back.epoch, p.epoch);
        QCOMPARE(back.epochSeq, 7);
    }

    // Values are copied as stored: strings with quotes, commas, braces and escapes, nested
    // arrays and objects, numbers, booleans, null. Text the scanner does not read (spaces, an
    // escaped member name) goes through QJsonDocument and gives the same values.
    void valuesCopiedAsStored_data()
    {
        QTest::addColumn<QByteArray>("stored");
        const QJsonObject o{{"id", "r1"},
                            {"note", "a \"quoted\", {braced} [x] \\ \u0111\u00f4ng\n"},
                            {"list", QJsonArray{1, "}", QJsonObject{{"k", "]"}}}},
                            {"obj", QJsonObject{{"a", QJsonArray{}}, {"b", "\\\""}}},
                            {"area", 65.5},
                            {"big", 1732170000000.0},
                            {"neg", -3},
                            {"yes", true},
                            {"no", false},
                            {"none", QJsonValue::Null},
                            {"empty", ""}};
        QTest::newRow("compact") << QJsonDocument(o).toJson(QJsonDocument::Compact);
        QTest::newRow("indented") << QJsonDocument(o).toJson(QJsonDocument::Indented);
        QByteArray escapedName = QJsonDocument(o).toJson(QJsonDocument::Compact);
        escapedName.replace("\"note\"", "\"no\\u0074e\"");
        QTest::newRow("escaped name") << escapedName;
        QJsonObject named = o;
        named.insert(QStringLiteral("ghi chú \"x\""), QStringLiteral("tên không phải định danh"));
        QTest::newRow("names that are not identifiers")
            << QJsonDocument(named).toJson(QJsonDocument::Compact);
    }

    void valuesCopiedAsStored()
    {
        QFETCH(QByteArray, stored);
        PullPage p;
        p.protocol = ProtocolVersion::current;
        p.next = 7;
        p.append(7, "notes", false, stored);
        QString error;
        const QList<PulledRow> rows = PullPage::fromJson(p.toJson(), &error).rows();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).row, QJsonDocument::fromJson(stored).object());
        QCOMPARE(rows.at(0).rowId, QStringLiteral("r1"));
    }

    void fromJsonRefusesBrokenPages_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("not json") << QByteArray("{\"protocol\":2,");
        QTest::newRow("protocol 1 shape")
            << QByteArray(R"({"protocol":1,"changes":[],"next":0,"more":false})");
        QTest::newRow("row too short") << QByteArray(
            R"({"protocol":2,"next":1,"more":false,"runs":[{"entity":"a","columns":["id"],"rows":[[1,0]]}]})");
        QTest::newRow("run without rows") << QByteArray(
            R"({"protocol":2,"next":1,"more":false,"runs":[{"entity":"a","columns":["id"],"rows":[]}]})");
        QTest::newRow("run without entity") << QByteArray(
            R"({"protocol":2,"next":1,"more":false,"runs":[{"columns":["id"],"rows":[[1,0,"x"]]}]})");
    }

    void fromJsonRefusesBrokenPages()
    {
        QFETCH(QByteArray, json);
        QString error;
        const PullPage p = PullPage::fromJson(json, &error);
        QVERIFY(!error.isEmpty());
        QVERIFY(p.runs.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPullPage)
#include "tst_pullpage.moc"
