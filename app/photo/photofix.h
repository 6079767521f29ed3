#pragma once

#include <QtGlobal>

#include <cmath>

// Where and when the device was at capture time, as the caller's positioning reports it. A plain
// value so that ccnphoto stays independent of ccnposition: the UI copies its PositionFix into it.
// Unknown numbers are NaN, an unknown time is 0.
class PhotoFix
{
public:
    PhotoFix() = default;
    PhotoFix(double latitude, double longitude, double accuracyM, qint64 timestampMs,
             double altitudeM = qQNaN())
        : latitude(latitude), longitude(longitude), accuracyM(accuracyM), altitudeM(altitudeM),
          timestampMs(timestampMs)
    {
    }

    // True when latitude and longitude are finite and within range.
    bool hasPosition() const
    {
        return std::isfinite(latitude) && std::isfinite(longitude) && latitude >= -90.0 &&
               latitude <= 90.0 && longitude >= -180.0 && longitude <= 180.0;
    }
    bool hasTime() const { return timestampMs > 0; }

    double latitude = qQNaN();
    double longitude = qQNaN();
    double accuracyM = qQNaN();
    double altitudeM = qQNaN();
    qint64 timestampMs = 0; // ms since epoch (UTC)
};
