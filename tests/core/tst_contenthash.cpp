// ContentHash: a photo's name is the SHA-256 of its bytes in 64 lower-case hex digits, and
// nothing else passes for one (a path, upper case, a short or empty name).
#include "contenthash.h"

#include <QTest>

class TestContentHash : public QObject
{
    Q_OBJECT
private slots:
    void nameOfBytes()
    {
        // FIPS 180-2 test vector.
        QCOMPARE(
            ContentHash::sha256Of("abc"),
            QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QVERIFY(ContentHash::isSha256(ContentHash::sha256Of(QByteArray())));
    }

    void onlyNamesPass_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("name");
        const QString abc = ContentHash::sha256Of("abc");
        QTest::newRow("a name") << abc << true;
        QTest::newRow("upper case") << abc.toUpper() << false;
        QTest::newRow("one short") << abc.left(63) << false;
        QTest::newRow("one long") << abc + "0" << false;
        QTest::newRow("not hex") << QString(64, QLatin1Char('g')) << false;
        QTest::newRow("path") << QStringLiteral("../../../../etc/passwd") << false;
        QTest::newRow("path of 64") << QStringLiteral("../") + abc.left(61) << false;
        QTest::newRow("empty") << QString() << false;
    }
    void onlyNamesPass()
    {
        QFETCH(QString, text);
        QFETCH(bool, name);
        QCOMPARE(ContentHash::isSha256(text), name);
    }
};

QTEST_GUILESS_MAIN(TestContentHash)
#include "tst_contenthash.moc"
