#include "positionaverager.h"

#include <QtTest>

class TestPositionAverager : public QObject
{
    Q_OBJECT

    static PositionFix at(double lat, double lon, double acc, int sec)
    {
        return PositionFix::make(lat, lon, acc,
                                 QDateTime(QDate(2025, 7, 1), QTime(8, 0, sec), Qt::UTC));
    }

private slots:
    void averagesAndSkips()
    {
        PositionAverager avg(10.0);
        QVERIFY(avg.add(at(21.0, 105.8, 4, 0)));
        QVERIFY(avg.add(at(21.0, 105.8, 6, 1)));
        QVERIFY(!avg.add(at(21.1, 105.9, 25, 2)));      // worse than 10 m
        QVERIFY(!avg.add(at(21.1, 105.9, qQNaN(), 3))); // accuracy unknown
        QVERIFY(!avg.add(PositionFix()));               // no fix
        QCOMPARE(avg.usedCount(), 2);
        QCOMPARE(avg.skippedCount(), 3);
        CoreError error;
        const PositionFix r = avg.result(&error);
        QVERIFY(error.ok());
        QVERIFY(r.valid);
        QCOMPARE(r.latitude, 21.0);
        QCOMPARE(r.longitude, 105.8);
        QCOMPARE(r.accuracyM, 5.0); // mean accuracy; no spread
        QCOMPARE(r.sampleCount, 2);
        QCOMPARE(r.timestamp, QDateTime(QDate(2025, 7, 1), QTime(8, 0, 1), Qt::UTC));
    }

    void spreadWinsWhenLarger()
    {
        // Two fixes 0.0002 deg of latitude apart (22.24 m): RMS spread 11.12 m > 3 m.
        PositionAverager avg(20.0);
        avg.add(at(21.0001, 105.8, 3, 0));
        avg.add(at(20.9999, 105.8, 3, 1));
        QVERIFY(qAbs(avg.spreadM() - 11.1195) < 0.001);
        const PositionFix r = avg.result();
        QVERIFY(qAbs(r.latitude - 21.0) < 1e-12);
        QCOMPARE(r.accuracyM, avg.spreadM());
    }

    void noFixGoodEnough()
    {
        PositionAverager avg(5.0);
        CoreError error;
        QVERIFY(!avg.result(&error).valid);
        QCOMPARE(error.code(), CoreError::Code::Position);
        QVERIFY(error.message().startsWith(QStringLiteral("Không nhận được vị trí nào")));

        avg.add(at(21.0, 105.8, 8, 0));
        avg.add(at(21.0, 105.8, 9, 1));
        QVERIFY(!avg.result(&error).valid);
        QCOMPARE(error.message(), QStringLiteral("Cả 2 vị trí nhận được đều kém chính xác hơn 5 m. "
                                                 "Hãy ra chỗ thoáng, đứng yên và thử lại."));
        avg.clear();
        QCOMPARE(avg.skippedCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPositionAverager)
#include "tst_positionaverager.moc"
