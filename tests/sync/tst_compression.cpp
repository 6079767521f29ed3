#include "compression.h"

#include <QFile>
#include <QTest>

// Compression: the body codings of the registry's replies and requests (deflate, gzip, zstd),
// checked on a real pull-page fixture: round trips, the output cap, corrupt and cut input.
class TestCompression : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrips_data();
    void roundTrips();
    void zstdIsSmallerThanZlibAtTheFastestLevels();
    void zstdOutputCapIsKept();
    void zstdCorruptOrCutInputIsRefused();
    void zstdFramesOneAfterAnother();

private:
    QByteArray m_page;
};

void TestCompression::initTestCase()
{
    QFile f(QStringLiteral(CCN_FIXTURES_DIR "/sync/pull_pages.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_page = f.readAll();
    QVERIFY(m_page.size() > 10000);
}

void TestCompression::roundTrips_data()
{
    QTest::addColumn<QString>("coding");
    QTest::addColumn<int>("level");
    QTest::newRow("deflate fastest") << "deflate" << 1;
    QTest::newRow("deflate default") << "deflate" << -1;
    QTest::newRow("gzip") << "gzip" << 1;
    QTest::newRow("zstd fastest") << "zstd" << 1;
    QTest::newRow("zstd default") << "zstd" << 3;
}

void TestCompression::roundTrips()
{
    QFETCH(QString, coding);
    QFETCH(int, level);
    const QByteArray packed = coding == QLatin1String("zstd") ? Compression::zstd(m_page, level)
                              : coding == QLatin1String("gzip")
                                  ? Compression::gzip(m_page, level)
                                  : Compression::deflate(m_page, level);
    QVERIFY(!packed.isEmpty());
    QVERIFY2(packed.size() < m_page.size() / 2, qPrintable(QString::number(packed.size())));
    QByteArray out;
    bool tooLarge = true;
    const bool ok = coding == QLatin1String("zstd")
                        ? Compression::unzstd(packed, m_page.size(), &out, &tooLarge)
                        : Compression::inflate(packed, m_page.size(), &out, &tooLarge);
    QVERIFY(ok);
    QVERIFY(!tooLarge);
    QCOMPARE(out, m_page);
}

void TestCompression::zstdIsSmallerThanZlibAtTheFastestLevels()
{
    // Why pull pages go as zstd when the client takes it: fewer bytes at the fastest level.
    QVERIFY(Compression::zstd(m_page, 1).size() < Compression::deflate(m_page, 1).size());
}

void TestCompression::zstdOutputCapIsKept()
{
    // A small body that decodes past the cap (a "zip bomb"): refused as too large, nothing kept.
    const QByteArray bomb = Compression::zstd(QByteArray(17 * 1024 * 1024, ' '), 1);
    QVERIFY(bomb.size() < 4096);
    QByteArray out("left over");
    bool tooLarge = false;
    QVERIFY(!Compression::unzstd(bomb, 16 * 1024 * 1024, &out, &tooLarge));
    QVERIFY(tooLarge);
    QVERIFY(out.isEmpty());
    // Exactly at the cap is fine.
    QVERIFY(Compression::unzstd(Compression::zstd(m_page), m_page.size(), &out, &tooLarge));
    QCOMPARE(out.size(), m_page.size());
}

void TestCompression::zstdCorruptOrCutInputIsRefused()
{
    const QByteArray packed = Compression::zstd(m_page);
    QByteArray out;
    bool tooLarge = false;
    // Cut anywhere before its end: refused, nothing kept.
    for (const qsizetype at : {qsizetype(1), qsizetype(4), packed.size() / 2, packed.size() - 1}) {
        QVERIFY2(!Compression::unzstd(packed.left(at), 1 << 24, &out, &tooLarge),
                 qPrintable(QString::number(at)));
        QVERIFY(!tooLarge);
        QVERIFY(out.isEmpty());
    }
    // Not zstd at all, and empty.
    QVERIFY(!Compression::unzstd(Compression::deflate(m_page), 1 << 24, &out, &tooLarge));
    QVERIFY(!Compression::unzstd(QByteArray(), 1 << 24, &out, &tooLarge));
    // A byte changed inside: the frame's checksum (or its structure) gives it away.
    for (const qsizetype at : {packed.size() / 3, packed.size() / 2, packed.size() - 2}) {
        QByteArray bad = packed;
        bad[at] = char(bad.at(at) ^ 0x5a);
        QVERIFY2(!Compression::unzstd(bad, 1 << 24, &out, &tooLarge),
                 qPrintable(QString::number(at)));
        QVERIFY(out.isEmpty());
    }
}

void TestCompression::zstdFramesOneAfterAnother()
{
    // RFC 8878: a body may be several frames; they decode to the text joined.
    const QByteArray a = m_page.left(m_page.size() / 3), b = m_page.mid(m_page.size() / 3);
    QByteArray out;
    bool tooLarge = false;
    QVERIFY(
        Compression::unzstd(Compression::zstd(a) + Compression::zstd(b), 1 << 24, &out, &tooLarge));
    QCOMPARE(out, m_page);
}

QTEST_GUILESS_MAIN(TestCompression)
#include "tst_compression.moc"
