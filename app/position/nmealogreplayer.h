#pragma once

#include "coreerror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QTimer>

class NmeaStreamDevice;
class QIODevice;

// Replays a recorded NMEA log as if a receiver were sending it, in simulated time: the log is cut
// into epochs (the sentences sharing one time of day, from RMC/GGA/GLL/ZDA), and each epoch is
// pushed into device() after the recorded interval divided by speed. Feed device() to an
// NmeaPositionSource in RealTimeMode. step() and playAll() push epochs at once, without timers,
// for deterministic tests.
class NmeaLogReplayer : public QObject
{
    Q_OBJECT
    Q_PROPERTY(double speed READ speed WRITE setSpeed NOTIFY speedChanged)
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)
    Q_PROPERTY(int epochCount READ epochCount NOTIFY loaded)
    Q_PROPERTY(int playedCount READ playedCount NOTIFY playedCountChanged)

public:
    static constexpr double MinSpeed = 0.1;
    static constexpr double MaxSpeed = 1000.0;
    // Gaps longer than this in the log (receiver off, tunnel) are shortened to it.
    static constexpr int MaxGapMs = 60000;
    static constexpr qint64 MaxFileBytes = 64 * 1024 * 1024;

    explicit NmeaLogReplayer(QObject *parent = nullptr);
    ~NmeaLogReplayer() override;

    CoreError load(const QString &path);
    CoreError loadData(const QByteArray &data, const QString &name = QString());

    QIODevice *device() const;

    int epochCount() const { return int(m_epochs.size()); }
    int playedCount() const { return m_next; }
    QByteArray epoch(int index) const { return m_epochs.value(index).data; }
    // Milliseconds since midnight (UTC) of an epoch, -1 when it has no time.
    int epochTimeMs(int index) const { return m_epochs.value(index).msecsOfDay; }
    // Recorded interval before epoch index+1, in log time (not divided by speed); 0 at the end.
    int intervalAfterMs(int index) const;

    double speed() const { return m_speed; }
    void setSpeed(double speed);
    bool isRunning() const { return m_running; }

public slots:
    // Pushes the next epoch now; false when the log is at its end.
    bool step();
    // Pushes every epoch not yet played, at once.
    void playAll();
    // Timed replay from the current epoch: the first epoch at once, then at recorded intervals.
    void start();
    void stop();

signals:
    void loaded();
    void speedChanged();
    void runningChanged();
    void playedCountChanged();
    void finished();

private:
    struct Epoch {
        QByteArray data;
        int msecsOfDay = -1;
    };
    void scheduleNext();
    void setRunning(bool running);

    QList<Epoch> m_epochs;
    NmeaStreamDevice *m_device;
    QTimer m_timer;
    double m_speed = 1.0;
    int m_next = 0;
    bool m_running = false;
};
