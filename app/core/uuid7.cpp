#include "uuid7.h"

#include <QDateTime>
#include <QMutex>
#include <QRandomGenerator>
#include <QRegularExpression>

QString Uuid7::generate()
{
    return generate(QDateTime::currentMSecsSinceEpoch());
}

QString Uuid7::generate(qint64 msSinceEpoch)
{
    // Within one millisecond the 12-bit counter keeps ids from one process strictly increasing.
    static QMutex mutex;
    static qint64 lastMs = -1;
    static quint16 counter = 0;
    quint16 seq;
    {
        QMutexLocker lock(&mutex);
        if (msSinceEpoch <= lastMs) {
            msSinceEpoch = lastMs;
            if (++counter > 0x0fff) {
                counter = 0;
                msSinceEpoch = ++lastMs;
            }
        } else {
            lastMs = msSinceEpoch;
            counter = quint16(QRandomGenerator::global()->bounded(0x0400));
        }
        seq = counter;
    }
    unsigned char b[16];
    const quint64 ms = quint64(msSinceEpoch);
    for (int i = 0; i < 6; ++i)
        b[i] = uchar(ms >> (8 * (5 - i)));
    b[6] = uchar(0x70 | ((seq >> 8) & 0x0f));
    b[7] = uchar(seq & 0xff);
    quint64 r = QRandomGenerator::global()->generate64();
    for (int i = 8; i < 16; ++i)
        b[i] = uchar(r >> (8 * (i - 8)));
    b[8] = uchar(0x80 | (b[8] & 0x3f));
    static const char hex[] = "0123456789abcdef";
    QString out;
    out.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out += QLatin1Char('-');
        out += QLatin1Char(hex[b[i] >> 4]);
        out += QLatin1Char(hex[b[i] & 0x0f]);
    }
    return out;
}

bool Uuid7::isValid(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    return re.match(text).hasMatch();
}
