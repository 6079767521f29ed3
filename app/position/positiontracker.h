#pragma once

#include "coreerror.h"
#include "geoboundary.h"
#include "positionaverager.h"
#include "positionfix.h"
#include "positionsourceoptions.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QGeoPositionInfo>
#include <QGeoPositionInfoSource>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class NmeaLogReplayer;

// The current position for the UI: the fix, its accuracy and age, an accuracy class, warnings
// (outside Vietnam, outside the cluster's boundary), and averaging on request.
//
// Sources (PositionSourceOptions): Qt's default source, a named Qt Positioning plugin, or an NMEA
// log replayed in simulated time (NmeaLogReplayer + NmeaPositionSource, $PGRME accuracy).
// start() returns a CoreError when there is no source; errors while running show in
// errorMessage and errorOccurred().
class PositionTracker : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool active READ isActive NOTIFY activeChanged)
    Q_PROPERTY(QString sourceName READ sourceName NOTIFY sourceNameChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)

    Q_PROPERTY(bool hasFix READ hasFix NOTIFY fixChanged)
    Q_PROPERTY(PositionFix fix READ fix NOTIFY fixChanged)
    Q_PROPERTY(double latitude READ latitude NOTIFY fixChanged)
    Q_PROPERTY(double longitude READ longitude NOTIFY fixChanged)
    Q_PROPERTY(double horizontalAccuracy READ horizontalAccuracy NOTIFY fixChanged)
    Q_PROPERTY(QDateTime timestamp READ timestamp NOTIFY fixChanged)
    Q_PROPERTY(int fixCount READ fixCount NOTIFY fixChanged)
    Q_PROPERTY(int ageSeconds READ ageSeconds NOTIFY ageSecondsChanged)
    Q_PROPERTY(bool stale READ isStale NOTIFY staleChanged)
    Q_PROPERTY(int staleAfterSeconds READ staleAfterSeconds WRITE setStaleAfterSeconds NOTIFY
                   staleAfterSecondsChanged)

    Q_PROPERTY(AccuracyClass accuracyClass READ accuracyClass NOTIFY accuracyClassChanged)
    Q_PROPERTY(QString accuracyText READ accuracyText NOTIFY accuracyClassChanged)
    Q_PROPERTY(double excellentAccuracyThreshold READ excellentAccuracyThreshold WRITE
                   setExcellentAccuracyThreshold NOTIFY excellentAccuracyThresholdChanged)
    Q_PROPERTY(double badAccuracyThreshold READ badAccuracyThreshold WRITE setBadAccuracyThreshold
                   NOTIFY badAccuracyThresholdChanged)

    Q_PROPERTY(bool inVietnam READ isInVietnam NOTIFY warningChanged)
    Q_PROPERTY(bool hasBoundary READ hasBoundary NOTIFY boundaryChanged)
    Q_PROPERTY(bool insideBoundary READ isInsideBoundary NOTIFY warningChanged)
    Q_PROPERTY(double distanceOutsideBoundaryM READ distanceOutsideBoundaryM NOTIFY warningChanged)
    Q_PROPERTY(QString warning READ warning NOTIFY warningChanged)

    Q_PROPERTY(bool averaging READ isAveraging NOTIFY averagingChanged)
    Q_PROPERTY(int averagingUsedCount READ averagingUsedCount NOTIFY averagingProgressChanged)
    Q_PROPERTY(int averagingSkippedCount READ averagingSkippedCount NOTIFY averagingProgressChanged)
    Q_PROPERTY(double averagingMaxAccuracyM READ averagingMaxAccuracyM WRITE
                   setAveragingMaxAccuracyM NOTIFY averagingMaxAccuracyMChanged)
    Q_PROPERTY(PositionFix averagedFix READ averagedFix NOTIFY averagedFixChanged)

public:
    // Like QField's positioning: excellent <= excellentAccuracyThreshold < good <=
    // badAccuracyThreshold < bad. Unknown when the source gives no accuracy.
    enum AccuracyClass { AccuracyUnknown, AccuracyExcellent, AccuracyGood, AccuracyBad };
    Q_ENUM(AccuracyClass)

    static constexpr double DefaultExcellentAccuracyM = 5.0;
    static constexpr double DefaultBadAccuracyM = 20.0;
    static constexpr int DefaultStaleAfterSeconds = 10;
    static constexpr int DefaultAveragingMs = 5000;

    // "Now" in UTC, for the fix's age. Default: the system clock; while replaying a log: the
    // log's simulated time (last fix's timestamp + elapsed time x speed).
    using Clock = std::function<QDateTime()>;

    explicit PositionTracker(QObject *parent = nullptr);
    ~PositionTracker() override;

    void setSourceOptions(const PositionSourceOptions &options);
    PositionSourceOptions sourceOptions() const { return m_options; }

    // Creates the configured source and starts updates. CoreError::Code::Position when no
    // source exists ("Không có nguồn định vị"), Io / InvalidInput for an unusable NMEA file.
    CoreError start();
    // Starts updates from a source made elsewhere (the tracker takes ownership).
    CoreError start(QGeoPositionInfoSource *source, const QString &name);
    Q_INVOKABLE void stop();

    bool isActive() const { return m_source != nullptr; }
    QString sourceName() const { return m_sourceName; }
    QString errorMessage() const { return m_lastError.message(); }
    CoreError lastError() const { return m_lastError; }
    // While replaying an NMEA log: its replayer (speed, step()); null otherwise.
    NmeaLogReplayer *replayer() const { return m_replayer; }
    QGeoPositionInfoSource *source() const { return m_source; }

    bool hasFix() const { return m_fix.valid; }
    PositionFix fix() const { return m_fix; }
    double latitude() const { return m_fix.latitude; }
    double longitude() const { return m_fix.longitude; }
    double horizontalAccuracy() const { return m_fix.accuracyM; }
    QDateTime timestamp() const { return m_fix.timestamp; }
    int fixCount() const { return m_fixCount; }
    int ageSeconds() const { return m_ageSeconds; } // -1 without a fix
    bool isStale() const { return m_stale; }
    int staleAfterSeconds() const { return m_staleAfterSeconds; }
    void setStaleAfterSeconds(int seconds);

    AccuracyClass accuracyClass() const { return m_accuracyClass; }
    AccuracyClass accuracyClassFor(double accuracyM) const;
    QString accuracyText() const;
    double excellentAccuracyThreshold() const { return m_excellentThreshold; }
    void setExcellentAccuracyThreshold(double metres);
    double badAccuracyThreshold() const { return m_badThreshold; }
    void setBadAccuracyThreshold(double metres);

    // The cluster's boundary for the "outside the cluster" warning; an empty text clears it.
    CoreError setBoundaryGeoJson(const QString &geoJson);
    void setBoundary(const GeoBoundary &boundary);
    void clearBoundary();
    bool hasBoundary() const { return m_boundary.isValid(); }
    bool isInVietnam() const { return m_inVietnam; }
    bool isInsideBoundary() const { return m_insideBoundary; }
    double distanceOutsideBoundaryM() const { return m_distanceOutsideM; }
    QString warning() const { return m_warning; }

    // Averages the fixes of the next durationMs (measured on the fixes' own timestamps from the
    // first fix received) skipping fixes worse than averagingMaxAccuracyM. Ends with
    // averagingFinished(fix) or averagingFailed(message). Position error when not active.
    CoreError startAveraging(int durationMs = DefaultAveragingMs);
    // Ends the averaging now with what was collected.
    Q_INVOKABLE void finishAveraging();
    Q_INVOKABLE void cancelAveraging();
    bool isAveraging() const { return m_averaging; }
    int averagingUsedCount() const { return m_averager.usedCount(); }
    int averagingSkippedCount() const { return m_averager.skippedCount(); }
    double averagingMaxAccuracyM() const { return m_averager.maxAccuracyM(); }
    void setAveragingMaxAccuracyM(double metres);
    PositionFix averagedFix() const { return m_averagedFix; }

    void setClock(Clock clock);
    QDateTime now() const;
    // Re-reads the clock and updates ageSeconds/stale (a timer does this every second).
    Q_INVOKABLE void refreshAge();

signals:
    void activeChanged();
    void sourceNameChanged();
    void errorMessageChanged();
    void errorOccurred(const QString &message);
    void fixChanged();
    void ageSecondsChanged();
    void staleChanged();
    void staleAfterSecondsChanged();
    void accuracyClassChanged();
    void excellentAccuracyThresholdChanged();
    void badAccuracyThresholdChanged();
    void boundaryChanged();
    void warningChanged();
    void averagingChanged();
    void averagingProgressChanged();
    void averagingMaxAccuracyMChanged();
    void averagedFixChanged();
    void averagingFinished(const PositionFix &fix);
    void averagingFailed(const QString &message);

private:
    void onPositionUpdated(const QGeoPositionInfo &info);
    void onSourceError(QGeoPositionInfoSource::Error error);
    void setError(const CoreError &error);
    void setSourceName(const QString &name);
    void updateAccuracyClass();
    void updateWarnings();
    void setAveraging(bool averaging);
    CoreError createSource(QGeoPositionInfoSource **source, QString *name);

    PositionSourceOptions m_options;
    QPointer<QGeoPositionInfoSource> m_source;
    NmeaLogReplayer *m_replayer = nullptr;
    QString m_sourceName;
    CoreError m_lastError;

    PositionFix m_fix;
    int m_fixCount = 0;
    QElapsedTimer m_sinceFix;
    int m_ageSeconds = -1;
    bool m_stale = false;
    int m_staleAfterSeconds = DefaultStaleAfterSeconds;
    QTimer m_ageTimer;
    Clock m_clock;

    AccuracyClass m_accuracyClass = AccuracyUnknown;
    double m_excellentThreshold = DefaultExcellentAccuracyM;
    double m_badThreshold = DefaultBadAccuracyM;

    GeoBoundary m_boundary;
    bool m_inVietnam = false;
    bool m_insideBoundary = false;
    double m_distanceOutsideM = qQNaN();
    QString m_warning;

    bool m_averaging = false;
    int m_averagingMs = DefaultAveragingMs;
    QDateTime m_averagingFirst;
    PositionAverager m_averager{DefaultBadAccuracyM};
    PositionFix m_averagedFix;
    QTimer m_averagingTimer;
};
