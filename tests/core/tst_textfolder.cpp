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
    }
};

QTEST_GUILESS_MAIN(TestTextFolder)
#include "tst_textfolder.moc"
