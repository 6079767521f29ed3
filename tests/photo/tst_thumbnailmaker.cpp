#include "thumbnailmaker.h"

#include <QBuffer>
#include <QFile>
#include <QImageReader>
#include <QTest>

#include <cmath>

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

QImage thumbnailOf(const QString &relative)
{
    QImage thumb;
    const CoreError e = ThumbnailMaker().make(readAll(sharedPhoto(relative)), &thumb);
    if (e.failed())
        qWarning("%s: %s", qPrintable(relative), qPrintable(e.message()));
    return thumb;
}

// Likeness of two pictures regardless of brightness and contrast: the correlation (-1..1) of their
// grey levels on a 32x24 grid. (The eight orientation files differ from landscape_1 in brightness,
// so a plain pixel difference would not do.)
double likeness(const QImage &a, const QImage &b)
{
    const QSize grid(32, 24);
    const QImage ga = a.scaled(grid, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                          .convertToFormat(QImage::Format_Grayscale8);
    const QImage gb = b.scaled(grid, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                          .convertToFormat(QImage::Format_Grayscale8);
    const int n = grid.width() * grid.height();
    double ma = 0, mb = 0;
    for (int y = 0; y < grid.height(); ++y) {
        for (int x = 0; x < grid.width(); ++x) {
            ma += ga.constScanLine(y)[x];
            mb += gb.constScanLine(y)[x];
        }
    }
    ma /= n;
    mb /= n;
    double sab = 0, saa = 0, sbb = 0;
    for (int y = 0; y < grid.height(); ++y) {
        for (int x = 0; x < grid.width(); ++x) {
            const double da = ga.constScanLine(y)[x] - ma, db = gb.constScanLine(y)[x] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
    }
    return (saa > 0 && sbb > 0) ? sab / std::sqrt(saa * sbb) : 0.0;
}

// Pictures this alike are the same picture the same way up (JPEG noise, scaling, the digit drawn
// on each orientation file); every wrong turn or mirror of landscape_1 is far below (checked in
// comparisonDiscriminates).
constexpr double kSame = 0.95;

} // namespace

class TestThumbnailMaker : public QObject
{
    Q_OBJECT

private slots:
    void upright_data()
    {
        QTest::addColumn<int>("value");
        for (int i = 1; i <= 8; ++i)
            QTest::newRow(qPrintable(QStringLiteral("landscape_%1").arg(i))) << i;
    }

    // All eight orientation files give the same upright thumbnail as landscape_1.
    void upright()
    {
        QFETCH(int, value);
        const QImage reference = thumbnailOf(QStringLiteral("orientation/landscape_1.jpg"));
        const QImage thumb = thumbnailOf(QStringLiteral("orientation/landscape_%1.jpg").arg(value));
        QCOMPARE(thumb.size(), QSize(320, 240));
        QCOMPARE(reference.size(), QSize(320, 240));
        const double l = likeness(reference, thumb);
        QVERIFY2(l > kSame, qPrintable(QStringLiteral("likeness %1").arg(l)));
    }

    // The comparison above can fail: every wrong way up of the reference is far from it.
    void comparisonDiscriminates()
    {
        const QImage reference = thumbnailOf(QStringLiteral("orientation/landscape_1.jpg"));
        const QList<QImage> wrong = {reference.mirrored(true, false),
                                     reference.mirrored(false, true),
                                     reference.mirrored(true, true),
                                     // turned by 90 degrees, squeezed back into landscape
                                     reference.transformed(QTransform().rotate(90)),
                                     reference.transformed(QTransform().rotate(-90))};
        for (const QImage &w : wrong) {
            const double l = likeness(reference, w);
            QVERIFY2(l < 0.7, qPrintable(QStringLiteral("likeness %1").arg(l)));
        }
    }

    void mobile()
    {
        const QImage thumb = thumbnailOf(QStringLiteral("mobile/jolla.jpg"));
        QCOMPARE(thumb.size(), QSize(320, 240));
        // Same picture as a full decode scaled down.
        QImageReader full(sharedPhoto(QStringLiteral("mobile/jolla.jpg")));
        const QImage big = full.read();
        QVERIFY(!big.isNull());
        QVERIFY(likeness(big, thumb) > 0.99);
    }

    void neverEnlarged()
    {
        const QImage thumb = thumbnailOf(QStringLiteral("invalid/image02206.jpg"));
        QCOMPARE(thumb.size(), QSize(65, 65));
        const QImage tall = thumbnailOf(QStringLiteral("invalid/image01713.jpg"));
        QCOMPARE(tall.size(), QSize(31, 320)); // 49x500 -> long side 320
    }

    void longSide()
    {
        QImage thumb;
        QVERIFY(ThumbnailMaker(100)
                    .make(readAll(sharedPhoto(QStringLiteral("gps/DSCN0010.jpg"))), &thumb)
                    .ok());
        QCOMPARE(thumb.size(), QSize(100, 75));
    }

    void transparentPng()
    {
        QImage image(50, 50, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, "PNG"));
        QImage thumb;
        QVERIFY(ThumbnailMaker().make(bytes, &thumb).ok());
        QVERIFY(!thumb.hasAlphaChannel());
        QCOMPARE(thumb.pixel(25, 25), qRgb(255, 255, 255));
    }

    void encode()
    {
        const QImage thumb = thumbnailOf(QStringLiteral("orientation/landscape_6.jpg"));
        QByteArray jpeg;
        QVERIFY(ThumbnailMaker::encode(thumb, &jpeg).ok());
        QVERIFY(jpeg.startsWith("\xFF\xD8"));
        QImage back;
        QVERIFY(back.loadFromData(jpeg, "JPEG"));
        QCOMPARE(back.size(), QSize(320, 240));
        QVERIFY(likeness(back, thumb) > 0.99);
    }

    void refused()
    {
        QImage thumb;
        const CoreError e = ThumbnailMaker().make(QByteArray("not a picture"), &thumb);
        QCOMPARE(e.code(), CoreError::Code::PhotoUnreadable);
        QVERIFY(thumb.isNull());
    }
};

QTEST_MAIN(TestThumbnailMaker)
#include "tst_thumbnailmaker.moc"
