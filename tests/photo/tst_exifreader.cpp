#include "exifreader.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

namespace {

QString sharedPhoto(const QString &relative)
{
    return QStringLiteral(CCN_SHARED_DIR "/data/photos/") + relative;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

// Rows of a fixture table, without comments and blank lines.
QList<QStringList> table(const QString &name)
{
    QList<QStringList> rows;
    QFile f(QStringLiteral(CCN_FIXTURES_DIR "/photo/") + name);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        qFatal("cannot read fixture %s", qPrintable(name));
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
            rows << line.split(QLatin1Char('\t'));
    }
    return rows;
}

ExifInfo::Status statusNamed(const QString &name)
{
    if (name == QLatin1String("read"))
        return ExifInfo::Status::Read;
    if (name == QLatin1String("damaged"))
        return ExifInfo::Status::Damaged;
    return ExifInfo::Status::Absent;
}

} // namespace

class TestExifReader : public QObject
{
    Q_OBJECT

private slots:
    void gps_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<double>("latitude");
        QTest::addColumn<double>("longitude");
        QTest::addColumn<QDateTime>("gpsTime");
        QTest::addColumn<QDateTime>("original");
        const QList<QStringList> rows = table(QStringLiteral("gps.tsv"));
        QVERIFY(rows.size() >= 5);
        for (const QStringList &r : rows) {
            QTest::newRow(qPrintable(r.at(0)))
                << r.at(0) << r.at(1).toDouble() << r.at(2).toDouble()
                << QDateTime::fromString(r.at(3), Qt::ISODateWithMs)
                << QDateTime::fromString(r.at(4), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        }
    }

    void gps()
    {
        QFETCH(QString, file);
        QFETCH(double, latitude);
        QFETCH(double, longitude);
        QFETCH(QDateTime, gpsTime);
        QFETCH(QDateTime, original);
        const ExifInfo info = ExifReader::read(readAll(sharedPhoto(QStringLiteral("gps/") + file)));
        QCOMPARE(info.status, ExifInfo::Status::Read);
        QVERIFY(info.warnings.isEmpty());
        QVERIFY(info.hasPosition());
        QVERIFY2(qAbs(info.latitude - latitude) < 1e-8,
                 qPrintable(QString::number(info.latitude, 'f', 10)));
        QVERIFY2(qAbs(info.longitude - longitude) < 1e-8,
                 qPrintable(QString::number(info.longitude, 'f', 10)));
        QVERIFY(qIsNaN(info.altitudeM)); // the files have GPSAltitudeRef but no GPSAltitude
        QVERIFY(gpsTime.isValid());
        QCOMPARE(info.gpsTime.timeSpec(), Qt::UTC);
        QCOMPARE(info.gpsTime.toMSecsSinceEpoch(), gpsTime.toMSecsSinceEpoch());
        QCOMPARE(info.dateTimeOriginal, original);
        QCOMPARE(info.dateTimeOriginal.timeSpec(), Qt::LocalTime);
        // No offset in the files: the GPS clock (UTC) wins over the camera's local clock.
        QCOMPARE(info.bestTime(), info.gpsTime);
        QCOMPARE(info.orientation, 1);
    }

    void mobile()
    {
        const ExifInfo info =
            ExifReader::read(readAll(sharedPhoto(QStringLiteral("mobile/jolla.jpg"))));
        QCOMPARE(info.status, ExifInfo::Status::Read);
        QVERIFY(!info.hasPosition());
        QVERIFY(!info.gpsTime.isValid());
        QCOMPARE(info.dateTimeOriginal, QDateTime(QDate(2014, 9, 21), QTime(16, 0, 56)));
        QCOMPARE(info.bestTime(), info.dateTimeOriginal);
        QCOMPARE(info.orientation, 1);
    }

    void orientation_data()
    {
        QTest::addColumn<int>("value");
        for (int i = 1; i <= 8; ++i)
            QTest::newRow(qPrintable(QStringLiteral("landscape_%1").arg(i))) << i;
    }

    void orientation()
    {
        QFETCH(int, value);
        const ExifInfo info = ExifReader::read(
            readAll(sharedPhoto(QStringLiteral("orientation/landscape_%1.jpg").arg(value))));
        QCOMPARE(info.status, ExifInfo::Status::Read);
        QCOMPARE(info.orientation, value);
        QVERIFY(!info.hasPosition());
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("exif");
        for (const QStringList &r : table(QStringLiteral("invalid.tsv"))) {
            const QString path = r.at(0).startsWith(QLatin1String("shared/"))
                                     ? sharedPhoto(r.at(0).mid(7))
                                     : QStringLiteral(CCN_FIXTURES_DIR "/photo/") + r.at(0).mid(9);
            if (QFile::exists(path))
                QTest::newRow(qPrintable(r.at(0))) << path << r.at(4);
        }
    }

    // Broken metadata never crashes or hangs the reader; the status says what was found.
    void invalid()
    {
        QFETCH(QString, path);
        QFETCH(QString, exif);
        const ExifInfo info = ExifReader::read(readAll(path));
        QCOMPARE(info.status, statusNamed(exif));
        QVERIFY(!info.hasPosition());
        QVERIFY(!info.bestTime().isValid());
        QCOMPARE(info.orientation, 0);
    }

    void emptyInput()
    {
        const ExifInfo info = ExifReader::read(QByteArray());
        QCOMPARE(info.status, ExifInfo::Status::Absent);
        QVERIFY(info.warnings.isEmpty());
    }

    // A GPS seconds rational with a zero denominator: position dropped, the rest kept, a warning.
    void zeroDenominator()
    {
        QByteArray bytes = readAll(sharedPhoto(QStringLiteral("gps/DSCN0010.jpg")));
        // Little-endian rationals 43/1, 28/1, then the seconds: 281400000/100000000.
        const QByteArray degMin = QByteArray::fromHex("2b000000010000001c00000001000000");
        const int at = bytes.indexOf(degMin);
        QVERIFY(at > 0);
        QCOMPARE(bytes.mid(at + 20, 4), QByteArray::fromHex("00e1f505"));
        bytes.replace(at + 20, 4, QByteArray(4, '\0'));
        const ExifInfo info = ExifReader::read(bytes);
        QCOMPARE(info.status, ExifInfo::Status::Damaged);
        QVERIFY(!info.hasPosition());
        QVERIFY(qIsNaN(info.latitude));
        QVERIFY(qIsNaN(info.longitude));
        QVERIFY(!info.warnings.isEmpty());
        QVERIFY(info.gpsTime.isValid());
        QCOMPARE(info.orientation, 1);
    }

    // Cut short inside the EXIF block: no crash, nothing out of range.
    void truncatedBlock()
    {
        const QByteArray bytes = readAll(sharedPhoto(QStringLiteral("gps/DSCN0010.jpg")));
        int damaged = 0;
        for (int size = 0; size < 12000; size += 37) {
            const ExifInfo info = ExifReader::read(bytes.left(size));
            QVERIFY(info.orientation >= 0 && info.orientation <= 8);
            if (info.hasPosition()) {
                QVERIFY(qAbs(info.latitude) <= 90.0);
                QVERIFY(qAbs(info.longitude) <= 180.0);
            }
            if (info.status == ExifInfo::Status::Damaged) {
                ++damaged;
                QVERIFY(!info.warnings.isEmpty());
            }
        }
        QVERIFY(damaged > 0);
    }

    // Random byte flips in the first 2 kB (the EXIF IFDs), fixed seed: never a crash or a hang.
    void mutatedBlock()
    {
        const QByteArray original = readAll(sharedPhoto(QStringLiteral("gps/DSCN0012.jpg")));
        QRandomGenerator random(20251121);
        int differed = 0;
        for (int round = 0; round < 300; ++round) {
            QByteArray bytes = original;
            for (int k = 0; k < 8; ++k)
                bytes[int(random.bounded(20, 2048))] = char(random.bounded(256));
            const ExifInfo info = ExifReader::read(bytes);
            QVERIFY(info.orientation >= 0 && info.orientation <= 8);
            if (info.hasPosition()) {
                QVERIFY(qAbs(info.latitude) <= 90.0);
                QVERIFY(qAbs(info.longitude) <= 180.0);
            }
            if (info.status != ExifInfo::Status::Read || !info.hasPosition())
                ++differed;
        }
        QVERIFY(differed > 0);
    }
};

QTEST_GUILESS_MAIN(TestExifReader)
#include "tst_exifreader.moc"
