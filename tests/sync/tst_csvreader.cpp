// CsvReader (libcsv, strict): table-driven from tests/fixtures/sync/csv/cases.json.
#include "csvreader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

class TestCsvReader : public QObject
{
    Q_OBJECT
private slots:
    void read_data();
    void read();
    void longField();
};

void TestCsvReader::read_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QJsonArray>("records");
    QTest::addColumn<int>("errorLine");
    QFile f(QStringLiteral(CCN_FIXTURES_DIR "/sync/csv/cases.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(doc.value("format").toInt(), 1);
    const QJsonArray cases = doc.value("cases").toArray();
    QVERIFY(cases.size() >= 10);
    for (const QJsonValue &v : cases) {
        const QJsonObject c = v.toObject();
        QTest::newRow(qPrintable(c.value("name").toString()))
            << c.value("input").toString().toUtf8() << c.value("records").toArray()
            << c.value("error_line").toInt();
    }
}

void TestCsvReader::read()
{
    QFETCH(QByteArray, input);
    QFETCH(QJsonArray, records);
    QFETCH(int, errorLine);
    const CsvReader::Result r = CsvReader::read(input);
    if (errorLine > 0) {
        QVERIFY(!r.ok());
        QCOMPARE(r.error, CsvReader::Error::Malformed);
        QCOMPARE(r.line, errorLine);
        QVERIFY(r.message.contains(QString::number(errorLine)));
        QVERIFY(r.records.isEmpty()); // nothing half read
        return;
    }
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(r.records.size(), records.size());
    for (int i = 0; i < records.size(); ++i) {
        QStringList want;
        for (const QJsonValue &field : records.at(i).toArray())
            want << field.toString();
        QCOMPARE(r.records.at(i), want);
    }
}

void TestCsvReader::longField()
{
    // A field larger than libcsv's first buffer (it grows it).
    const QByteArray big(300000, 'x');
    const CsvReader::Result r = CsvReader::read("a,\"" + big + "\"\n");
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(r.records.size(), 1);
    QCOMPARE(r.records.first().at(1).size(), big.size());
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
