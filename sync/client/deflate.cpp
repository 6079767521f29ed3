#include "deflate.h"

#include <QtEndian>

QByteArray Deflate::compress(const QByteArray &data, int level)
{
    return qCompress(data, level).mid(4);
}

bool Deflate::uncompress(const QByteArray &zlibStream, QByteArray *out, qint64 limit)
{
    static const QByteArray emptyStream = compress(QByteArray());
    if (zlibStream == emptyStream) {
        out->clear();
        return true;
    }
    // qUncompress wants a size hint in front of the stream; it grows its buffer as needed.
    QByteArray framed(4, '\0');
    qToBigEndian<quint32>(quint32(qMin<qint64>(qint64(zlibStream.size()) * 4, limit)),
                          framed.data());
    framed += zlibStream;
    const QByteArray result = qUncompress(framed);
    if (result.isEmpty() || result.size() > limit)
        return false;
    *out = result;
    return true;
}
