#include "clustermanager.h"
#include "domainlabels.h"

#include <QSignalSpy>
#include <QtTest>

class TestDomainLabels : public QObject
{
    Q_OBJECT
private slots:
    void everyClusterStatusHasALabel()
    {
        DomainLabels labels;
        for (const QString &s : ClusterManager::statuses()) {
            const QString l = labels.clusterStatus(s);
            QVERIFY2(!l.isEmpty() && l != s, qPrintable(s));
        }
    }

    void numbers_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("expected");
        QTest::newRow("vi decimal comma") << "vi" << QVariant(12.5) << 1 << "12,5";
        QTest::newRow("vi whole number") << "vi" << QVariant(67.0) << 2 << "67";
        QTest::newRow("vi thousands") << "vi" << QVariant(6050) << 0 << "6.050";
        QTest::newRow("en decimal point") << "en" << QVariant(12.5) << 1 << "12.5";
        QTest::newRow("null") << "vi" << QVariant() << 1 << "";
        QTest::newRow("not a number") << "vi" << QVariant(QStringLiteral("abc")) << 1 << "";
    }

    void numbers()
    {
        QFETCH(QString, locale);
        QFETCH(QVariant, value);
        QFETCH(int, decimals);
        QFETCH(QString, expected);
        DomainLabels labels;
        QSignalSpy spy(&labels, &DomainLabels::localeChanged);
        labels.setLocale(locale == QLatin1String("en")
                             ? QLocale(QLocale::English)
                             : QLocale(QLocale::Vietnamese, QLocale::Vietnam));
        QCOMPARE(labels.number(value, decimals), expected);
    }

    void fines()
    {
        DomainLabels labels;
        QCOMPARE(labels.fineRange(10000000, 20000000), QStringLiteral("10–20 triệu đồng"));
        QCOMPARE(labels.fineRange(QVariant(), QVariant()), QString());
        QCOMPARE(labels.date(QStringLiteral("2026-12-31")), QStringLiteral("31/12/2026"));
        QCOMPARE(labels.dateTime(QVariant()), QString());
    }
};

QTEST_GUILESS_MAIN(TestDomainLabels)
#include "tst_domainlabels.moc"
