#include "imageinspector.h"

#include <QBuffer>
#include <QImageIOHandler>
#include <QImageReader>
#include <QObject>

namespace {
const char *const kJpeg = "jpeg";
const char *const kPng = "png";
} // namespace

bool ImageInspector::jpegComplete(const QByteArray &bytes)
{
    const auto *d = reinterpret_cast<const uchar *>(bytes.constData());
    const qsizetype n = bytes.size();
    if (n < 4 || d[0] != 0xFF || d[1] != 0xD8)
        return false;
    // Walk the marker segments up to the first start-of-scan.
    qsizetype i = 2;
    while (true) {
        while (i < n && d[i] == 0xFF && i + 1 < n && d[i + 1] == 0xFF)
            ++i; // fill bytes
        if (i + 4 > n || d[i] != 0xFF)
            return false;
        const uchar marker = d[i + 1];
        if (marker == 0xD9)
            return false; // an end before any scan
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            i += 2;
            continue;
        }
        const qsizetype length = (qsizetype(d[i + 2]) << 8) | d[i + 3];
        if (length < 2)
            return false;
        if (marker == 0xDA) {
            i += 2 + length;
            break;
        }
        i += 2 + length;
    }
    // In entropy-coded data 0xFF is always stuffed (FF 00) or a restart/segment marker, so the
    // first FF D9 after the first scan is the image's end, even for progressive files.
    return i < n && bytes.indexOf(QByteArrayLiteral("\xFF\xD9"), i) >= 0;
}

CoreError ImageInspector::inspect(const QByteArray &bytes, ImageFacts *facts)
{
    if (bytes.isEmpty())
        return {CoreError::Code::PhotoUnreadable,
                QObject::tr("Tệp trống. Hãy chọn ảnh khác hoặc chụp lại.")};
    QByteArray copy = bytes; // shares the data; QBuffer needs a non-const array
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(true);
    const QByteArray format = reader.format();
    if (format != kJpeg && format != kPng)
        return {CoreError::Code::PhotoUnreadable,
                QObject::tr("Tệp này không phải ảnh (JPEG hoặc PNG). Hãy chọn một tệp ảnh.")};
    const QSize stored = reader.size();
    if (!stored.isValid() || stored.isEmpty())
        return {CoreError::Code::PhotoUnreadable,
                QObject::tr("Ảnh bị hỏng, không mở được (%1). Hãy chọn ảnh khác hoặc chụp lại.")
                    .arg(reader.errorString())};
    if (format == kJpeg && !jpegComplete(bytes))
        return {
            CoreError::Code::PhotoUnreadable,
            QObject::tr(
                "Ảnh không trọn vẹn (tệp bị cắt ngắn). Hãy chép lại từ máy ảnh hoặc chụp lại.")};
    if (facts) {
        facts->format = format;
        facts->mime = format == kJpeg ? QStringLiteral("image/jpeg") : QStringLiteral("image/png");
        facts->suffix = format == kJpeg ? QStringLiteral("jpg") : QStringLiteral("png");
        facts->storedSize = stored;
        facts->uprightSize =
            reader.transformation().testFlag(QImageIOHandler::TransformationRotate90)
                ? stored.transposed()
                : stored;
    }
    return {};
}
