#include "geoboundary.h"

#include <QFile>
#include <QtTest>

// Behaviour tables in tests/fixtures/position/geoboundary: cases.tsv (polygons and points with
// the expected answer; distances computed by haversine to the nearest edge point) and
// bad/cases.tsv (GeoJSON that must be refused).
class TestGeoBoundary : public QObject
{
    Q_OBJECT

    static QString dir() { return QStringLiteral(CCN_FIXTURES_DIR "/position/geoboundary/"); }

    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static QList<QStringList> table(const QString &path, int columns)
    {
        QList<QStringList> rows;
        const QStringList lines = QString::fromUtf8(read(path)).split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            const QStringList parts = line.split(QLatin1Char('\t'));
            if (parts.size() == columns)
                rows.append(parts);
            else
                qWarning() << "bad fixture line" << line;
        }
        return rows;
    }

private slots:
    void contains_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<double>("latitude");
        QTest::addColumn<double>("longitude");
        QTest::addColumn<bool>("inside");
        QTest::addColumn<double>("distanceM");
        QTest::addColumn<double>("toleranceM");
        const QList<QStringList> rows = table(dir() + QStringLiteral("cases.tsv"), 7);
        QVERIFY(rows.size() >= 20);
        for (const QStringList &r : rows) {
            QTest::newRow(qPrintable(r[0]))
                << r[1] << r[2].toDouble() << r[3].toDouble() << (r[4] == QLatin1String("1"))
                << r[5].toDouble() << r[6].toDouble();
        }
    }
    void contains()
    {
        QFETCH(QString, file);
        QFETCH(double, latitude);
        QFETCH(double, longitude);
        QFETCH(bool, inside);
        QFETCH(double, distanceM);
        QFETCH(double, toleranceM);
        CoreError error;
        const GeoBoundary boundary = GeoBoundary::fromGeoJson(read(dir() + file), &error);
        QVERIFY2(error.ok(), qPrintable(error.message()));
        QVERIFY(boundary.isValid());
        QCOMPARE(boundary.contains(latitude, longitude), inside);
        const double outside = boundary.distanceOutsideM(latitude, longitude);
        QVERIFY2(qAbs(outside - distanceM) <= toleranceM,
                 qPrintable(QStringLiteral("%1 m, expected %2 m").arg(outside).arg(distanceM)));
        if (!inside)
            QCOMPARE(boundary.distanceToBoundaryM(latitude, longitude), outside);
    }

    void polygonCounts()
    {
        QCOMPARE(GeoBoundary::fromGeoJson(read(dir() + "square.geojson")).polygonCount(), 1);
        QCOMPARE(GeoBoundary::fromGeoJson(read(dir() + "multi.geojson")).polygonCount(), 2);
        QCOMPARE(GeoBoundary::fromGeoJson(read(dir() + "featurecollection.geojson")).polygonCount(),
                 2);
    }

    void distanceFromInside()
    {
        // From the centre of the 0.01 deg square, the nearest edge is a side: half its width.
        const GeoBoundary b = GeoBoundary::fromGeoJson(read(dir() + "square.geojson"));
        const double d = b.distanceToBoundaryM(21.005, 105.805);
        QVERIFY2(qAbs(d - 519.0) < 2.0, qPrintable(QString::number(d)));
        QCOMPARE(b.distanceOutsideM(21.005, 105.805), 0.0);
    }

    void bad_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        const QList<QStringList> rows = table(dir() + QStringLiteral("bad/cases.tsv"), 2);
        QVERIFY(rows.size() >= 10);
        for (const QStringList &r : rows)
            QTest::newRow(qPrintable(r[0])) << r[0] << r[1];
    }
    void bad()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        CoreError error;
        const GeoBoundary b = GeoBoundary::fromGeoJson(read(dir() + "bad/" + file), &error);
        QVERIFY(!b.isValid());
        QCOMPARE(error.code(), CoreError::Code::InvalidInput);
        QVERIFY2(error.message().contains(expected), qPrintable(error.message()));
        QVERIFY(error.message().startsWith(QStringLiteral("Ranh giới cụm công nghiệp")));
        QVERIFY(!b.contains(21.0, 105.8));
        QVERIFY(qIsNaN(b.distanceOutsideM(21.0, 105.8)));
    }

    void aroundTheRecordedTrack()
    {
        // The Garmin log's first fix (3925.9702 N, 11945.9354 W) inside a boundary built around it
        // here; the log's last fix (3919.7195 N, 11953.1659 W) well outside.
        const double lat = 39 + 25.9702 / 60, lon = -(119 + 45.9354 / 60);
        const QString json =
            QStringLiteral("{\"type\":\"Polygon\",\"coordinates\":[[[%1,%2],[%3,%2],[%3,%4],"
                           "[%1,%4],[%1,%2]]]}")
                .arg(lon - 0.005, 0, 'f', 6)
                .arg(lat - 0.005, 0, 'f', 6)
                .arg(lon + 0.005, 0, 'f', 6)
                .arg(lat + 0.005, 0, 'f', 6);
        CoreError error;
        const GeoBoundary b = GeoBoundary::fromGeoJson(json, &error);
        QVERIFY2(error.ok(), qPrintable(error.message()));
        QVERIFY(b.contains(lat, lon));
        const double lastLat = 39 + 19.7195 / 60, lastLon = -(119 + 53.1659 / 60);
        QVERIFY(!b.contains(lastLat, lastLon));
        const double d = b.distanceOutsideM(lastLat, lastLon);
        QVERIFY2(d > 13000 && d < 16000, qPrintable(QString::number(d)));
    }
};

QTEST_GUILESS_MAIN(TestGeoBoundary)
#include "tst_geoboundary.moc"
