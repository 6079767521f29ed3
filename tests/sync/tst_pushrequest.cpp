// PushRequest::fromJson (simdjson for a well-formed body) against fromJsonQt (QJsonDocument):
// the same request for every body, the same error for every malformed one, and text only Qt
// reads (half of a UTF-16 pair escaped) still read.
#include "protocolversion.h"
#include "pushrequest.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

namespace {
// The fields' text and each value's kind as Qt keeps it (integer or double).
QByteArray describe(const PushRequest &r)
{
    QByteArray out = QByteArray::number(r.protocol) + ' ' + r.deviceId.toUtf8() + '\n';
    for (const PushChange &c : r.changes) {
        out += QByteArray::number(c.seq) + ' ' + c.entity.toUtf8() + ' ' + c.op.toUtf8() + ' ' +
               c.rowId.toUtf8() + ' ' + QByteArray::number(c.baseSeq) + ' ' +
               QJsonDocument(c.fields).toJson(QJsonDocument::Compact);
        for (auto it = c.fields.constBegin(); it != c.fields.constEnd(); ++it)
            out += ' ' + QByteArray(it.value().toVariant().typeName());
        out += '\n';
    }
    return out;
}

QByteArray body(const QByteArray &runs)
{
    return "{\"protocol\":2,\"device_id\":\"DEV\",\"runs\":" + runs + "}";
}

// The body as QJsonDocument writes it (PushRequest::toJson builds it before 2026-11-22): what
// toJson's text must equal byte for byte.
QByteArray qtBody(const PushRequest &r)
{
    QJsonArray runs;
    QJsonObject run;
    QJsonArray rows;
    QStringList columns;
    const auto flush = [&] {
        if (rows.isEmpty())
            return;
        run.insert(QStringLiteral("changes"), rows);
        runs.append(run);
        rows = QJsonArray();
    };
    for (const PushChange &c : r.changes) {
        const QStringList keys = c.fields.keys();
        if (rows.isEmpty() || run.value("entity").toString() != c.entity ||
            run.value("op").toString() != c.op || keys != columns) {
            flush();
            columns = keys;
            run = QJsonObject{
                {"entity", c.entity}, {"op", c.op}, {"columns", QJsonArray::fromStringList(keys)}};
        }
        QJsonArray row{double(c.seq), c.rowId, double(c.baseSeq)};
        for (const QString &k : keys)
            row.append(c.fields.value(k));
        rows.append(row);
    }
    flush();
    return QJsonDocument(
               QJsonObject{{"protocol", r.protocol}, {"device_id", r.deviceId}, {"runs", runs}})
        .toJson(QJsonDocument::Compact);
}

QByteArray run(const QByteArray &columns, const QByteArray &changes)
{
    return "{\"entity\":\"answers\",\"op\":\"insert\",\"columns\":" + columns +
           ",\"changes\":" + changes + "}";
}
} // namespace

class TestPushRequest : public QObject
{
    Q_OBJECT
private slots:
    void sameAsQt_data();
    void sameAsQt();
    void malformedFromFixture();
    void loneSurrogateReadAsQtReadsIt();
    void roundTrip();
    void writtenAsQtWritesIt();
};

void TestPushRequest::sameAsQt_data()
{
    QTest::addColumn<QByteArray>("json");
    const QByteArray cols = "[\"id\",\"note\",\"value\"]";
    QTest::newRow("plain") << body(
        "[" + run(cols, "[[1,\"r1\",0,\"r1\",\"x\",\"yes\"],[2,\"r2\",5,\"r2\",null,\"no\"]]") +
        "]");
    QTest::newRow("two runs") << body(
        "[" + run(cols, "[[1,\"r1\",0,\"r1\",\"x\",\"yes\"]]") +
        ",{\"op\":\"update\",\"entity\":\"inspections\",\"changes\":[[7,\"i\",3,\"f\"]],"
        "\"columns\":[\"findings\"]}]");
    QTest::newRow("members in another order")
        << QByteArray("{\"runs\":[],\"device_id\":\"DEV\",\"protocol\":2.0}");
    QTest::newRow("numbers") << body(
        "[" +
        run("[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\",\"l\"]",
            "[[1e0,\"r\",0.0,-0,-0.0,1.0,1e2,0.1,9007199254740993,18446744073709551615,"
            "-9223372036854775808,9223372036854775807,1e300,5e-324,1.5]]") +
        "]");
    QTest::newRow("texts") << body(
        "[" +
        run("[\"a\",\"b\",\"c\",\"d\",\"e\"]",
            "[[1,\"r\\u0031\",0,\"say \\\"hi\\\"\\n\\t\\\\ \\/\",\"\\u00e9t\\u00C9 "
            "\\ud83d\\ude00\",\"Đồng Hướng \\u2028\",\"nul \\u0000 inside\",\"\"]]") +
        "]");
    QTest::newRow("booleans and null")
        << body("[" + run("[\"a\",\"b\",\"c\"]", "[[1,\"r\",0,true,false,null]]") + "]");
    QTest::newRow("escaped member names")
        << body("[" + run("[\"a b\",\"\\u00e9\",\"q\\\"\"]", "[[1,\"r\",0,1,2,3]]") + "]");
    QTest::newRow("whitespace") << QByteArray(
        " \n{ \"protocol\" : 2 ,\t\"device_id\":\"DEV\" ,\r\n\"runs\" : [ ] } \n");
    QTest::newRow("no changes in a run") << body("[" + run(cols, "[]") + "]");
    // Values simdjson's path leaves to Qt's reader (then checkValue refuses them per change).
    QTest::newRow("array value") << body("[" + run("[\"a\"]", "[[1,\"r\",0,[1,2]]]") + "]");
    QTest::newRow("object value") << body("[" + run("[\"a\"]", "[[1,\"r\",0,{\"x\":1}]]") + "]");
    QTest::newRow("big integer") << body(
        "[" + run("[\"a\"]", "[[1,\"r\",0,123456789012345678901234567890]]") + "]");
    // Members twice: Qt's reader keeps the last.
    QTest::newRow("protocol twice")
        << QByteArray("{\"protocol\":2,\"device_id\":\"DEV\",\"runs\":[],\"protocol\":2}");
    QTest::newRow("device twice") << QByteArray(
        "{\"protocol\":2,\"device_id\":\"A\",\"runs\":[],\"device_id\":\"DEV\"}");
    QTest::newRow("changes twice") << body(
        "[{\"entity\":\"answers\",\"op\":\"insert\",\"columns\":[\"a\"],\"changes\":[[1,\"r\",0,"
        "1]],\"changes\":[[2,\"s\",0,2]]}]");
    QTest::newRow("utf-8 BOM") << "\xef\xbb\xbf" + body("[]");
    // Malformed in every way fromJson checks.
    QTest::newRow("not json") << QByteArray("{bad");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("trailing text") << body("[]") + " x";
    QTest::newRow("two documents") << body("[]") + body("[]");
    QTest::newRow("raw control character")
        << body("[" + run("[\"a\"]", "[[1,\"r\",0,\"tab\there\"]]") + "]");
    QTest::newRow("comment") << QByteArray(
        "{\"protocol\":2,/*x*/\"device_id\":\"DEV\",\"runs\":[]}");
    QTest::newRow("NaN") << body("[" + run("[\"a\"]", "[[1,\"r\",0,NaN]]") + "]");
    QTest::newRow("huge number") << body("[" + run("[\"a\"]", "[[1,\"r\",0,1e400]]") + "]");
    QTest::newRow("leading zero") << body("[" + run("[\"a\"]", "[[1,\"r\",0,01]]") + "]");
    QTest::newRow("bad escape") << body("[" + run("[\"a\"]", "[[1,\"r\",0,\"\\x\"]]") + "]");
    QTest::newRow("other protocol")
        << QByteArray("{\"protocol\":1,\"device_id\":\"DEV\",\"changes\":[]}");
    QTest::newRow("protocol 3") << QByteArray("{\"protocol\":3,\"device_id\":\"DEV\",\"runs\":[]}");
    QTest::newRow("protocol fraction")
        << QByteArray("{\"protocol\":2.5,\"device_id\":\"DEV\",\"runs\":[]}");
    QTest::newRow("protocol text")
        << QByteArray("{\"protocol\":\"2\",\"device_id\":\"DEV\",\"runs\":[]}");
    QTest::newRow("no protocol") << QByteArray("{\"device_id\":\"DEV\",\"runs\":[]}");
    QTest::newRow("no device") << QByteArray("{\"protocol\":2,\"runs\":[]}");
    QTest::newRow("no runs") << QByteArray("{\"protocol\":2,\"device_id\":\"DEV\"}");
    QTest::newRow("empty device") << QByteArray("{\"protocol\":2,\"device_id\":\"\",\"runs\":[]}");
    QTest::newRow("long device") << "{\"protocol\":2,\"device_id\":\"" + QByteArray(129, 'd') +
                                        "\",\"runs\":[]}";
    QTest::newRow("device 128 accented") << "{\"protocol\":2,\"device_id\":\"" +
                                                QString(128, QChar(0xe9)).toUtf8() +
                                                "\",\"runs\":[]}";
    QTest::newRow("unknown member")
        << QByteArray("{\"protocol\":2,\"device_id\":\"DEV\",\"runs\":[],\"extra\":1}");
    QTest::newRow("runs object") << QByteArray(
        "{\"protocol\":2,\"device_id\":\"DEV\",\"runs\":{}}");
    QTest::newRow("run not object") << body("[1]");
    QTest::newRow("run missing op")
        << body("[{\"entity\":\"inspections\",\"columns\":[],\"changes\":[[1,\"r\",0]]}]");
    QTest::newRow("run unknown member")
        << body("[{\"entity\":\"a\",\"op\":\"update\",\"columns\":[],\"changes\":[],\"x\":1}]");
    QTest::newRow("bad op") << body(
        "[{\"entity\":\"a\",\"op\":\"upsert\",\"columns\":[],\"changes\":[]}]");
    QTest::newRow("empty entity") << body(
        "[{\"entity\":\"\",\"op\":\"update\",\"columns\":[],\"changes\":[]}]");
    QTest::newRow("columns not array")
        << body("[{\"entity\":\"a\",\"op\":\"update\",\"columns\":\"x\",\"changes\":[]}]");
    QTest::newRow("changes not array")
        << body("[{\"entity\":\"a\",\"op\":\"update\",\"columns\":[],\"changes\":{}}]");
    QTest::newRow("duplicate column")
        << body("[" + run("[\"a\",\"a\"]", "[[1,\"r\",0,1,2]]") + "]");
    QTest::newRow("empty column") << body("[" + run("[\"\"]", "[[1,\"r\",0,1]]") + "]");
    QTest::newRow("column not text") << body("[" + run("[1]", "[[1,\"r\",0,1]]") + "]");
    QTest::newRow("long column") << body(
        "[" + run("[\"" + QByteArray(65, 'c') + "\"]", "[[1,\"r\",0,1]]") + "]");
    QByteArray many = "[";
    for (int i = 0; i < 257; ++i)
        many += (i ? ",\"c" : "\"c") + QByteArray::number(i) + "\"";
    QTest::newRow("257 columns") << body("[" + run(many + "]", "[]") + "]");
    QTest::newRow("too few values") << body("[" + run("[\"a\",\"b\"]", "[[1,\"r\",0,1]]") + "]");
    QTest::newRow("too many values") << body("[" + run("[\"a\"]", "[[1,\"r\",0,1,2]]") + "]");
    QTest::newRow("change not array") << body("[" + run("[\"a\"]", "[{}]") + "]");
    QTest::newRow("seq zero") << body("[" + run("[\"a\"]", "[[0,\"r\",0,1]]") + "]");
    QTest::newRow("seq fraction") << body("[" + run("[\"a\"]", "[[1.5,\"r\",0,1]]") + "]");
    QTest::newRow("seq text") << body("[" + run("[\"a\"]", "[[\"1\",\"r\",0,1]]") + "]");
    QTest::newRow("seq past 2^53")
        << body("[" + run("[\"a\"]", "[[9007199254740992,\"r\",0,1]]") + "]");
    QTest::newRow("seqs not rising")
        << body("[" + run("[\"a\"]", "[[5,\"r\",0,1],[5,\"s\",0,1]]") + "]");
    QTest::newRow("seqs not rising across runs") << body(
        "[" + run("[\"a\"]", "[[5,\"r\",0,1]]") + "," + run("[\"a\"]", "[[4,\"s\",0,1]]") + "]");
    QTest::newRow("row id not text") << body("[" + run("[\"a\"]", "[[1,7,0,1]]") + "]");
    QTest::newRow("row id empty") << body("[" + run("[\"a\"]", "[[1,\"\",0,1]]") + "]");
    QTest::newRow("row id long") << body(
        "[" + run("[\"a\"]", "[[1,\"" + QByteArray(129, 'r') + "\",0,1]]") + "]");
    QTest::newRow("negative base") << body("[" + run("[\"a\"]", "[[1,\"r\",-4,1]]") + "]");
    QTest::newRow("base fraction") << body("[" + run("[\"a\"]", "[[1,\"r\",0.5,1]]") + "]");
    QTest::newRow("base null") << body("[" + run("[\"a\"]", "[[1,\"r\",null,1]]") + "]");
}

void TestPushRequest::sameAsQt()
{
    QFETCH(QByteArray, json);
    QString fastError, qtError;
    const PushRequest fast = PushRequest::fromJson(json, &fastError);
    const PushRequest qt = PushRequest::fromJsonQt(json, &qtError);
    QCOMPARE(fastError, qtError);
    QCOMPARE(describe(fast), describe(qt));
}

void TestPushRequest::malformedFromFixture()
{
    // Every push body of the registry's bad-input fixture: the same error as Qt's path, and one.
    QFile f(QStringLiteral(CCN_FIXTURES_DIR "/sync/badinput.jsonl"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    int checked = 0;
    while (!f.atEnd()) {
        const QJsonObject o = QJsonDocument::fromJson(f.readLine()).object();
        if (o.value("code").toString() != QLatin1String("malformed_push"))
            continue;
        const QByteArray json = o.value("body").toString().toUtf8();
        QString fastError, qtError;
        PushRequest::fromJson(json, &fastError);
        PushRequest::fromJsonQt(json, &qtError);
        QVERIFY2(!fastError.isEmpty(), qPrintable(o.value("name").toString()));
        QCOMPARE(fastError, qtError);
        ++checked;
    }
    QVERIFY(checked >= 10);
}

void TestPushRequest::loneSurrogateReadAsQtReadsIt()
{
    // simdjson refuses the escape of half a pair; Qt reads it, and SyncSchema::checkValue then
    // refuses that change alone (invalid_value), as before.
    QString error;
    const PushRequest r = PushRequest::fromJson(
        body("[" + run("[\"a\",\"b\"]", "[[1,\"r\",0,\"tr\\ud800ng\",\"\\udc00\"]]") + "]"),
        &error);
    QCOMPARE(error, QString());
    QCOMPARE(r.changes.size(), 1);
    const QString a = r.changes.first().fields.value("a").toString();
    QCOMPARE(a, QStringLiteral("tr") + QChar(0xd800) + QStringLiteral("ng"));
    QVERIFY(!a.isValidUtf16());
    QCOMPARE(r.changes.first().fields.value("b").toString(), QString(QChar(0xdc00)));
}

void TestPushRequest::roundTrip()
{
    PushRequest req;
    req.protocol = ProtocolVersion::current;
    req.deviceId = QStringLiteral("thiết bị");
    for (int i = 1; i <= 50; ++i) {
        PushChange c;
        c.seq = i * 3;
        c.entity = i % 7 ? QStringLiteral("answers") : QStringLiteral("inspections");
        c.op = i % 5 ? QStringLiteral("insert") : QStringLiteral("update");
        c.rowId = QStringLiteral("row-%1").arg(i);
        c.baseSeq = i % 5 ? 0 : i;
        c.fields.insert(QStringLiteral("id"), c.rowId);
        c.fields.insert(QStringLiteral("n"), i * 1.25);
        c.fields.insert(QStringLiteral("note"), QStringLiteral("ghi chú \"%1\"\n").arg(i));
        if (i % 3)
            c.fields.insert(QStringLiteral("flag"), i % 2 == 0);
        req.changes << c;
    }
    QString error;
    const PushRequest back = PushRequest::fromJson(req.toJson(), &error);
    QCOMPARE(error, QString());
    QCOMPARE(describe(back), describe(req));
}

void TestPushRequest::writtenAsQtWritesIt()
{
    // Values of every kind a row holds, names and ids that need escaping, runs that break on
    // entity, op and columns, and an empty request.
    PushRequest req;
    req.protocol = ProtocolVersion::current;
    req.deviceId = QStringLiteral("máy \"số\" 1\\");
    QCOMPARE(req.toJson(), qtBody(req));
    const QJsonValue values[] = {QJsonValue(QJsonValue::Null),
                                 true,
                                 false,
                                 0,
                                 -7,
                                 qint64(9007199254740993),
                                 1.25,
                                 -0.1,
                                 1e21,
                                 5e-324,
                                 QString(),
                                 QStringLiteral("Hợp tác xã \"Đông Á\"\n\t\u0001/\\"),
                                 QStringLiteral("tr") + QChar(0xd800) + QStringLiteral("ng"),
                                 QStringLiteral("😀 ✓"),
                                 QJsonArray{1, "a"},
                                 QJsonObject{{"k", 2}}};
    const int n = int(std::size(values));
    for (int i = 0; i < 3 * n; ++i) {
        PushChange c;
        c.seq = 1000000000000LL + i;
        c.entity = i % 4 ? QStringLiteral("answers") : QStringLiteral("inspections");
        c.op = i % 5 ? QStringLiteral("insert") : QStringLiteral("update");
        c.rowId = QStringLiteral("row-%1-\"ý\"").arg(i);
        c.baseSeq = i % 5 ? 0 : i * 17;
        c.fields.insert(QStringLiteral("value"), values[i % n]);
        c.fields.insert(QStringLiteral("note"), values[(i * 7) % n]);
        if (i % 3)
            c.fields.insert(QStringLiteral("ghi_chú \"x\""), values[(i + 3) % n]);
        req.changes << c;
    }
    const QByteArray text = req.toJson();
    QCOMPARE(text, qtBody(req));
    QString error;
    PushRequest::fromJson(text, &error);
    QCOMPARE(error, QString());
}

QTEST_APPLESS_MAIN(TestPushRequest)
#include "tst_pushrequest.moc"
