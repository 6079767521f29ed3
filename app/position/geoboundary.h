#pragma once

#include "coreerror.h"

#include <QCoreApplication>
#include <QList>
#include <QPointF>

// A cluster's boundary from its GeoJSON (clusters.boundary_geojson): a Polygon or MultiPolygon
// geometry, or a Feature / FeatureCollection holding them. Positions are [longitude, latitude]
// as GeoJSON (RFC 7946) says; a third value (altitude) is ignored. The first ring of a polygon is
// its outline, further rings are holes. An unclosed ring is closed implicitly.
// Distances use a local flat-earth projection around the queried point: metre-accurate at a
// cluster's scale (a few km), approximate (< 1 %) up to a few hundred km.
class GeoBoundary
{
    Q_DECLARE_TR_FUNCTIONS(GeoBoundary)
public:
    GeoBoundary() = default;

    // The boundary, or an invalid one and a CoreError::Code::InvalidInput error saying what is
    // wrong with the text.
    static GeoBoundary fromGeoJson(const QByteArray &json, CoreError *error = nullptr);
    static GeoBoundary fromGeoJson(const QString &json, CoreError *error = nullptr);

    bool isValid() const { return !m_polygons.isEmpty(); }
    int polygonCount() const { return int(m_polygons.size()); }

    // Inside any polygon and not in one of its holes; a point on an edge is inside.
    bool contains(double latitude, double longitude) const;
    // Metres to the nearest edge (outline or hole), from either side; NaN when invalid.
    double distanceToBoundaryM(double latitude, double longitude) const;
    // 0 inside, else metres to the boundary; NaN when invalid.
    double distanceOutsideM(double latitude, double longitude) const;

private:
    using Ring = QList<QPointF>; // x = longitude, y = latitude; closed (first == last)
    using Polygon = QList<Ring>;

    static bool ringContains(const Ring &ring, double latitude, double longitude);

    QList<Polygon> m_polygons;
};
