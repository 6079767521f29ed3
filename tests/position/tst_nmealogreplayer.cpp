#include "nmealogreplayer.h"

#include <QSignalSpy>
#include <QtTest>

class TestNmeaLogReplayer : public QObject
{
    Q_OBJECT
private slots:
    void cutsTheRealLogIntoEpochs()
    {
        NmeaLogReplayer replayer;
        QSignalSpy loaded(&replayer, &NmeaLogReplayer::loaded);
        const CoreError error =
            replayer.load(QStringLiteral(CCN_SHARED_DIR "/data/nmea/garmin-drive-2005.nmea"));
        QVERIFY2(error.ok(), qPrintable(error.message()));
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(replayer.epochCount(), 715);
        // The banner line and the blank lines do not make epochs; the banner stays in the first.
        const QByteArray first = replayer.epoch(0);
        QVERIFY(first.startsWith("************ program startup"));
        QVERIFY(first.contains("$GPRMC,235234,A,3925.9702,N"));
        QVERIFY(first.contains("$PGRME,2.3,M,3.3,M,4.0,M*2B\r\n"));
        QVERIFY(!first.contains("235236"));
        QCOMPARE(first.count("\r\n"), 13);
        QCOMPARE(replayer.epochTimeMs(0), (23 * 3600 + 52 * 60 + 34) * 1000);
        // Every interval is the recorded 2 s, across midnight too.
        for (int i = 0; i + 1 < replayer.epochCount(); ++i)
            QCOMPARE(replayer.intervalAfterMs(i), 2000);
        QCOMPARE(replayer.intervalAfterMs(replayer.epochCount() - 1), 0);
        QCOMPARE(replayer.epochTimeMs(714), (16 * 60 + 22) * 1000);
    }

    void stepsIntoTheDevice()
    {
        NmeaLogReplayer replayer;
        QVERIFY(replayer
                    .loadData("$GPRMC,235958,A,3925.9702,N,11945.9354,W,45.1,153.1,250905,"
                              "15.2,E,A*00\n"
                              "$PGRME,2.3,M,3.3,M,4.0,M*2B\n\n"
                              "$GPRMC,000003,A,3925.9479,N,11945.9211,W,44.7,153.6,260905,"
                              "15.2,E,A*0F\n")
                    .ok());
        QCOMPARE(replayer.epochCount(), 2);
        QCOMPARE(replayer.intervalAfterMs(0), 5000); // past midnight
        QSignalSpy ready(replayer.device(), &QIODevice::readyRead);
        QSignalSpy finished(&replayer, &NmeaLogReplayer::finished);
        QVERIFY(replayer.step());
        QCOMPARE(ready.count(), 1);
        QCOMPARE(replayer.playedCount(), 1);
        QVERIFY(replayer.device()->readAll().endsWith("$PGRME,2.3,M,3.3,M,4.0,M*2B\r\n"));
        replayer.playAll();
        QCOMPARE(replayer.playedCount(), 2);
        QCOMPARE(finished.count(), 1);
        QVERIFY(!replayer.step());
        QVERIFY(replayer.device()->readAll().startsWith("$GPRMC,000003"));
    }

    void timedReplayStartsAndStops()
    {
        NmeaLogReplayer replayer;
        QVERIFY(
            replayer.load(QStringLiteral(CCN_SHARED_DIR "/data/nmea/garmin-drive-2005.nmea")).ok());
        QSignalSpy running(&replayer, &NmeaLogReplayer::runningChanged);
        replayer.start(); // the first epoch at once, the next one 2 s later (not waited for)
        QVERIFY(replayer.isRunning());
        QCOMPARE(replayer.playedCount(), 1);
        replayer.stop();
        QVERIFY(!replayer.isRunning());
        QCOMPARE(running.count(), 2);
    }

    void speedIsBounded()
    {
        NmeaLogReplayer replayer;
        QSignalSpy speed(&replayer, &NmeaLogReplayer::speedChanged);
        replayer.setSpeed(10);
        QCOMPARE(replayer.speed(), 10.0);
        replayer.setSpeed(10);
        QCOMPARE(speed.count(), 1);
        replayer.setSpeed(1e9);
        QCOMPARE(replayer.speed(), NmeaLogReplayer::MaxSpeed);
        replayer.setSpeed(0);
        QCOMPARE(replayer.speed(), NmeaLogReplayer::MinSpeed);
    }

    void badFiles()
    {
        NmeaLogReplayer replayer;
        const CoreError missing = replayer.load(QStringLiteral("/khong/co/tep.nmea"));
        QCOMPARE(missing.code(), CoreError::Code::Io);
        QVERIFY(missing.message().startsWith(QStringLiteral("Không mở được tệp NMEA")));
        const CoreError noTime =
            replayer.loadData("hello\n$PGRME,2.3,M,3.3,M,4.0,M*2B\n", QStringLiteral("x.nmea"));
        QCOMPARE(noTime.code(), CoreError::Code::InvalidInput);
        QVERIFY(noTime.message().contains(QStringLiteral("x.nmea")));
        QCOMPARE(replayer.epochCount(), 0);
        QVERIFY(!replayer.step());
    }
};

QTEST_GUILESS_MAIN(TestNmeaLogReplayer)
#include "tst_nmealogreplayer.moc"
