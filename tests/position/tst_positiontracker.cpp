#include "nmealogreplayer.h"
#include "positiontracker.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

namespace {
const QString GarminLog = QStringLiteral(CCN_SHARED_DIR "/data/nmea/garmin-drive-2005.nmea");
const QDateTime FirstFixTime(QDate(2005, 9, 25), QTime(23, 52, 34), Qt::UTC);

// A source the test drives by hand, for fixes inside Vietnam and for source errors.
class FakeSource : public QGeoPositionInfoSource
{
public:
    explicit FakeSource(QObject *parent = nullptr) : QGeoPositionInfoSource(parent) {}
    void emitFix(double lat, double lon, double accuracy, const QDateTime &ts)
    {
        QGeoPositionInfo info(QGeoCoordinate(lat, lon), ts);
        if (accuracy >= 0)
            info.setAttribute(QGeoPositionInfo::HorizontalAccuracy, accuracy);
        m_last = info;
        emit positionUpdated(info);
    }
    QGeoPositionInfo lastKnownPosition(bool) const override { return m_last; }
    PositioningMethods supportedPositioningMethods() const override
    {
        return SatellitePositioningMethods;
    }
    int minimumUpdateInterval() const override { return 1000; }
    Error error() const override { return NoError; }
    void startUpdates() override { started = true; }
    void stopUpdates() override { started = false; }
    void requestUpdate(int) override {}
    bool started = false;

private:
    QGeoPositionInfo m_last;
};

const QString HanoiSquare = QStringLiteral(
    "{\"type\":\"Polygon\",\"coordinates\":[[[105.80,21.00],[105.81,21.00],[105.81,21.01],"
    "[105.80,21.01],[105.80,21.00]]]}");
} // namespace

class TestPositionTracker : public QObject
{
    Q_OBJECT

    // A tracker replaying the Garmin log epoch by epoch (speed 0: nothing plays by itself).
    static void startReplay(PositionTracker &tracker)
    {
        tracker.setSourceOptions(PositionSourceOptions::nmea(GarminLog, 0));
        const CoreError error = tracker.start();
        QVERIFY2(error.ok(), qPrintable(error.message()));
        QVERIFY(tracker.replayer());
        QVERIFY(!tracker.replayer()->isRunning());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Push each NMEA epoch as soon as it is read (see tst_nmeapositionsource).
        qputenv("QT_NMEA_PUSH_DELAY", "-1");
    }

    void noSourceIsReportedNotACrash()
    {
        PositionTracker tracker;
        QSignalSpy errors(&tracker, &PositionTracker::errorOccurred);
        tracker.setSourceOptions(PositionSourceOptions::plugin(QStringLiteral("khong-co-plugin")));
        const CoreError error = tracker.start();
        QCOMPARE(error.code(), CoreError::Code::Position);
        QVERIFY(error.message().startsWith(QStringLiteral("Không có nguồn định vị")));
        QVERIFY(error.message().contains(QStringLiteral("khong-co-plugin")));
        QCOMPARE(tracker.errorMessage(), error.message());
        QCOMPARE(errors.count(), 1);
        QVERIFY(!tracker.isActive());
        QVERIFY(!tracker.hasFix());
        QVERIFY(tracker.startAveraging().failed());
    }

    void defaultSourceStartsOrSaysWhy()
    {
        // Whatever this machine has (geoclue2 or nothing), start() answers without crashing.
        PositionTracker tracker;
        const CoreError error = tracker.start();
        if (error.failed()) {
            QCOMPARE(error.code(), CoreError::Code::Position);
            QVERIFY(!tracker.isActive());
        } else {
            QVERIFY(tracker.isActive());
            QVERIFY(!tracker.sourceName().isEmpty());
        }
        tracker.stop();
        QVERIFY(!tracker.isActive());
    }

    void missingNmeaFile()
    {
        PositionTracker tracker;
        tracker.setSourceOptions(PositionSourceOptions::nmea(QStringLiteral("/khong/co.nmea")));
        const CoreError error = tracker.start();
        QCOMPARE(error.code(), CoreError::Code::Io);
        QVERIFY(error.message().contains(QStringLiteral("co.nmea")));
        QVERIFY(!tracker.isActive());
    }

    void replaysTheGarminLog()
    {
        PositionTracker tracker;
        QSignalSpy active(&tracker, &PositionTracker::activeChanged);
        startReplay(tracker);
        QCOMPARE(active.count(), 1);
        QVERIFY(tracker.isActive());
        QCOMPARE(tracker.sourceName(), QStringLiteral("Tệp NMEA: garmin-drive-2005.nmea"));
        QCOMPARE(tracker.replayer()->epochCount(), 715);
        QVERIFY(!tracker.hasFix());
        QCOMPARE(tracker.ageSeconds(), -1);
        QCOMPARE(tracker.accuracyText(), QStringLiteral("Chưa có vị trí"));

        QSignalSpy fixes(&tracker, &PositionTracker::fixChanged);
        QSignalSpy classes(&tracker, &PositionTracker::accuracyClassChanged);
        tracker.setClock([] { return FirstFixTime.addSecs(7); });
        QVERIFY(tracker.replayer()->step());
        QCOMPARE(fixes.count(), 1);
        QVERIFY(tracker.hasFix());
        QVERIFY(qAbs(tracker.latitude() - (39 + 25.9702 / 60)) < 1e-9);
        QVERIFY(qAbs(tracker.longitude() + (119 + 45.9354 / 60)) < 1e-9);
        QCOMPARE(tracker.horizontalAccuracy(), 2.3); // $PGRME
        QCOMPARE(tracker.timestamp(), FirstFixTime);
        QCOMPARE(tracker.accuracyClass(), PositionTracker::AccuracyExcellent);
        QCOMPARE(tracker.accuracyText(), QStringLiteral("Rất tốt"));
        QCOMPARE(classes.count(), 1);
        QCOMPARE(tracker.ageSeconds(), 7);
        QVERIFY(!tracker.isStale());
        const PositionFix fix = tracker.fix();
        QVERIFY(fix.valid);
        QCOMPARE(fix.accuracyM, 2.3);
        QCOMPARE(fix.sampleCount, 1);

        // The track is in North America: a clear warning, not a silent acceptance.
        QVERIFY(!tracker.isInVietnam());
        QVERIFY(tracker.warning().contains(QStringLiteral("ngoài lãnh thổ Việt Nam")));

        QSignalSpy stale(&tracker, &PositionTracker::staleChanged);
        tracker.setClock([] { return FirstFixTime.addSecs(11); });
        QCOMPARE(tracker.ageSeconds(), 11);
        QVERIFY(tracker.isStale());
        QCOMPARE(stale.count(), 1);

        tracker.replayer()->playAll();
        QCOMPARE(tracker.fixCount(), 715);
        QCOMPARE(fixes.count(), 715);
        QCOMPARE(tracker.timestamp(), QDateTime(QDate(2005, 9, 26), QTime(0, 16, 22), Qt::UTC));

        tracker.stop();
        QVERIFY(!tracker.isActive());
        QCOMPARE(active.count(), 2);
        QVERIFY(!tracker.replayer());
    }

    void accuracyThresholds()
    {
        PositionTracker tracker;
        startReplay(tracker);
        tracker.replayer()->step(); // 2.3 m
        QSignalSpy classes(&tracker, &PositionTracker::accuracyClassChanged);
        QSignalSpy excellent(&tracker, &PositionTracker::excellentAccuracyThresholdChanged);
        tracker.setExcellentAccuracyThreshold(2.0);
        QCOMPARE(excellent.count(), 1);
        QCOMPARE(tracker.accuracyClass(), PositionTracker::AccuracyGood);
        QCOMPARE(tracker.accuracyText(), QStringLiteral("Tốt"));
        tracker.setExcellentAccuracyThreshold(2.0); // unchanged: no signal
        QCOMPARE(excellent.count(), 1);
        tracker.setBadAccuracyThreshold(2.2);
        QCOMPARE(tracker.accuracyClass(), PositionTracker::AccuracyBad);
        QCOMPARE(tracker.accuracyText(), QStringLiteral("Kém"));
        QCOMPARE(classes.count(), 2);
        tracker.setBadAccuracyThreshold(-1); // refused
        QCOMPARE(tracker.badAccuracyThreshold(), 2.2);
        QCOMPARE(tracker.accuracyClassFor(qQNaN()), PositionTracker::AccuracyUnknown);
    }

    void averagesTheFirstSixSeconds()
    {
        PositionTracker tracker;
        startReplay(tracker);
        QSignalSpy finished(&tracker, &PositionTracker::averagingFinished);
        QSignalSpy failed(&tracker, &PositionTracker::averagingFailed);
        QVERIFY(tracker.startAveraging(5000).ok());
        QVERIFY(tracker.isAveraging());
        // Fixes at 23:52:34, :36, :38 fall in the 5 s window; the one at :40 closes it.
        for (int i = 0; i < 3; ++i)
            QVERIFY(tracker.replayer()->step());
        QVERIFY(tracker.isAveraging());
        QCOMPARE(tracker.averagingUsedCount(), 3);
        QVERIFY(tracker.replayer()->step());
        QVERIFY(!tracker.isAveraging());
        QCOMPARE(failed.count(), 0);
        QCOMPARE(finished.count(), 1);

        const PositionFix avg = tracker.averagedFix();
        QCOMPARE(finished.first().first().value<PositionFix>(), avg);
        QVERIFY(avg.valid);
        QCOMPARE(avg.sampleCount, 3);
        // Mean of 3925.9702/.9479/.9257 N and 11945.9354/.9211/.9068 W
        QVERIFY(qAbs(avg.latitude - 39.432465556) < 1e-8);
        QVERIFY(qAbs(avg.longitude + 119.765351667) < 1e-8);
        // The car moved ~70 m in those 4 s: the spread (37.6 m RMS) outweighs the 2.3 m
        // reported accuracy, and the result says so.
        QVERIFY2(qAbs(avg.accuracyM - 37.59) < 0.1, qPrintable(QString::number(avg.accuracyM)));
        QCOMPARE(avg.timestamp, FirstFixTime.addSecs(4));
    }

    void averagingFailsWhenNoFixIsGoodEnough()
    {
        PositionTracker tracker;
        startReplay(tracker);
        tracker.setAveragingMaxAccuracyM(2.0); // every fix of the start of the log is 2.3 m
        QSignalSpy finished(&tracker, &PositionTracker::averagingFinished);
        QSignalSpy failed(&tracker, &PositionTracker::averagingFailed);
        QVERIFY(tracker.startAveraging(5000).ok());
        for (int i = 0; i < 4; ++i)
            tracker.replayer()->step();
        QCOMPARE(finished.count(), 0);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(tracker.averagingSkippedCount(), 3);
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("Cả 3 vị trí")), qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("2 m")));
        QVERIFY(!tracker.averagedFix().valid);
    }

    void finishAveragingEarly()
    {
        PositionTracker tracker;
        startReplay(tracker);
        QSignalSpy finished(&tracker, &PositionTracker::averagingFinished);
        QVERIFY(tracker.startAveraging(60000).ok());
        tracker.replayer()->step();
        tracker.replayer()->step();
        tracker.finishAveraging();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(tracker.averagedFix().sampleCount, 2);
    }

    void boundaryWarningInsideVietnam()
    {
        PositionTracker tracker;
        auto *source = new FakeSource;
        QVERIFY(tracker.start(source, QStringLiteral("thử")).ok());
        QVERIFY(source->started);
        QVERIFY(tracker.setBoundaryGeoJson(HanoiSquare).ok());
        QVERIFY(tracker.hasBoundary());
        const QDateTime t = QDateTime::currentDateTimeUtc();

        source->emitFix(21.005, 105.805, 4, t);
        QVERIFY(tracker.isInVietnam());
        QVERIFY(tracker.isInsideBoundary());
        QCOMPARE(tracker.distanceOutsideBoundaryM(), 0.0);
        QVERIFY(tracker.warning().isEmpty());

        QSignalSpy warnings(&tracker, &PositionTracker::warningChanged);
        source->emitFix(21.005, 105.82, 4, t.addSecs(1));
        QCOMPARE(warnings.count(), 1);
        QVERIFY(!tracker.isInsideBoundary());
        QVERIFY(qAbs(tracker.distanceOutsideBoundaryM() - 1038.1) < 2);
        QCOMPARE(tracker.warning(),
                 QStringLiteral("Bạn đang ở ngoài ranh giới cụm công nghiệp, cách khoảng 1038 m."));

        // 10 m outside with a 15 m accuracy: maybe outside.
        source->emitFix(21.005, 105.8101, 15, t.addSecs(2));
        QVERIFY(tracker.warning().startsWith(QStringLiteral("Có thể bạn đang ở ngoài ranh giới")));

        const CoreError bad = tracker.setBoundaryGeoJson(QStringLiteral("{\"type\":\"Point\"}"));
        QCOMPARE(bad.code(), CoreError::Code::InvalidInput);
        QVERIFY(!tracker.hasBoundary());
        QVERIFY(tracker.warning().isEmpty());
    }

    void unknownAccuracy()
    {
        PositionTracker tracker;
        auto *source = new FakeSource;
        QVERIFY(tracker.start(source, QStringLiteral("thử")).ok());
        source->emitFix(21.0, 105.8, -1, QDateTime::currentDateTimeUtc());
        QVERIFY(tracker.hasFix());
        QVERIFY(qIsNaN(tracker.horizontalAccuracy()));
        QCOMPARE(tracker.accuracyClass(), PositionTracker::AccuracyUnknown);
        QCOMPARE(tracker.accuracyText(), QStringLiteral("Không rõ sai số"));
    }

    void sourceErrorsInVietnamese()
    {
        PositionTracker tracker;
        auto *source = new FakeSource;
        QVERIFY(tracker.start(source, QStringLiteral("thử")).ok());
        QSignalSpy errors(&tracker, &PositionTracker::errorOccurred);
        emit source->errorOccurred(QGeoPositionInfoSource::AccessError);
        QCOMPARE(errors.count(), 1);
        QVERIFY(tracker.errorMessage().contains(QStringLiteral("quyền vị trí")));
        QCOMPARE(tracker.lastError().code(), CoreError::Code::Position);
        // A fix clears it.
        source->emitFix(21.0, 105.8, 5, QDateTime::currentDateTimeUtc());
        QVERIFY(tracker.errorMessage().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPositionTracker)
#include "tst_positiontracker.moc"
