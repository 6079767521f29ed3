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
        QCOMPARE(TextFolder::foldInPieces(input), folded);
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

    // Text outside the table is decomposed in pieces cut before a character that is not a mark:
    // the same as the whole text's decomposition, for text made of pieces that test the cuts
    // (long runs of marks, marks that are spacing or outside the BMP, surrogate pairs, letters
    // whose decomposition begins with a mark, Hangul).
    void piecesEqualTheWholeDecomposition()
    {
        const QStringList tokens = {
            QStringLiteral("Đồng Hướng "), QStringLiteral("–"),
            QStringLiteral("😀"),           QStringLiteral("한국"),
            QStringLiteral("\u1EC7"),      QStringLiteral("e\u0323\u0302"),
            QString(QChar(0x0F73)),        QString(QChar(0x0903)),
            QStringLiteral("𝅥𝅭"),          QStringLiteral("ﬁ Ω Å"),
            QStringLiteral(" \t "),        QStringLiteral("a") + QString(100, QChar(0x0301)),
            QString(70, QChar(0x0323)),    QStringLiteral("日本")};
        quint32 lcg = 1;
        for (int round = 0; round < 40; ++round) {
            QString text;
            while (text.size() < 3000) {
                lcg = lcg * 1664525u + 1013904223u;
                text += tokens.at(int((lcg >> 8) % quint32(tokens.size())));
            }
            QCOMPARE(TextFolder::foldInPieces(text), TextFolder::foldSlowly(text));
            QCOMPARE(TextFolder::fold(text), TextFolder::foldSlowly(text));
        }
    }

    // Notes of 900,000 letters with one character outside the table: the fold must not take time
    // in the square of the length (it did, for many minutes, when a tablet pulled such a row).
    void longTextOutsideTheTableFolds()
    {
        const QString text = QString(900000, QChar(0x1EC7)) + QStringLiteral(" – Đ");
        QCOMPARE(TextFolder::fold(text),
                 QString(900000, QLatin1Char('e')) + QStringLiteral(" – d"));
    }
};

QTEST_GUILESS_MAIN(TestTextFolder)
#include "tst_textfolder.moc"
