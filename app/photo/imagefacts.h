#pragma once

#include <QByteArray>
#include <QSize>
#include <QString>

// What ImageInspector learnt about a photo's bytes without decoding the pixels.
class ImageFacts
{
public:
    QByteArray format; // Qt's name: "jpeg", "png"
    QString mime;      // "image/jpeg"
    QString suffix;    // file suffix in the store: "jpg", "png"
    QSize storedSize;  // as the pixels are stored
    QSize uprightSize; // as shown, with the EXIF orientation applied
};
