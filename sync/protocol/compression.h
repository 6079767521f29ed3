#pragma once

#include <QByteArray>

// Body codings: "deflate" is zlib (RFC 1950), "gzip" is RFC 1952 (both zlib), "zstd" is
// Zstandard (RFC 8878, libzstd).
class Compression
{
public:
    // level: zlib's 1 (fastest) … 9 (smallest); -1 is zlib's default (6).
    static QByteArray deflate(const QByteArray &data, int level = -1);
    static QByteArray gzip(const QByteArray &data, int level = -1);
    // level: zstd's 1 (fastest) … 19; one frame with its content size and checksum.
    static QByteArray zstd(const QByteArray &data, int level = 1);
    // Decodes one or more zstd frames; false on corrupt or truncated data; sets *tooLarge (and
    // returns false) when the output would exceed maxBytes.
    static bool unzstd(const QByteArray &data, qint64 maxBytes, QByteArray *out, bool *tooLarge);
    // Inflates zlib or gzip data (detected from the header). Returns false on corrupt data;
    // sets *tooLarge (and returns false) when the output would exceed maxBytes.
    static bool inflate(const QByteArray &data, qint64 maxBytes, QByteArray *out, bool *tooLarge);
    // Whether an Accept-Encoding header (RFC 9110 12.5.3) takes `coding` (lower case): named, and
    // not with q=0.
    static bool accepts(const QByteArray &acceptEncoding, const QByteArray &coding);
};
