#pragma once

#include "coreerror.h"

#include <QCoreApplication>

// Says whether a coordinate can be in Vietnam. Two coarse boxes, not the border:
//  - mainland and near-shore islands (Phú Quốc, Côn Đảo, Thổ Chu, Bạch Long Vĩ):
//      latitude 8.0–23.5 N, longitude 102.0–110.0 E
//      (Lũng Cú 23.39 N, Mũi Cà Mau 8.6 N, A Pa Chải 102.14 E, Mũi Đôi 109.46 E)
//  - the Hoàng Sa and Trường Sa archipelagos:
//      latitude 6.0–17.5 N, longitude 110.0–117.5 E
// Both boxes are accepted: an industrial cluster is on the mainland, but an inspector's coordinate
// in the archipelagos is Vietnamese territory and not a typo. isOnMainland() tells them apart.
// The boxes include strips of Laos, Cambodia and China near the border; a cluster's own boundary
// (GeoBoundary) is the precise check.
class CoordinateValidator
{
    Q_DECLARE_TR_FUNCTIONS(CoordinateValidator)
public:
    static constexpr double MainlandMinLat = 8.0;
    static constexpr double MainlandMaxLat = 23.5;
    static constexpr double MainlandMinLon = 102.0;
    static constexpr double MainlandMaxLon = 110.0;
    static constexpr double ArchipelagoMinLat = 6.0;
    static constexpr double ArchipelagoMaxLat = 17.5;
    static constexpr double ArchipelagoMinLon = 110.0;
    static constexpr double ArchipelagoMaxLon = 117.5;

    static bool isOnMainland(double latitude, double longitude);
    static bool isInVietnam(double latitude, double longitude);
    // CoreError::Code::InvalidInput with a message for the user when the coordinate is not a
    // number, off the globe or outside Vietnam (with a hint when latitude and longitude look
    // swapped).
    static CoreError validate(double latitude, double longitude);
};
