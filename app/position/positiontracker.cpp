#include "positiontracker.h"

#include "coordinatevalidator.h"
#include "nmealogreplayer.h"
#include "nmeapositionsource.h"

#include <QFileInfo>

#include <cmath>

namespace {
// Grace on top of the averaging window before the wall-clock fallback ends it (fixes stopped).
constexpr int AveragingGraceMs = 3000;
} // namespace

PositionTracker::PositionTracker(QObject *parent) : QObject(parent)
{
    m_ageTimer.setInterval(1000);
    connect(&m_ageTimer, &QTimer::timeout, this, &PositionTracker::refreshAge);
    m_averagingTimer.setSingleShot(true);
    connect(&m_averagingTimer, &QTimer::timeout, this, &PositionTracker::finishAveraging);
}

PositionTracker::~PositionTracker()
{
    // The source reads the replayer's device: delete it first.
    delete m_source.data();
    delete m_replayer;
}

void PositionTracker::setSourceOptions(const PositionSourceOptions &options)
{
    m_options = options;
}

CoreError PositionTracker::createSource(QGeoPositionInfoSource **source, QString *name)
{
    *source = nullptr;
    switch (m_options.kind) {
    case PositionSourceOptions::Kind::Default:
        *source = QGeoPositionInfoSource::createDefaultSource(this);
        if (*source)
            *name = (*source)->sourceName();
        break;
    case PositionSourceOptions::Kind::Plugin:
        *source = QGeoPositionInfoSource::createSource(m_options.pluginName, this);
        *name = m_options.pluginName;
        break;
    case PositionSourceOptions::Kind::NmeaFile: {
        if (m_options.nmeaFile.isEmpty()) {
            return CoreError(CoreError::Code::InvalidInput,
                             tr("Đã chọn phát lại tệp NMEA nhưng chưa chọn tệp. Hãy chọn tệp "
                                "NMEA trong cài đặt định vị."));
        }
        auto *replayer = new NmeaLogReplayer(this);
        const CoreError error = replayer->load(m_options.nmeaFile);
        if (error.failed()) {
            delete replayer;
            return error;
        }
        replayer->setSpeed(m_options.replaySpeed > 0 ? m_options.replaySpeed : 1.0);
        auto *nmea = new NmeaPositionSource(QNmeaPositionInfoSource::RealTimeMode, this);
        nmea->setUserEquivalentRangeError(m_options.uereM);
        nmea->setDevice(replayer->device());
        m_replayer = replayer;
        *source = nmea;
        *name = tr("Tệp NMEA: %1").arg(QFileInfo(m_options.nmeaFile).fileName());
        break;
    }
    }
    if (!*source) {
        const QString which = m_options.kind == PositionSourceOptions::Kind::Plugin
                                  ? tr(" (không tìm thấy plugin \"%1\")").arg(m_options.pluginName)
                                  : QString();
        return CoreError(CoreError::Code::Position,
                         tr("Không có nguồn định vị%1. Hãy bật GPS/định vị của máy, hoặc chọn "
                            "tệp NMEA trong cài đặt định vị.")
                             .arg(which));
    }
    return CoreError::none();
}

CoreError PositionTracker::start()
{
    stop();
    QGeoPositionInfoSource *source = nullptr;
    QString name;
    const CoreError error = createSource(&source, &name);
    if (error.failed()) {
        setError(error);
        return error;
    }
    const CoreError started = start(source, name);
    if (started.ok() && m_replayer && m_options.replaySpeed > 0)
        m_replayer->start();
    return started;
}

CoreError PositionTracker::start(QGeoPositionInfoSource *source, const QString &name)
{
    if (!source) {
        const CoreError error(CoreError::Code::Position,
                              tr("Không có nguồn định vị. Hãy bật GPS/định vị của máy."));
        setError(error);
        return error;
    }
    if (m_source && m_source != source)
        stop();
    source->setParent(this);
    m_source = source;
    connect(source, &QGeoPositionInfoSource::positionUpdated, this,
            &PositionTracker::onPositionUpdated);
    connect(source, &QGeoPositionInfoSource::errorOccurred, this, &PositionTracker::onSourceError);
    setError(CoreError::none());
    setSourceName(name);
    source->startUpdates();
    m_ageTimer.start();
    emit activeChanged();
    return m_lastError;
}

void PositionTracker::stop()
{
    const bool wasActive = isActive();
    if (m_averaging)
        cancelAveraging();
    m_ageTimer.stop();
    if (m_source) {
        m_source->stopUpdates();
        m_source->disconnect(this);
        delete m_source.data();
    }
    delete m_replayer;
    m_replayer = nullptr;
    if (wasActive)
        emit activeChanged();
}

void PositionTracker::onSourceError(QGeoPositionInfoSource::Error error)
{
    QString message;
    switch (error) {
    case QGeoPositionInfoSource::NoError:
        return;
    case QGeoPositionInfoSource::AccessError:
        message = tr("Ứng dụng chưa được phép dùng định vị. Hãy bật quyền vị trí cho ứng dụng "
                     "trong cài đặt của máy.");
        break;
    case QGeoPositionInfoSource::ClosedError:
        message = tr("Nguồn định vị đã ngừng (GPS bị tắt?). Hãy bật lại định vị.");
        break;
    case QGeoPositionInfoSource::UpdateTimeoutError:
        message = tr("Chưa nhận được vị trí. Hãy ra chỗ thoáng và chờ thêm.");
        break;
    case QGeoPositionInfoSource::UnknownSourceError:
        message = tr("Nguồn định vị báo lỗi không rõ. Hãy tắt rồi bật lại định vị.");
        break;
    }
    setError(CoreError(CoreError::Code::Position, message));
}

void PositionTracker::setError(const CoreError &error)
{
    const QString before = m_lastError.message();
    m_lastError = error;
    if (before == error.message())
        return;
    emit errorMessageChanged();
    if (error.failed())
        emit errorOccurred(error.message());
}

void PositionTracker::setSourceName(const QString &name)
{
    if (m_sourceName == name)
        return;
    m_sourceName = name;
    emit sourceNameChanged();
}

void PositionTracker::onPositionUpdated(const QGeoPositionInfo &info)
{
    const PositionFix fix = PositionFix::fromPositionInfo(info);
    if (!fix.valid)
        return;
    m_fix = fix;
    ++m_fixCount;
    m_sinceFix.start();
    if (m_lastError.code() == CoreError::Code::Position)
        setError(CoreError::none()); // a fix arrived: the timeout (or similar) is over
    emit fixChanged();
    updateAccuracyClass();
    refreshAge();
    updateWarnings();

    if (!m_averaging)
        return;
    if (!m_averagingFirst.isValid())
        m_averagingFirst = fix.timestamp;
    if (m_averagingFirst.msecsTo(fix.timestamp) >= m_averagingMs) {
        finishAveraging();
        return;
    }
    m_averager.add(fix);
    emit averagingProgressChanged();
}

void PositionTracker::setStaleAfterSeconds(int seconds)
{
    seconds = qMax(1, seconds);
    if (m_staleAfterSeconds == seconds)
        return;
    m_staleAfterSeconds = seconds;
    emit staleAfterSecondsChanged();
    refreshAge();
}

PositionTracker::AccuracyClass PositionTracker::accuracyClassFor(double accuracyM) const
{
    if (!std::isfinite(accuracyM) || accuracyM < 0)
        return AccuracyUnknown;
    if (accuracyM <= m_excellentThreshold)
        return AccuracyExcellent;
    if (accuracyM <= m_badThreshold)
        return AccuracyGood;
    return AccuracyBad;
}

QString PositionTracker::accuracyText() const
{
    switch (m_accuracyClass) {
    case AccuracyExcellent:
        return tr("Rất tốt");
    case AccuracyGood:
        return tr("Tốt");
    case AccuracyBad:
        return tr("Kém");
    case AccuracyUnknown:
        break;
    }
    return m_fix.valid ? tr("Không rõ sai số") : tr("Chưa có vị trí");
}

void PositionTracker::setExcellentAccuracyThreshold(double metres)
{
    if (!std::isfinite(metres) || metres <= 0 || m_excellentThreshold == metres)
        return;
    m_excellentThreshold = metres;
    emit excellentAccuracyThresholdChanged();
    updateAccuracyClass();
}

void PositionTracker::setBadAccuracyThreshold(double metres)
{
    if (!std::isfinite(metres) || metres <= 0 || m_badThreshold == metres)
        return;
    m_badThreshold = metres;
    emit badAccuracyThresholdChanged();
    updateAccuracyClass();
}

void PositionTracker::updateAccuracyClass()
{
    const AccuracyClass c = m_fix.valid ? accuracyClassFor(m_fix.accuracyM) : AccuracyUnknown;
    if (c == m_accuracyClass)
        return;
    m_accuracyClass = c;
    emit accuracyClassChanged();
}

CoreError PositionTracker::setBoundaryGeoJson(const QString &geoJson)
{
    if (geoJson.trimmed().isEmpty()) {
        clearBoundary();
        return CoreError::none();
    }
    CoreError error;
    const GeoBoundary boundary = GeoBoundary::fromGeoJson(geoJson, &error);
    if (error.failed()) {
        clearBoundary();
        return error;
    }
    setBoundary(boundary);
    return CoreError::none();
}

void PositionTracker::setBoundary(const GeoBoundary &boundary)
{
    const bool had = hasBoundary();
    m_boundary = boundary;
    if (had || hasBoundary())
        emit boundaryChanged();
    updateWarnings();
}

void PositionTracker::clearBoundary()
{
    setBoundary(GeoBoundary());
}

void PositionTracker::updateWarnings()
{
    bool inVietnam = false;
    bool inside = false;
    double outsideM = qQNaN();
    QString warning;
    if (m_fix.valid) {
        const CoreError vn = CoordinateValidator::validate(m_fix.latitude, m_fix.longitude);
        inVietnam = vn.ok();
        if (hasBoundary()) {
            outsideM = m_boundary.distanceOutsideM(m_fix.latitude, m_fix.longitude);
            inside = outsideM == 0.0;
        }
        if (!inVietnam) {
            warning = vn.message();
        } else if (hasBoundary() && !inside) {
            const QString metres = QString::number(std::round(outsideM), 'f', 0);
            if (m_fix.hasAccuracy() && outsideM <= m_fix.accuracyM) {
                warning = tr("Có thể bạn đang ở ngoài ranh giới cụm công nghiệp (cách khoảng %1 "
                             "m, sai số định vị ±%2 m).")
                              .arg(metres, QString::number(std::round(m_fix.accuracyM), 'f', 0));
            } else {
                warning =
                    tr("Bạn đang ở ngoài ranh giới cụm công nghiệp, cách khoảng %1 m.").arg(metres);
            }
        }
    }
    const bool sameDistance =
        (std::isnan(outsideM) && std::isnan(m_distanceOutsideM)) || outsideM == m_distanceOutsideM;
    if (inVietnam == m_inVietnam && inside == m_insideBoundary && sameDistance &&
        warning == m_warning)
        return;
    m_inVietnam = inVietnam;
    m_insideBoundary = inside;
    m_distanceOutsideM = outsideM;
    m_warning = warning;
    emit warningChanged();
}

CoreError PositionTracker::startAveraging(int durationMs)
{
    if (!isActive()) {
        return CoreError(CoreError::Code::Position,
                         tr("Chưa bật định vị nên không lấy trung bình được. Hãy bật định vị "
                            "trước."));
    }
    m_averagingMs = qMax(0, durationMs);
    m_averagingFirst = QDateTime();
    m_averager.clear();
    emit averagingProgressChanged();
    const double speed =
        m_replayer ? (m_options.replaySpeed > 0 ? m_options.replaySpeed : 0.0) : 1.0;
    if (speed > 0)
        m_averagingTimer.start(int(m_averagingMs / speed) + AveragingGraceMs);
    else
        m_averagingTimer.stop(); // manual stepping: only the fixes' timestamps end it
    setAveraging(true);
    return CoreError::none();
}

void PositionTracker::finishAveraging()
{
    if (!m_averaging)
        return;
    m_averagingTimer.stop();
    setAveraging(false);
    CoreError error;
    const PositionFix result = m_averager.result(&error);
    if (error.failed()) {
        emit averagingFailed(error.message());
        return;
    }
    m_averagedFix = result;
    emit averagedFixChanged();
    emit averagingFinished(result);
}

void PositionTracker::cancelAveraging()
{
    if (!m_averaging)
        return;
    m_averagingTimer.stop();
    setAveraging(false);
}

void PositionTracker::setAveragingMaxAccuracyM(double metres)
{
    if (!std::isfinite(metres) || metres <= 0 || m_averager.maxAccuracyM() == metres)
        return;
    m_averager.setMaxAccuracyM(metres);
    emit averagingMaxAccuracyMChanged();
}

void PositionTracker::setAveraging(bool averaging)
{
    if (m_averaging == averaging)
        return;
    m_averaging = averaging;
    emit averagingChanged();
}

void PositionTracker::setClock(Clock clock)
{
    m_clock = std::move(clock);
    refreshAge();
}

QDateTime PositionTracker::now() const
{
    if (m_clock)
        return m_clock();
    if (m_replayer && m_fix.valid && m_sinceFix.isValid()) {
        // Simulated time of the log being replayed.
        const double speed = m_options.replaySpeed > 0 ? m_options.replaySpeed : 0.0;
        return m_fix.timestamp.addMSecs(qint64(m_sinceFix.elapsed() * speed));
    }
    return QDateTime::currentDateTimeUtc();
}

void PositionTracker::refreshAge()
{
    int age = -1;
    if (m_fix.valid && m_fix.timestamp.isValid())
        age = int(qMax<qint64>(0, m_fix.timestamp.msecsTo(now()) / 1000));
    const bool stale = age > m_staleAfterSeconds;
    if (age != m_ageSeconds) {
        m_ageSeconds = age;
        emit ageSecondsChanged();
    }
    if (stale != m_stale) {
        m_stale = stale;
        emit staleChanged();
    }
}
