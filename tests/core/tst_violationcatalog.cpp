#include "violationcatalog.h"

#include <QFile>
#include <QtTest>

class TestViolationCatalog : public QObject
{
    Q_OBJECT
private slots:
    void finesOfDecree45_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<qint64>("fineMin");
        QTest::addColumn<qint64>("fineMax");
        QFile table(QStringLiteral(CCN_FIXTURES_DIR "/demo/fines.tsv"));
        QVERIFY(table.open(QIODevice::ReadOnly | QIODevice::Text));
        while (!table.atEnd()) {
            const QString line = QString::fromUtf8(table.readLine()).trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            const QStringList c = line.split(QLatin1Char('\t'));
            QCOMPARE(c.size(), 3);
            QTest::newRow(qPrintable(c.at(0)))
                << c.at(0) << c.at(1).toLongLong() << c.at(2).toLongLong();
        }
    }
    void finesOfDecree45()
    {
        QFETCH(QString, code);
        QFETCH(qint64, fineMin);
        QFETCH(qint64, fineMax);
        const ViolationCatalog::Category c = ViolationCatalog::find(code);
        QVERIFY2(c.isValid(), qPrintable(code));
        QVERIFY(c.fineMinVnd && c.fineMaxVnd);
        QCOMPARE(*c.fineMinVnd, fineMin);
        QCOMPARE(*c.fineMaxVnd, fineMax);
        QVERIFY(c.legalBasis.contains(QStringLiteral("Điều 15")));
        QVERIFY(c.legalBasis.contains(QStringLiteral("45/2022/NĐ-CP")));
        QVERIFY(!c.title.isEmpty());
        const QVariantMap m = c.toMap();
        QCOMPARE(m.value(QStringLiteral("fine_min_vnd")).toLongLong(), fineMin);
    }
    void listIsComplete()
    {
        const auto &all = ViolationCatalog::categories();
        QVERIFY(all.size() >= 12);
        int withoutFine = 0;
        for (const auto &c : all) {
            QVERIFY(!c.legalBasis.isEmpty());
            if (!c.fineMinVnd) {
                ++withoutFine;
                QVERIFY(c.toMap().value(QStringLiteral("fine_min_vnd")).isNull());
            }
        }
        QVERIFY(withoutFine >= 1);
        QCOMPARE(ViolationCatalog::toVariantList().size(), all.size());
        QVERIFY(!ViolationCatalog::find(QStringLiteral("no_such_category")).isValid());
    }
    void refusesBadLists_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("wrong version")
            << QByteArray(R"({"format":"ccn-checklist","version":2,"violation_categories":[]})");
        QTest::newRow("duplicate") << QByteArray(
            R"({"format":"ccn-checklist","version":1,"violation_categories":[
            {"code":"a","title":"A","legal_basis":"x","default_severity":"minor"},
            {"code":"a","title":"B","legal_basis":"x","default_severity":"minor"}]})");
        QTest::newRow("severity") << QByteArray(
            R"({"format":"ccn-checklist","version":1,"violation_categories":[
            {"code":"a","title":"A","legal_basis":"x","default_severity":"huge"}]})");
        QTest::newRow("min above max") << QByteArray(
            R"({"format":"ccn-checklist","version":1,"violation_categories":[
            {"code":"a","title":"A","legal_basis":"x","default_severity":"minor","fine_min_vnd":9,"fine_max_vnd":1}]})");
        QTest::newRow("not json") << QByteArray("{");
    }
    void refusesBadLists()
    {
        QFETCH(QByteArray, json);
        QList<ViolationCatalog::Category> out;
        const CoreError e = ViolationCatalog::parse(json, &out);
        QCOMPARE(e.code(), CoreError::Code::InvalidInput);
        QVERIFY(out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestViolationCatalog)
#include "tst_violationcatalog.moc"
