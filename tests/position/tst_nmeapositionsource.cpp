#include "nmeapositionsource.h"
#include "nmeastreamdevice.h"

#include <QFile>
#include <QSignalSpy>
#include <QtTest>

// The real Garmin log through Qt's NMEA parser (RealTimeMode), fed from memory at once.
class TestNmeaPositionSource : public QObject
{
    Q_OBJECT

    static QByteArray garminLog()
    {
        QFile f(QStringLiteral(CCN_SHARED_DIR "/data/nmea/garmin-drive-2005.nmea"));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return f.readAll();
    }

    // All updates the source emits for data, fed in one go.
    static QList<QGeoPositionInfo> run(const QByteArray &data, double uere = qQNaN())
    {
        NmeaStreamDevice device;
        NmeaPositionSource source(QNmeaPositionInfoSource::RealTimeMode);
        if (!qIsNaN(uere))
            source.setUserEquivalentRangeError(uere);
        source.setDevice(&device);
        QList<QGeoPositionInfo> updates;
        connect(&source, &QGeoPositionInfoSource::positionUpdated,
                [&updates](const QGeoPositionInfo &info) { updates.append(info); });
        source.startUpdates();
        device.push(data);
        return updates;
    }

private slots:
    void initTestCase()
    {
        // Qt holds each epoch back 20 ms waiting for more sentences; push at the end of each read
        // instead, so that every update is emitted synchronously (no waiting in tests).
        qputenv("QT_NMEA_PUSH_DELAY", "-1");
        QVERIFY(!garminLog().isEmpty());
    }

    void garminLogGivesEveryEpoch()
    {
        const QList<QGeoPositionInfo> updates = run(garminLog());
        // 715 epochs (RMC status A) from 23:52:34 to 00:16:22 the next day, every 2 s.
        QCOMPARE(updates.size(), 715);

        const QGeoPositionInfo &first = updates.first();
        QCOMPARE(first.timestamp(), QDateTime(QDate(2005, 9, 25), QTime(23, 52, 34), Qt::UTC));
        // 3925.9702 N, 11945.9354 W
        QVERIFY(qAbs(first.coordinate().latitude() - (39 + 25.9702 / 60)) < 1e-9);
        QVERIFY(qAbs(first.coordinate().longitude() + (119 + 45.9354 / 60)) < 1e-9);
        QVERIFY(qAbs(first.coordinate().altitude() - 1378.6) < 1e-9);
        // $PGRME,2.3,M,3.3,M,4.0,M: the receiver's own estimate, not HDOP 0.8 x UERE 5.1
        QVERIFY(first.hasAttribute(QGeoPositionInfo::HorizontalAccuracy));
        QCOMPARE(first.attribute(QGeoPositionInfo::HorizontalAccuracy), 2.3);
        QCOMPARE(first.attribute(QGeoPositionInfo::VerticalAccuracy), 3.3);

        const QGeoPositionInfo &last = updates.last();
        QCOMPARE(last.timestamp(), QDateTime(QDate(2005, 9, 26), QTime(0, 16, 22), Qt::UTC));
        QVERIFY(qAbs(last.coordinate().latitude() - (39 + 19.7195 / 60)) < 1e-9);
        QVERIFY(qAbs(last.coordinate().longitude() + (119 + 53.1659 / 60)) < 1e-9);

        // Every update carries an accuracy, and it is one of the $PGRME figures of the log
        // (2.0 to 13.3 m), never an HDOP-derived one.
        for (const QGeoPositionInfo &u : updates) {
            QVERIFY(u.hasAttribute(QGeoPositionInfo::HorizontalAccuracy));
            const double acc = u.attribute(QGeoPositionInfo::HorizontalAccuracy);
            QVERIFY2(acc >= 2.0 && acc <= 13.3, qPrintable(QString::number(acc)));
        }
        // Timestamps strictly increase across midnight.
        for (int i = 1; i < updates.size(); ++i)
            QCOMPARE(updates.at(i - 1).timestamp().secsTo(updates.at(i).timestamp()), 2);
    }

    void pgrmeAccuracyFollowsTheLog()
    {
        // Each epoch's accuracy is the $PGRME of that epoch.
        const QByteArray log = garminLog();
        QList<double> pgrme;
        for (const QByteArray &line : log.split('\n')) {
            if (line.startsWith("$PGRME"))
                pgrme.append(line.split(',').at(1).toDouble());
        }
        QCOMPARE(pgrme.size(), 714); // the last epoch of the excerpt is cut before its $PGRME
        const QList<QGeoPositionInfo> updates = run(log);
        QCOMPARE(updates.size(), 715);
        for (int i = 0; i < pgrme.size(); ++i)
            QCOMPARE(updates.at(i).attribute(QGeoPositionInfo::HorizontalAccuracy), pgrme.at(i));
        int changes = 0;
        for (int i = 1; i < pgrme.size(); ++i)
            changes += pgrme.at(i) != pgrme.at(i - 1);
        QVERIFY(changes > 10); // the figure does vary along the drive
    }

    void hdopTimesUereWithoutPgrme()
    {
        // The same log with the Garmin sentences removed: accuracy = HDOP x UERE (Qt 6.4 alone
        // would say 2 x HDOP x UERE).
        QByteArray stripped;
        QList<double> hdop;
        for (const QByteArray &line : garminLog().split('\n')) {
            if (line.startsWith("$PGRME"))
                continue;
            if (line.startsWith("$GPGGA"))
                hdop.append(line.split(',').at(8).toDouble());
            stripped += line + '\n';
        }
        const QList<QGeoPositionInfo> updates = run(stripped, 4.0);
        QCOMPARE(updates.size(), 715);
        QCOMPARE(hdop.first(), 0.8);
        // $GPGSA,...,1.5,0.8,1.3: VDOP 1.3
        QVERIFY(qFuzzyCompare(updates.first().attribute(QGeoPositionInfo::VerticalAccuracy),
                              1.3 * 4.0));
        for (int i = 0; i < updates.size(); ++i) {
            QVERIFY(qFuzzyCompare(updates.at(i).attribute(QGeoPositionInfo::HorizontalAccuracy),
                                  hdop.at(i) * 4.0));
            QVERIFY(updates.at(i).hasAttribute(QGeoPositionInfo::VerticalAccuracy));
        }
    }

    void defaultUere()
    {
        NmeaPositionSource source(QNmeaPositionInfoSource::RealTimeMode);
        QCOMPARE(source.userEquivalentRangeError(), NmeaPositionSource::DefaultUereM);
        QVERIFY(!source.receiverReportsPgrme());
    }

    void corruptPgrmeIsIgnored()
    {
        // A $PGRME with a wrong checksum must not set the accuracy: HDOP 0.8 x 5.1 stays.
        const QByteArray data = "$GPRMC,235234,A,3925.9702,N,11945.9354,W,45.1,153.1,250905,"
                                "15.2,E,A*01\r\n"
                                "$GPGGA,235234,3925.9702,N,11945.9354,W,1,10,0.8,1378.6,M,"
                                "-22.1,M,,*4D\r\n"
                                "$PGRME,9.9,M,3.3,M,4.0,M*2B\r\n";
        const QList<QGeoPositionInfo> updates = run(data);
        QCOMPARE(updates.size(), 1);
        QVERIFY(qFuzzyCompare(updates.first().attribute(QGeoPositionInfo::HorizontalAccuracy),
                              0.8 * 5.1));
    }
};

QTEST_GUILESS_MAIN(TestNmeaPositionSource)
#include "tst_nmeapositionsource.moc"
