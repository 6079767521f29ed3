// PushChange: a change's name in the registry's history, "<device id>:<seq>", and back.
#include "pushchange.h"

#include <QtTest>

class TestPushChange : public QObject
{
    Q_OBJECT
private slots:
    void seqOf_data()
    {
        QTest::addColumn<QString>("changeId");
        QTest::addColumn<QString>("deviceId");
        QTest::addColumn<qint64>("seq");
        QTest::newRow("own") << PushChange::changeId("dev-1", 42) << "dev-1" << qint64(42);
        QTest::newRow("big") << PushChange::changeId("dev-1", 9007199254740991) << "dev-1"
                             << qint64(9007199254740991);
        QTest::newRow("a colon in the device id")
            << PushChange::changeId("a:b", 7) << "a:b" << qint64(7);
        QTest::newRow("another device")
            << PushChange::changeId("dev-2", 42) << "dev-1" << qint64(-1);
        QTest::newRow("a device whose id begins with this one's")
            << PushChange::changeId("dev-10", 42) << "dev-1" << qint64(-1);
        QTest::newRow("the part before a colon of this one's")
            << PushChange::changeId("a:b", 7) << "a" << qint64(-1);
        QTest::newRow("no seq") << "dev-1:"
                                << "dev-1" << qint64(-1);
        QTest::newRow("not a number") << "dev-1:12x"
                                      << "dev-1" << qint64(-1);
        QTest::newRow("signed") << "dev-1:-3"
                                << "dev-1" << qint64(-1);
        QTest::newRow("zero") << "dev-1:0"
                              << "dev-1" << qint64(-1);
        QTest::newRow("a resolution's name") << "resolution:0190c0de"
                                             << "dev-1" << qint64(-1);
    }

    void seqOf()
    {
        QFETCH(QString, changeId);
        QFETCH(QString, deviceId);
        QFETCH(qint64, seq);
        QCOMPARE(PushChange::seqOf(changeId, deviceId), seq);
    }
};

QTEST_GUILESS_MAIN(TestPushChange)
#include "tst_pushchange.moc"
