#pragma once

#include <QByteArray>
#include <QIODevice>

// A read-only, sequential in-memory pipe: push() appends bytes and emits readyRead(), readers
// take them from the front. Feeds QNmeaPositionInfoSource in RealTimeMode (a QBuffer cannot: it
// shares one position for reading and writing, and a QFile never emits readyRead()).
class NmeaStreamDevice : public QIODevice
{
    Q_OBJECT
public:
    explicit NmeaStreamDevice(QObject *parent = nullptr);

    // Opens the device read-only if needed, appends data and emits readyRead().
    void push(const QByteArray &data);

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    bool canReadLine() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 readLineData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    qint64 take(char *data, qint64 count);

    QByteArray m_buffer;
    qint64 m_readPos = 0; // bytes of m_buffer already read
};
