#include "positionaverager.h"

#include <cmath>

namespace {
constexpr double EarthRadiusM = 6371008.8;
constexpr double DegToRad = M_PI / 180.0;
} // namespace

void PositionAverager::clear()
{
    m_fixes.clear();
    m_skipped = 0;
}

bool PositionAverager::add(const PositionFix &fix)
{
    if (!fix.valid || !fix.hasAccuracy() || fix.accuracyM > m_maxAccuracyM) {
        ++m_skipped;
        return false;
    }
    m_fixes.append(fix);
    return true;
}

double PositionAverager::spreadM() const
{
    if (m_fixes.size() < 2)
        return 0;
    double lat = 0, lon = 0;
    for (const PositionFix &f : m_fixes) {
        lat += f.latitude;
        lon += f.longitude;
    }
    lat /= m_fixes.size();
    lon /= m_fixes.size();
    const double cosLat = std::cos(lat * DegToRad);
    double sum = 0;
    for (const PositionFix &f : m_fixes) {
        const double dy = (f.latitude - lat) * DegToRad * EarthRadiusM;
        const double dx = (f.longitude - lon) * DegToRad * EarthRadiusM * cosLat;
        sum += dx * dx + dy * dy;
    }
    return std::sqrt(sum / m_fixes.size());
}

PositionFix PositionAverager::result(CoreError *error) const
{
    if (m_fixes.isEmpty()) {
        if (error) {
            const QString why =
                m_skipped == 0
                    ? tr("Không nhận được vị trí nào trong thời gian lấy trung bình.")
                    : tr("Cả %n vị trí nhận được đều kém chính xác hơn %1 m.", nullptr, m_skipped)
                          .arg(m_maxAccuracyM, 0, 'f', 0);
            *error =
                CoreError(CoreError::Code::Position,
                          why + QLatin1Char(' ') + tr("Hãy ra chỗ thoáng, đứng yên và thử lại."));
        }
        return PositionFix();
    }
    double lat = 0, lon = 0, acc = 0;
    for (const PositionFix &f : m_fixes) {
        lat += f.latitude;
        lon += f.longitude;
        acc += f.accuracyM;
    }
    const int n = int(m_fixes.size());
    PositionFix out;
    out.valid = true;
    out.latitude = lat / n;
    out.longitude = lon / n;
    out.accuracyM = std::max(acc / n, spreadM());
    out.timestamp = m_fixes.last().timestamp;
    out.sampleCount = n;
    if (error)
        *error = CoreError::none();
    return out;
}
