#include "coordinatevalidator.h"

#include <cmath>

bool CoordinateValidator::isOnMainland(double latitude, double longitude)
{
    return latitude >= MainlandMinLat && latitude <= MainlandMaxLat &&
           longitude >= MainlandMinLon && longitude <= MainlandMaxLon;
}

bool CoordinateValidator::isInVietnam(double latitude, double longitude)
{
    return isOnMainland(latitude, longitude) ||
           (latitude >= ArchipelagoMinLat && latitude <= ArchipelagoMaxLat &&
            longitude >= ArchipelagoMinLon && longitude <= ArchipelagoMaxLon);
}

static QString number(double value)
{
    // Vietnamese writes a decimal comma.
    return QString::number(value, 'f', 6).replace(QLatin1Char('.'), QLatin1Char(','));
}

CoreError CoordinateValidator::validate(double latitude, double longitude)
{
    if (!std::isfinite(latitude) || !std::isfinite(longitude)) {
        return CoreError(CoreError::Code::InvalidInput,
                         tr("Tọa độ không hợp lệ: thiếu vĩ độ hoặc kinh độ. Hãy lấy lại vị trí "
                            "hoặc nhập đủ cả hai số."));
    }
    if (isInVietnam(latitude, longitude))
        return CoreError::none();
    QString message;
    if (std::abs(latitude) > 90 || std::abs(longitude) > 180) {
        message = tr("Tọa độ (%1; %2) không có thật: vĩ độ phải từ -90 đến 90, kinh độ từ -180 "
                     "đến 180.")
                      .arg(number(latitude), number(longitude));
    } else {
        message = tr("Tọa độ (%1; %2) nằm ngoài lãnh thổ Việt Nam. Vĩ độ phải từ 6 đến 23,5 "
                     "(Bắc) và kinh độ từ 102 đến 117,5 (Đông).")
                      .arg(number(latitude), number(longitude));
    }
    if (isInVietnam(longitude, latitude))
        message += QLatin1Char(' ') + tr("Có lẽ vĩ độ và kinh độ đã bị đảo chỗ cho nhau.");
    else
        message += QLatin1Char(' ') + tr("Hãy kiểm tra lại tọa độ.");
    return CoreError(CoreError::Code::InvalidInput, message);
}
