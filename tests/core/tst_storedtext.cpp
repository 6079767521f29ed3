// StoredText: what is taken out of a text before the device stores it, and what is kept.
#include "storedtext.h"

#include <QTest>

#include <initializer_list>

namespace {
QString chars(std::initializer_list<QChar> l)
{
    return QString(l.begin(), qsizetype(l.size()));
}
} // namespace

class TestStoredText : public QObject
{
    Q_OBJECT
private slots:
    void cleaned_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("stored");
        const QChar nul(0);
        const QChar high(0xd83d), low(0xde00); // 😀 as a pair
        const QChar bad(QChar::ReplacementCharacter);
        QTest::newRow("plain") << QStringLiteral("Trạm xử lý nước thải")
                               << QStringLiteral("Trạm xử lý nước thải");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("line breaks and tabs kept")
            << QStringLiteral("a\tb\r\nc\n") << QStringLiteral("a\tb\r\nc\n");
        QTest::newRow("NUL inside")
            << QStringLiteral("Nước") + nul + QStringLiteral("thải") << QStringLiteral("Nướcthải");
        QTest::newRow("only NULs") << QString(3, nul) << QString();
        QTest::newRow("a pair kept")
            << chars({high, low, QLatin1Char('x')}) << chars({high, low, QLatin1Char('x')});
        QTest::newRow("half a pair, high") << chars({QLatin1Char('a'), high, QLatin1Char('b')})
                                           << chars({QLatin1Char('a'), bad, QLatin1Char('b')});
        QTest::newRow("half a pair, low") << chars({low, high, low}) << chars({bad, high, low});
        QTest::newRow("high at the end")
            << chars({QLatin1Char('a'), high}) << chars({QLatin1Char('a'), bad});
        QTest::newRow("NUL between the halves") << chars({high, nul, low}) << chars({bad, bad});
    }
    void cleaned()
    {
        QFETCH(QString, text);
        QFETCH(QString, stored);
        QCOMPARE(StoredText::cleaned(text), stored);
        QCOMPARE(StoredText::needsCleaning(text), text != stored);
        QVERIFY(StoredText::cleaned(text).isValidUtf16());
        QVERIFY(!StoredText::cleaned(text).contains(QChar(0)));
    }
};

QTEST_APPLESS_MAIN(TestStoredText)
#include "tst_storedtext.moc"
