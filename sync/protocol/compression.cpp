#include "compression.h"

#include <QList>

#include <zlib.h>
#include <zstd.h>

#include <memory>

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

QByteArray Compression::zstd(const QByteArray &data, int level)
{
    // One context per thread: creating one costs more than compressing a small page.
    thread_local std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx *)> context(ZSTD_createCCtx(),
                                                                             ZSTD_freeCCtx);
    if (!context)
        return {};
    // A content checksum in every frame: a body changed on the way is refused, not decoded.
    if (ZSTD_isError(ZSTD_CCtx_setParameter(context.get(), ZSTD_c_compressionLevel, level)) ||
        ZSTD_isError(ZSTD_CCtx_setParameter(context.get(), ZSTD_c_checksumFlag, 1)))
        return {};
    QByteArray out;
    out.resize(qsizetype(ZSTD_compressBound(size_t(data.size()))));
    const size_t n = ZSTD_compress2(context.get(), out.data(), size_t(out.size()), data.constData(),
                                    size_t(data.size()));
    if (ZSTD_isError(n))
        return {};
    out.resize(qsizetype(n));
    return out;
}

bool Compression::unzstd(const QByteArray &data, qint64 maxBytes, QByteArray *out, bool *tooLarge)
{
    *tooLarge = false;
    out->clear();
    std::unique_ptr<ZSTD_DStream, size_t (*)(ZSTD_DStream *)> stream(ZSTD_createDStream(),
                                                                     ZSTD_freeDStream);
    if (!stream || data.isEmpty())
        return false;
    ZSTD_inBuffer in{data.constData(), size_t(data.size()), 0};
    char buf[65536];
    for (;;) {
        ZSTD_outBuffer o{buf, sizeof buf, 0};
        const size_t rc = ZSTD_decompressStream(stream.get(), &o, &in);
        if (ZSTD_isError(rc))
            break;
        if (out->size() + qint64(o.pos) > maxBytes) {
            *tooLarge = true;
            break;
        }
        out->append(buf, qsizetype(o.pos));
        // All input read and the output not full: the decoder holds nothing more. 0 means the
        // last frame ended there; anything else, the input stopped inside a frame.
        if (in.pos == in.size && o.pos < o.size) {
            if (rc == 0)
                return true;
            break;
        }
    }
    out->clear();
    return false;
}

bool Compression::accepts(const QByteArray &acceptEncoding, const QByteArray &coding)
{
    for (const QByteArray &item : acceptEncoding.split(',')) {
        const QList<QByteArray> parts = item.split(';');
        if (parts.first().trimmed().toLower() != coding)
            continue;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray p = parts.at(i).trimmed().toLower();
            if (p.startsWith("q=") && p.mid(2).toDouble() <= 0)
                return false;
        }
        return true;
    }
    return false;
}
