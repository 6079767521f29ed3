#include "coordinatevalidator.h"

#include <QFile>
#include <QtTest>

class TestCoordinateValidator : public QObject
{
    Q_OBJECT
private slots:
    void validate_data()
    {
        QTest::addColumn<double>("latitude");
        QTest::addColumn<double>("longitude");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("mainland");
        QTest::addColumn<bool>("swapped");
        QFile f(QStringLiteral(CCN_FIXTURES_DIR "/position/coordinatevalidator/cases.tsv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        int rows = 0;
        for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            const QStringList p = line.split(QLatin1Char('\t'));
            QCOMPARE(p.size(), 6);
            const double lat = p[1] == QLatin1String("nan") ? qQNaN() : p[1].toDouble();
            QTest::newRow(qPrintable(p[0]))
                << lat << p[2].toDouble() << (p[3] == "1") << (p[4] == "1") << (p[5] == "1");
            ++rows;
        }
        QVERIFY(rows >= 20);
    }
    void validate()
    {
        QFETCH(double, latitude);
        QFETCH(double, longitude);
        QFETCH(bool, valid);
        QFETCH(bool, mainland);
        QFETCH(bool, swapped);
        const CoreError error = CoordinateValidator::validate(latitude, longitude);
        QCOMPARE(error.ok(), valid);
        QCOMPARE(CoordinateValidator::isInVietnam(latitude, longitude), valid);
        QCOMPARE(CoordinateValidator::isOnMainland(latitude, longitude), mainland);
        if (valid) {
            QVERIFY(error.message().isEmpty());
            return;
        }
        QCOMPARE(error.code(), CoreError::Code::InvalidInput);
        QVERIFY(error.message().startsWith(QStringLiteral("Tọa độ")));
        QCOMPARE(error.message().contains(QStringLiteral("đảo chỗ")), swapped);
    }

    void messageNamesTheCoordinate()
    {
        const CoreError error = CoordinateValidator::validate(13.7563, 100.5018);
        QCOMPARE(error.message(),
                 QStringLiteral("Tọa độ (13,756300; 100,501800) nằm ngoài lãnh thổ Việt Nam. Vĩ độ "
                                "phải từ 6 đến 23,5 (Bắc) và kinh độ từ 102 đến 117,5 (Đông). Hãy "
                                "kiểm tra lại tọa độ."));
    }
};

QTEST_GUILESS_MAIN(TestCoordinateValidator)
#include "tst_coordinatevalidator.moc"
