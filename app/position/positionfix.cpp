#include "positionfix.h"

#include <QGeoPositionInfo>

#include <cmath>

bool PositionFix::hasAccuracy() const
{
    return std::isfinite(accuracyM) && accuracyM >= 0;
}

PositionFix PositionFix::fromPositionInfo(const QGeoPositionInfo &info)
{
    PositionFix fix;
    if (!info.coordinate().isValid())
        return fix;
    fix.valid = true;
    fix.latitude = info.coordinate().latitude();
    fix.longitude = info.coordinate().longitude();
    if (info.hasAttribute(QGeoPositionInfo::HorizontalAccuracy))
        fix.accuracyM = info.attribute(QGeoPositionInfo::HorizontalAccuracy);
    fix.timestamp = info.timestamp().toUTC();
    fix.sampleCount = 1;
    return fix;
}

PositionFix PositionFix::make(double latitude, double longitude, double accuracyM,
                              const QDateTime &timestamp)
{
    PositionFix fix;
    fix.valid = std::isfinite(latitude) && std::isfinite(longitude);
    fix.latitude = latitude;
    fix.longitude = longitude;
    fix.accuracyM = accuracyM;
    fix.timestamp = timestamp.toUTC();
    fix.sampleCount = fix.valid ? 1 : 0;
    return fix;
}

static bool sameDouble(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

bool PositionFix::operator==(const PositionFix &other) const
{
    return valid == other.valid && sameDouble(latitude, other.latitude) &&
           sameDouble(longitude, other.longitude) && sameDouble(accuracyM, other.accuracyM) &&
           timestamp == other.timestamp && sampleCount == other.sampleCount;
}
