#pragma once

#include <QDateTime>
#include <QStringList>
#include <QtGlobal>

#include <cmath>

// What ExifReader found in a photo's EXIF block. Missing values: NaN, an invalid QDateTime,
// orientation 0.
class ExifInfo
{
public:
    enum class Status {
        Absent,  // no EXIF block (e.g. a PNG, or a JPEG with only XMP)
        Read,    // an EXIF block, read without complaint
        Damaged, // an EXIF block that is broken in places: what could be read is kept
    };

    bool hasPosition() const { return std::isfinite(latitude) && std::isfinite(longitude); }

    // The best instant for "taken at": DateTimeOriginal with its OffsetTimeOriginal, else the GPS
    // UTC time stamp, else DateTimeOriginal (or DateTime) read as the device's local time.
    QDateTime bestTime() const
    {
        if (dateTimeOriginal.isValid() && dateTimeOriginal.timeSpec() == Qt::OffsetFromUTC)
            return dateTimeOriginal;
        if (gpsTime.isValid())
            return gpsTime;
        return dateTimeOriginal;
    }

    Status status = Status::Absent;
    double latitude = qQNaN();  // degrees, south negative
    double longitude = qQNaN(); // degrees, west negative
    double altitudeM = qQNaN(); // metres above sea level
    QDateTime dateTimeOriginal; // Qt::OffsetFromUTC when the file says its offset, else LocalTime
    QDateTime gpsTime;          // UTC, from GPSDateStamp + GPSTimeStamp
    int orientation = 0;        // EXIF Orientation 1..8, 0 when absent or out of range
    QStringList warnings;       // for the user: what was wrong with the metadata
};
