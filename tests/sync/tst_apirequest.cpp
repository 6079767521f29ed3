// ApiRequest: the registry's strict reading of ids, JSON bodies, string members, integers and NULs
// (fixture tests/fixtures/sync/api_request.json). Headers are read through a real request in
// tst_registryserver.
#include "apirequest.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
QJsonArray fixture(const char *part)
{
    QFile f(QStringLiteral(CCN_FIXTURES_DIR "/sync/api_request.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("api_request.json: %s", qPrintable(f.errorString()));
    return QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String(part)).toArray();
}

// "LONG128" stands for an id of 128 characters, "LONG129" for one of 129.
QString expand(const QString &id)
{
    if (id.startsWith(QLatin1String("LONG")))
        return QString(id.mid(4).toInt(), QLatin1Char('a'));
    return id;
}

QString codeOf(const ApiReply &r)
{
    return QJsonDocument::fromJson(r.body).object().value(QLatin1String("code")).toString();
}
} // namespace

class TestApiRequest : public QObject
{
    Q_OBJECT
private slots:
    void isValidId_data();
    void isValidId();
    void parseStrict_data();
    void parseStrict();
    void needString_data();
    void needString();
    void parseInt_data();
    void parseInt();
    void hasNul_data();
    void hasNul();
};

void TestApiRequest::isValidId_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    for (const QJsonValue &v : fixture("ids")) {
        const QJsonObject o = v.toObject();
        QTest::newRow(qPrintable(o.value("id").toString()))
            << expand(o.value("id").toString()) << o.value("valid").toBool();
    }
}

void TestApiRequest::isValidId()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(ApiRequest::isValidId(id), valid);
}

void TestApiRequest::parseStrict_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("allowed");
    QTest::addColumn<QString>("code");
    for (const QJsonValue &v : fixture("bodies")) {
        const QJsonObject o = v.toObject();
        QStringList allowed;
        for (const QJsonValue &a : o.value("allowed").toArray())
            allowed << a.toString();
        const QByteArray body = o.contains("body_hex")
                                    ? QByteArray::fromHex(o.value("body_hex").toString().toLatin1())
                                    : o.value("body").toString().toUtf8();
        QTest::newRow(qPrintable(o.value("name").toString()))
            << body << allowed << o.value("code").toString();
    }
}

void TestApiRequest::parseStrict()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, allowed);
    QFETCH(QString, code);
    QJsonObject out;
    ApiReply err;
    const bool ok = ApiRequest::parseStrict(body, allowed, &out, &err);
    QCOMPARE(ok, code.isEmpty());
    if (ok) {
        QCOMPARE(QJsonDocument(out).toJson(QJsonDocument::Compact),
                 QJsonDocument::fromJson(body).toJson(QJsonDocument::Compact));
    } else {
        QCOMPARE(err.status, 400);
        QCOMPARE(codeOf(err), code);
    }
}

void TestApiRequest::needString_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<int>("max");
    QTest::addColumn<bool>("allowEmpty");
    QTest::addColumn<bool>("ok");
    for (const QJsonValue &v : fixture("strings")) {
        const QJsonObject o = v.toObject();
        QJsonObject object;
        if (o.contains("value"))
            object.insert("key", o.value("value"));
        QTest::newRow(qPrintable(o.value("name").toString()))
            << object << o.value("max").toInt() << o.value("allow_empty").toBool()
            << o.value("ok").toBool();
    }
}

void TestApiRequest::needString()
{
    QFETCH(QJsonObject, object);
    QFETCH(int, max);
    QFETCH(bool, allowEmpty);
    QFETCH(bool, ok);
    QString out = QStringLiteral("untouched");
    ApiReply err;
    QCOMPARE(ApiRequest::needString(object, "key", max, &out, &err, allowEmpty), ok);
    if (ok) {
        QCOMPARE(out, object.value("key").toString());
    } else {
        QCOMPARE(out, QStringLiteral("untouched"));
        QCOMPARE(codeOf(err), QStringLiteral("invalid_field"));
        QVERIFY(QString::fromUtf8(err.body).contains(QLatin1String("'key'")));
    }
}

void TestApiRequest::parseInt_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("min");
    QTest::addColumn<qint64>("max");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("value");
    for (const QJsonValue &v : fixture("integers")) {
        const QJsonObject o = v.toObject();
        QTest::newRow(qPrintable("'" + o.value("text").toString() + "'"))
            << o.value("text").toString().toLatin1() << o.value("min").toInteger()
            << o.value("max").toInteger() << o.value("ok").toBool()
            << o.value("value").toInteger(-1);
    }
}

void TestApiRequest::parseInt()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, min);
    QFETCH(qint64, max);
    QFETCH(bool, ok);
    QFETCH(qint64, value);
    qint64 out = -1;
    QCOMPARE(ApiRequest::parseInt(text, min, max, &out), ok);
    QCOMPARE(out, ok ? value : qint64(-1));
}

void TestApiRequest::hasNul_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("nul");
    for (const QJsonValue &v : fixture("nul")) {
        const QJsonObject o = v.toObject();
        QTest::newRow(qPrintable(o.value("why").toString()))
            << QByteArray::fromHex(o.value("hex").toString().toLatin1()) << o.value("nul").toBool();
    }
}

void TestApiRequest::hasNul()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, nul);
    QCOMPARE(ApiRequest::hasNul(json), nul);
}

QTEST_GUILESS_MAIN(TestApiRequest)
#include "tst_apirequest.moc"
