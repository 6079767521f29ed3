#pragma once

#include <QByteArray>

// zlib streams (RFC 1950) for `Content-Encoding: deflate` bodies. Uses the zlib inside QtCore
// (qCompress writes a 4-byte length header in front of a zlib stream).
class Deflate
{
public:
    static QByteArray compress(const QByteArray &data, int level = 6);
    // Returns false on a malformed stream or when the result would exceed `limit` bytes.
    static bool uncompress(const QByteArray &zlibStream, QByteArray *out, qint64 limit = 16 << 20);
};
