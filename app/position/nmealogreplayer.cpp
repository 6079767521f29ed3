#include "nmealogreplayer.h"

#include "nmeaaccuracyparser.h"
#include "nmeastreamdevice.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

// Time of day of a sentence in ms, -1 when it carries none.
static int sentenceTimeMs(const QByteArray &line)
{
    const QByteArray s = line.trimmed();
    if (s.size() < 7 || s.at(0) != '$')
        return -1;
    const QByteArray type = s.mid(3, 3);
    int field = -1;
    if (type == "RMC" || type == "GGA" || type == "ZDA")
        field = 1;
    else if (type == "GLL")
        field = 5;
    else
        return -1;
    if (!NmeaAccuracyParser::checksumOk(s))
        return -1;
    const QList<QByteArray> f = NmeaAccuracyParser::fields(s);
    if (f.size() <= field || f.at(field).size() < 6)
        return -1;
    const QByteArray t = f.at(field);
    bool okH = false, okM = false, okS = false;
    const int h = t.mid(0, 2).toInt(&okH);
    const int m = t.mid(2, 2).toInt(&okM);
    const double sec = t.mid(4).toDouble(&okS);
    if (!okH || !okM || !okS || h > 23 || m > 59 || sec < 0 || sec >= 61)
        return -1;
    return h * 3600000 + m * 60000 + int(sec * 1000 + 0.5);
}

NmeaLogReplayer::NmeaLogReplayer(QObject *parent)
    : QObject(parent), m_device(new NmeaStreamDevice(this))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        step();
        scheduleNext();
    });
}

NmeaLogReplayer::~NmeaLogReplayer() = default;

QIODevice *NmeaLogReplayer::device() const
{
    return m_device;
}

CoreError NmeaLogReplayer::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return CoreError(CoreError::Code::Io,
                         tr("Không mở được tệp NMEA %1 (%2). Kiểm tra lại đường dẫn trong "
                            "cài đặt định vị.")
                             .arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    if (file.size() > MaxFileBytes) {
        return CoreError(CoreError::Code::InvalidInput,
                         tr("Tệp NMEA %1 quá lớn (%2 MB). Hãy cắt bớt tệp rồi thử lại.")
                             .arg(QFileInfo(path).fileName())
                             .arg(file.size() / (1024 * 1024)));
    }
    return loadData(file.readAll(), QFileInfo(path).fileName());
}

CoreError NmeaLogReplayer::loadData(const QByteArray &data, const QString &name)
{
    stop();
    QList<Epoch> epochs;
    Epoch current;
    bool currentHasTime = false;
    const QList<QByteArray> lines = data.split('\n');
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty())
            continue;
        const int t = sentenceTimeMs(line);
        if (t >= 0) {
            if (currentHasTime && t != current.msecsOfDay) {
                epochs.append(current);
                current = Epoch();
            }
            current.msecsOfDay = t;
            currentHasTime = true;
        }
        current.data.append(line);
        current.data.append("\r\n");
    }
    if (currentHasTime)
        epochs.append(current);
    if (epochs.isEmpty()) {
        return CoreError(CoreError::Code::InvalidInput,
                         tr("Tệp NMEA %1 không có câu định vị nào có thời gian (RMC, GGA, GLL). "
                            "Hãy chọn tệp ghi từ máy thu GPS.")
                             .arg(name.isEmpty() ? tr("đã chọn") : name));
    }
    m_epochs = epochs;
    m_next = 0;
    emit loaded();
    emit playedCountChanged();
    return CoreError::none();
}

int NmeaLogReplayer::intervalAfterMs(int index) const
{
    if (index < 0 || index + 1 >= m_epochs.size())
        return 0;
    const int a = m_epochs.at(index).msecsOfDay;
    const int b = m_epochs.at(index + 1).msecsOfDay;
    int delta = b - a;
    if (delta < 0)
        delta += 24 * 3600 * 1000; // past midnight
    return qMin(delta, MaxGapMs);
}

void NmeaLogReplayer::setSpeed(double speed)
{
    speed = qBound(MinSpeed, speed, MaxSpeed);
    if (qFuzzyCompare(speed, m_speed))
        return;
    m_speed = speed;
    emit speedChanged();
}

bool NmeaLogReplayer::step()
{
    if (m_next >= m_epochs.size())
        return false;
    const QByteArray data = m_epochs.at(m_next).data;
    ++m_next;
    emit playedCountChanged();
    m_device->push(data);
    if (m_next == m_epochs.size())
        emit finished();
    return true;
}

void NmeaLogReplayer::playAll()
{
    while (step()) {
    }
}

void NmeaLogReplayer::start()
{
    if (isRunning() || m_next >= m_epochs.size())
        return;
    setRunning(true);
    step();
    scheduleNext();
}

void NmeaLogReplayer::scheduleNext()
{
    if (!m_running)
        return;
    if (m_next >= m_epochs.size()) {
        setRunning(false);
        return;
    }
    const int logInterval = intervalAfterMs(m_next - 1);
    m_timer.start(int(logInterval / m_speed));
}

void NmeaLogReplayer::stop()
{
    m_timer.stop();
    setRunning(false);
}

void NmeaLogReplayer::setRunning(bool running)
{
    if (m_running == running)
        return;
    m_running = running;
    emit runningChanged();
}
