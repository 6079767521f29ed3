#pragma once

#include "coreerror.h"

#include <QByteArray>
#include <QImage>

// Makes an upright thumbnail from a photo's bytes without decoding it at full size: the JPEG
// decoder scales while decoding (QImageReader::setScaledSize, libjpeg's DCT scaling) and the EXIF
// orientation is applied (setAutoTransform). Thumbnails are stored as JPEG.
class ThumbnailMaker
{
public:
    static constexpr int kDefaultLongSide = 320;
    static constexpr int kJpegQuality = 80;

    explicit ThumbnailMaker(int longSide = kDefaultLongSide) : m_longSide(longSide) {}

    int longSide() const { return m_longSide; }

    // Decodes `bytes` to an upright image whose long side is at most longSide() (never enlarged).
    // Fails with PhotoUnreadable when the pixels cannot be decoded.
    CoreError make(const QByteArray &bytes, QImage *thumbnail) const;

    // The thumbnail encoded as a JPEG file's bytes.
    static CoreError encode(const QImage &thumbnail, QByteArray *jpeg);

private:
    int m_longSide;
};
