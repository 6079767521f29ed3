#pragma once

#include "exifinfo.h"

#include <QByteArray>

// Reads the EXIF fields that an inspection photo needs (GPS position and altitude, time taken,
// orientation) with libexif. Never fails: damaged metadata gives ExifInfo::Status::Damaged, the
// values that could be read, and a warning; missing metadata gives Status::Absent.
class ExifReader
{
public:
    // `bytes` is a whole JPEG file (or a bare EXIF block starting with "Exif\0\0").
    static ExifInfo read(const QByteArray &bytes);
};
