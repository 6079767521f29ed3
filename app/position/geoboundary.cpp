#include "geoboundary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <limits>

namespace {
constexpr double EarthRadiusM = 6371008.8;
constexpr double DegToRad = M_PI / 180.0;
constexpr double OnEdgeM = 0.01;

struct Parser {
    Q_DECLARE_TR_FUNCTIONS(GeoBoundary)
public:
    QString error;

    bool fail(const QString &why)
    {
        if (error.isEmpty())
            error = why;
        return false;
    }

    bool ring(const QJsonValue &value, QList<QPointF> *out)
    {
        if (!value.isArray())
            return fail(tr("một vòng ranh giới không phải là mảng tọa độ"));
        const QJsonArray positions = value.toArray();
        QList<QPointF> points;
        for (const QJsonValue &p : positions) {
            const QJsonArray pos = p.toArray();
            if (!p.isArray() || pos.size() < 2 || !pos.at(0).isDouble() || !pos.at(1).isDouble())
                return fail(tr("mỗi điểm phải là mảng [kinh độ, vĩ độ]"));
            const double lon = pos.at(0).toDouble();
            const double lat = pos.at(1).toDouble();
            if (!std::isfinite(lon) || !std::isfinite(lat) || std::abs(lon) > 180 ||
                std::abs(lat) > 90) {
                QString why = tr("điểm [%1, %2] nằm ngoài phạm vi kinh độ/vĩ độ").arg(lon).arg(lat);
                if (std::abs(lat) > 90 && std::abs(lon) <= 90)
                    why += tr(" (GeoJSON ghi kinh độ trước, vĩ độ sau: có lẽ hai số bị đảo)");
                return fail(why);
            }
            points.append(QPointF(lon, lat));
        }
        if (points.size() >= 2 && points.first() == points.last())
            points.removeLast();
        if (points.size() < 3)
            return fail(tr("một vòng ranh giới cần ít nhất 3 điểm khác nhau"));
        points.append(points.first());
        *out = points;
        return true;
    }

    bool polygon(const QJsonValue &value, QList<QList<QPointF>> *out)
    {
        if (!value.isArray() || value.toArray().isEmpty())
            return fail(tr("đa giác không có vòng ranh giới nào"));
        QList<QList<QPointF>> rings;
        for (const QJsonValue &r : value.toArray()) {
            QList<QPointF> points;
            if (!ring(r, &points))
                return false;
            rings.append(points);
        }
        *out = rings;
        return true;
    }

    bool geometry(const QJsonObject &object, QList<QList<QList<QPointF>>> *out)
    {
        const QString type = object.value(QLatin1String("type")).toString();
        const QJsonValue coordinates = object.value(QLatin1String("coordinates"));
        if (type == QLatin1String("Polygon")) {
            QList<QList<QPointF>> p;
            if (!polygon(coordinates, &p))
                return false;
            out->append(p);
            return true;
        }
        if (type == QLatin1String("MultiPolygon")) {
            if (!coordinates.isArray() || coordinates.toArray().isEmpty())
                return fail(tr("MultiPolygon không có đa giác nào"));
            for (const QJsonValue &pv : coordinates.toArray()) {
                QList<QList<QPointF>> p;
                if (!polygon(pv, &p))
                    return false;
                out->append(p);
            }
            return true;
        }
        if (type == QLatin1String("Feature")) {
            const QJsonValue g = object.value(QLatin1String("geometry"));
            if (!g.isObject())
                return fail(tr("Feature không có hình (geometry)"));
            return geometry(g.toObject(), out);
        }
        if (type == QLatin1String("FeatureCollection")) {
            const QJsonArray features = object.value(QLatin1String("features")).toArray();
            if (features.isEmpty())
                return fail(tr("FeatureCollection không có đối tượng nào"));
            for (const QJsonValue &f : features) {
                if (!f.isObject() || !geometry(f.toObject(), out))
                    return fail(tr("một đối tượng trong FeatureCollection không hợp lệ"));
            }
            return true;
        }
        if (type.isEmpty())
            return fail(tr("thiếu trường \"type\""));
        return fail(tr("kiểu \"%1\" không phải là vùng (cần Polygon hoặc MultiPolygon)").arg(type));
    }
};

// Distance in metres from the origin to segment a-b, all in a local metric plane.
double segmentDistance(double ax, double ay, double bx, double by)
{
    const double dx = bx - ax, dy = by - ay;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    const double px = ax + t * dx, py = ay + t * dy;
    return std::hypot(px, py);
}
} // namespace

GeoBoundary GeoBoundary::fromGeoJson(const QString &json, CoreError *error)
{
    return fromGeoJson(json.toUtf8(), error);
}

GeoBoundary GeoBoundary::fromGeoJson(const QByteArray &json, CoreError *error)
{
    auto failed = [error](const QString &why) {
        if (error) {
            *error = CoreError(CoreError::Code::InvalidInput,
                               tr("Ranh giới cụm công nghiệp (GeoJSON) không dùng được: %1. Hãy "
                                  "cập nhật lại ranh giới của cụm.")
                                   .arg(why));
        }
        return GeoBoundary();
    };
    if (json.trimmed().isEmpty())
        return failed(tr("chưa có dữ liệu ranh giới"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failed(tr("lỗi cú pháp JSON ở ký tự %1 (%2)")
                          .arg(parseError.offset)
                          .arg(parseError.errorString()));
    if (!doc.isObject())
        return failed(tr("GeoJSON phải là một đối tượng JSON"));
    Parser parser;
    QList<Polygon> polygons;
    if (!parser.geometry(doc.object(), &polygons))
        return failed(parser.error);
    GeoBoundary boundary;
    boundary.m_polygons = polygons;
    if (error)
        *error = CoreError::none();
    return boundary;
}

bool GeoBoundary::ringContains(const Ring &ring, double latitude, double longitude)
{
    bool inside = false;
    for (int i = 0, j = int(ring.size()) - 1; i < ring.size(); j = i++) {
        const QPointF &a = ring.at(i);
        const QPointF &b = ring.at(j);
        if ((a.y() > latitude) != (b.y() > latitude)) {
            const double x = (b.x() - a.x()) * (latitude - a.y()) / (b.y() - a.y()) + a.x();
            if (longitude < x)
                inside = !inside;
        }
    }
    return inside;
}

bool GeoBoundary::contains(double latitude, double longitude) const
{
    if (!std::isfinite(latitude) || !std::isfinite(longitude))
        return false;
    for (const Polygon &polygon : m_polygons) {
        if (!ringContains(polygon.first(), latitude, longitude))
            continue;
        bool inHole = false;
        for (int h = 1; h < polygon.size() && !inHole; ++h)
            inHole = ringContains(polygon.at(h), latitude, longitude);
        if (!inHole)
            return true;
    }
    return isValid() && distanceToBoundaryM(latitude, longitude) <= OnEdgeM;
}

double GeoBoundary::distanceToBoundaryM(double latitude, double longitude) const
{
    if (!isValid() || !std::isfinite(latitude) || !std::isfinite(longitude))
        return qQNaN();
    const double ky = DegToRad * EarthRadiusM;
    const double kx = ky * std::cos(latitude * DegToRad);
    double best = std::numeric_limits<double>::infinity();
    for (const Polygon &polygon : m_polygons) {
        for (const Ring &ring : polygon) {
            for (int i = 1; i < ring.size(); ++i) {
                const QPointF &a = ring.at(i - 1);
                const QPointF &b = ring.at(i);
                best = std::min(best,
                                segmentDistance((a.x() - longitude) * kx, (a.y() - latitude) * ky,
                                                (b.x() - longitude) * kx, (b.y() - latitude) * ky));
            }
        }
    }
    return best;
}

double GeoBoundary::distanceOutsideM(double latitude, double longitude) const
{
    if (!isValid() || !std::isfinite(latitude) || !std::isfinite(longitude))
        return qQNaN();
    return contains(latitude, longitude) ? 0.0 : distanceToBoundaryM(latitude, longitude);
}
