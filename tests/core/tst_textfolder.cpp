#include "textfolder.h"

#include <QtTest>

class TestTextFolder : public QObject
{
    Q_OBJECT
private slots:
    void fold_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("folded");
        QFile f(QStringLiteral(CCN_FIXTURES_DIR "/textfolder/cases.tsv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            const QStringList parts = line.split(QLatin1Char('\t'));
            QCOMPARE(parts.size(), 2);
            QTest::newRow(qPrintable(parts[0])) << parts[0] << parts[1];
        }
    }
    void fold()
    {
        QFETCH(QString, input);
        QFETCH(QString, folded);
        QCOMPARE(TextFolder::fold(input), folded);
        QCOMPARE(TextFolder::foldSlowly(input), folded);
    }

    // fold() folds Latin text character by character from a table; it must give what the whole
    // text's decomposition gives: for every character of the table's ranges, alone and between
    // others (marks after letters, spaces around), and for text outside them.
    void fastFoldEqualsDecomposition()
    {
        QList<char16_t> chars;
        for (char16_t u = 0; u < 0x0250; ++u)
            chars << u;
        for (char16_t u = 0x0300; u < 0x0370; ++u)
            chars << u;
        for (char16_t u = 0x1E00; u < 0x1F00; ++u)
            chars << u;
        for (const char16_t u : chars) {
            const QString one(QChar{u});
            for (const QString &text :
                 {one, QLatin1String("a") + one + QLatin1String(" b"), one + QChar(0x0301),
                  QLatin1String("  ") + one + one + QLatin1String("\t")}) {
                QVERIFY2(TextFolder::fold(text) == TextFolder::foldSlowly(text),
                         qPrintable(QStringLiteral("U+%1").arg(int(u), 4, 16, QChar('0'))));
            }
        }
        for (const QString &text :
             {QStringLiteral("Ω Ångström ﬁ 𝐀 Đồng"), QStringLiteral("日本 Hà")})
            QCOMPARE(TextFolder::fold(text), TextFolder::foldSlowly(text));
        QCOMPARE(TextFolder::fold(QStringLiteral("Ệ  ĐỨC\tThọ ")), QStringLiteral("e duc tho"));
    }
};

QTEST_GUILESS_MAIN(TestTextFolder)
#include "tst_textfolder.moc"
