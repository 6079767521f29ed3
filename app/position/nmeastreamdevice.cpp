#include "nmeastreamdevice.h"

#include <cstring>

NmeaStreamDevice::NmeaStreamDevice(QObject *parent) : QIODevice(parent)
{
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

void NmeaStreamDevice::push(const QByteArray &data)
{
    if (data.isEmpty())
        return;
    if (!isOpen())
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    m_buffer.append(data);
    emit readyRead();
}

qint64 NmeaStreamDevice::bytesAvailable() const
{
    return (m_buffer.size() - m_readPos) + QIODevice::bytesAvailable();
}

bool NmeaStreamDevice::canReadLine() const
{
    return m_buffer.indexOf('\n', m_readPos) >= 0 || QIODevice::canReadLine();
}

qint64 NmeaStreamDevice::take(char *data, qint64 count)
{
    count = qMin<qint64>(count, m_buffer.size() - m_readPos);
    if (count <= 0)
        return 0;
    std::memcpy(data, m_buffer.constData() + m_readPos, size_t(count));
    m_readPos += count;
    if (m_readPos == m_buffer.size()) {
        m_buffer.clear();
        m_readPos = 0;
    } else if (m_readPos > 65536 && m_readPos * 2 > m_buffer.size()) {
        m_buffer.remove(0, m_readPos);
        m_readPos = 0;
    }
    return count;
}

qint64 NmeaStreamDevice::readData(char *data, qint64 maxSize)
{
    return take(data, maxSize);
}

qint64 NmeaStreamDevice::readLineData(char *data, qint64 maxSize)
{
    const qint64 newline = m_buffer.indexOf('\n', m_readPos);
    const qint64 lineLength = newline < 0 ? m_buffer.size() - m_readPos : newline - m_readPos + 1;
    return take(data, qMin(lineLength, maxSize));
}

qint64 NmeaStreamDevice::writeData(const char *, qint64)
{
    return -1;
}
