#include "imageinspector.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
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

} // namespace

class TestImageInspector : public QObject
{
    Q_OBJECT

private slots:
    void orientation_data()
    {
        QTest::addColumn<int>("value");
        for (int i = 1; i <= 8; ++i)
            QTest::newRow(qPrintable(QStringLiteral("landscape_%1").arg(i))) << i;
    }

    // Stored 600x450 (1-4) or 450x600 (5-8, turned by 90 degrees): always 600x450 upright.
    void orientation()
    {
        QFETCH(int, value);
        ImageFacts facts;
        const CoreError e = ImageInspector::inspect(
            readAll(sharedPhoto(QStringLiteral("orientation/landscape_%1.jpg").arg(value))),
            &facts);
        QVERIFY2(e.ok(), qPrintable(e.message()));
        QCOMPARE(facts.format, QByteArray("jpeg"));
        QCOMPARE(facts.mime, QStringLiteral("image/jpeg"));
        QCOMPARE(facts.suffix, QStringLiteral("jpg"));
        QCOMPARE(facts.storedSize, value >= 5 ? QSize(450, 600) : QSize(600, 450));
        QCOMPARE(facts.uprightSize, QSize(600, 450));
    }

    void mobile()
    {
        ImageFacts facts;
        const QByteArray bytes = readAll(sharedPhoto(QStringLiteral("mobile/jolla.jpg")));
        QVERIFY(ImageInspector::inspect(bytes, &facts).ok());
        QCOMPARE(facts.uprightSize, QSize(3264, 2448));
        QVERIFY(ImageInspector::jpegComplete(bytes));
    }

    void png()
    {
        QImage image(40, 30, QImage::Format_ARGB32);
        image.fill(QColor(10, 200, 30, 128));
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, "PNG"));
        ImageFacts facts;
        QVERIFY(ImageInspector::inspect(bytes, &facts).ok());
        QCOMPARE(facts.mime, QStringLiteral("image/png"));
        QCOMPARE(facts.suffix, QStringLiteral("png"));
        QCOMPARE(facts.uprightSize, QSize(40, 30));
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QByteArray jolla = readAll(sharedPhoto(QStringLiteral("mobile/jolla.jpg")));
        const QByteArray gps = readAll(sharedPhoto(QStringLiteral("gps/DSCN0010.jpg")));
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("just some text, not a picture\n");
        QTest::newRow("jpeg header only") << QByteArray::fromHex("ffd8ffe000104a464946");
        QTest::newRow("jolla cut in half") << jolla.left(jolla.size() / 2);
        QTest::newRow("jolla without its last byte") << jolla.left(jolla.size() - 1);
        // The embedded EXIF thumbnail has its own end-of-image marker: it must not count.
        QTest::newRow("DSCN0010 cut in half") << gps.left(gps.size() / 2);
        QTest::newRow("gif") << QByteArray::fromBase64(
            "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
    }

    void refused()
    {
        QFETCH(QByteArray, bytes);
        ImageFacts facts;
        const CoreError e = ImageInspector::inspect(bytes, &facts);
        QCOMPARE(e.code(), CoreError::Code::PhotoUnreadable);
        QVERIFY(!e.message().isEmpty());
    }

    void jpegComplete()
    {
        const QByteArray gps = readAll(sharedPhoto(QStringLiteral("gps/DSCN0010.jpg")));
        QVERIFY(ImageInspector::jpegComplete(gps));
        // Data after the end marker (a "motion photo" video, a vendor trailer) is fine, even
        // when it holds marker-like bytes.
        QByteArray trailer = gps;
        trailer += QByteArray::fromHex("ffda000c0000ffd8ffda") + QByteArray(5000, '\x42');
        QVERIFY(ImageInspector::jpegComplete(trailer));
        QVERIFY(ImageInspector::inspect(trailer, nullptr).ok());
        // The scan without its end marker, but with the embedded thumbnail's: incomplete.
        QVERIFY(!ImageInspector::jpegComplete(gps.left(gps.size() - 2)));
        QVERIFY(!ImageInspector::jpegComplete(QByteArray::fromHex("ffd9ffd8")));
    }
};

QTEST_MAIN(TestImageInspector)
#include "tst_imageinspector.moc"
