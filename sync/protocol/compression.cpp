#include "compression.h"

#include <zlib.h>

namespace {
QByteArray compress(const QByteArray &data, int windowBits, int level)
{
    z_stream s{};
    if (deflateInit2(&s, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out;
    out.resize(int(deflateBound(&s, uLong(data.size()))) + 32);
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    s.avail_in = uInt(data.size());
    s.next_out = reinterpret_cast<Bytef *>(out.data());
    s.avail_out = uInt(out.size());
    const int rc = ::deflate(&s, Z_FINISH);
    out.resize(int(s.total_out));
    deflateEnd(&s);
    return rc == Z_STREAM_END ? out : QByteArray();
}
} // namespace

QByteArray Compression::deflate(const QByteArray &data, int level)
{
    return compress(data, MAX_WBITS, level);
}

QByteArray Compression::gzip(const QByteArray &data, int level)
{
    return compress(data, MAX_WBITS + 16, level);
}

bool Compression::inflate(const QByteArray &data, qint64 maxBytes, QByteArray *out, bool *tooLarge)
{
    *tooLarge = false;
    out->clear();
    z_stream s{};
    if (inflateInit2(&s, MAX_WBITS + 32) != Z_OK) // +32: zlib or gzip header
        return false;
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    s.avail_in = uInt(data.size());
    char buf[65536];
    int rc = Z_OK;
    while (rc == Z_OK) {
        s.next_out = reinterpret_cast<Bytef *>(buf);
        s.avail_out = sizeof buf;
        rc = ::inflate(&s, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END)
            break;
        const qint64 n = qint64(sizeof buf - s.avail_out);
        if (out->size() + n > maxBytes) {
            *tooLarge = true;
            inflateEnd(&s);
            out->clear();
            return false;
        }
        out->append(buf, int(n));
        if (rc == Z_OK && s.avail_in == 0 && n == 0)
            break; // truncated input
    }
    inflateEnd(&s);
    if (rc != Z_STREAM_END) {
        out->clear();
        return false;
    }
    return true;
}
