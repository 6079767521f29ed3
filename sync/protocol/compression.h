#pragma once

#include <QByteArray>

// zlib helpers for bodies: "deflate" is zlib (RFC 1950), "gzip" is RFC 1952.
class Compression
{
public:
    // level: zlib's 1 (fastest) … 9 (smallest); -1 is zlib's default (6).
    static QByteArray deflate(const QByteArray &data, int level = -1);
    static QByteArray gzip(const QByteArray &data, int level = -1);
    // Inflates zlib or gzip data (detected from the header). Returns false on corrupt data;
    // sets *tooLarge (and returns false) when the output would exceed maxBytes.
    static bool inflate(const QByteArray &data, qint64 maxBytes, QByteArray *out, bool *tooLarge);
};
