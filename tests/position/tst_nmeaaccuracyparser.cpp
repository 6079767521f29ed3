#include "nmeaaccuracyparser.h"

#include <QFile>
#include <QtTest>

class TestNmeaAccuracyParser : public QObject
{
    Q_OBJECT

    static std::optional<double> number(const QString &text)
    {
        if (text == QLatin1String("-"))
            return std::nullopt;
        return text.toDouble();
    }

private slots:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("sentence");
        QTest::addColumn<QString>("hpe");
        QTest::addColumn<QString>("hdop");
        QFile f(QStringLiteral(CCN_FIXTURES_DIR "/position/nmeaaccuracy/cases.tsv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.isEmpty() || line.startsWith('#'))
                continue;
            const QList<QByteArray> p = line.split('\t');
            QCOMPARE(p.size(), 4);
            QByteArray sentence = p[1];
            sentence.replace("\\r", "\r").replace("\\n", "\n");
            QTest::newRow(p[0].constData())
                << sentence << QString::fromLatin1(p[2]) << QString::fromLatin1(p[3]);
        }
    }
    void parse()
    {
        QFETCH(QByteArray, sentence);
        QFETCH(QString, hpe);
        QFETCH(QString, hdop);
        QCOMPARE(NmeaAccuracyParser::pgrmeHorizontalErrorM(sentence), number(hpe));
        QCOMPARE(NmeaAccuracyParser::ggaHdop(sentence), number(hdop));
    }

    void garminPgrmeFields()
    {
        const QByteArray s = "$PGRME,2.3,M,3.3,M,4.0,M*2B";
        QVERIFY(NmeaAccuracyParser::isPgrme(s));
        QVERIFY(NmeaAccuracyParser::checksumOk(s));
        QCOMPARE(NmeaAccuracyParser::pgrmeVerticalErrorM(s), std::optional<double>(3.3));
    }

    void gsaDops()
    {
        const QByteArray s = "$GPGSA,A,3,04,07,08,09,11,24,26,27,28,29,,,1.5,0.8,1.3*38";
        QVERIFY(NmeaAccuracyParser::isGsa(s));
        QCOMPARE(NmeaAccuracyParser::gsaHdop(s), std::optional<double>(0.8));
        QCOMPARE(NmeaAccuracyParser::gsaVdop(s), std::optional<double>(1.3));
        QCOMPARE(NmeaAccuracyParser::ggaHdop(s), std::nullopt);
    }

    void everyPgrmeOfTheRealLog()
    {
        QFile f(QStringLiteral(CCN_SHARED_DIR "/data/nmea/garmin-drive-2005.nmea"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        int pgrme = 0, gga = 0;
        double minHpe = 1e9, maxHpe = 0;
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (NmeaAccuracyParser::isPgrme(line)) {
                const std::optional<double> hpe = NmeaAccuracyParser::pgrmeHorizontalErrorM(line);
                QVERIFY2(hpe.has_value(), line.constData());
                minHpe = qMin(minHpe, *hpe);
                maxHpe = qMax(maxHpe, *hpe);
                ++pgrme;
            }
            if (NmeaAccuracyParser::isGga(line)) {
                QVERIFY2(NmeaAccuracyParser::ggaHdop(line).has_value(), line.constData());
                ++gga;
            }
        }
        QCOMPARE(pgrme, 714);
        QCOMPARE(gga, 715);
        QCOMPARE(minHpe, 2.0);
        QCOMPARE(maxHpe, 13.3);
    }
};

QTEST_GUILESS_MAIN(TestNmeaAccuracyParser)
#include "tst_nmeaaccuracyparser.moc"
