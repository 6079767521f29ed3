#include "uuid7.h"

#include <QtTest>

class TestUuid7 : public QObject
{
    Q_OBJECT
private slots:
    void formatIsVersion7()
    {
        const QString id = Uuid7::generate();
        QCOMPARE(id.size(), 36);
        QVERIFY2(Uuid7::isValid(id), qPrintable(id));
        QVERIFY(!Uuid7::isValid(QStringLiteral("not-a-uuid")));
        QVERIFY(!Uuid7::isValid(QStringLiteral("0189c5e4-0000-4000-8000-000000000000")));
    }
    void timeOrderedAndUnique()
    {
        QString previous;
        QSet<QString> seen;
        for (int i = 0; i < 20000; ++i) {
            const QString id = Uuid7::generate(1700000000000 + i / 100);
            QVERIFY2(id > previous, qPrintable(previous + QLatin1String(" !< ") + id));
            QVERIFY(!seen.contains(id));
            seen.insert(id);
            previous = id;
        }
    }
    void clockGoingBackStaysOrdered()
    {
        const QString a = Uuid7::generate(1800000000000);
        const QString b = Uuid7::generate(1700000000000);
        QVERIFY(b > a);
    }
};

QTEST_GUILESS_MAIN(TestUuid7)
#include "tst_uuid7.moc"
