#include "positionsourceoptions.h"

#include <QCommandLineParser>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

class TestPositionSourceOptions : public QObject
{
    Q_OBJECT

    static PositionSourceOptions parse(const QStringList &args, CoreError *error,
                                       const PositionSourceOptions &base = {})
    {
        QCommandLineParser parser;
        PositionSourceOptions::addCommandLineOptions(parser);
        if (!parser.parse(QStringList{QStringLiteral("ccn-inspect")} + args))
            qWarning() << parser.errorText();
        return PositionSourceOptions::fromCommandLine(parser, base, error);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void settingsRoundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        CoreError error;
        QCOMPARE(PositionSourceOptions::fromSettings(settings, &error),
                 PositionSourceOptions::defaultSource());
        QVERIFY(error.ok());

        PositionSourceOptions o = PositionSourceOptions::nmea(QStringLiteral("/tmp/a.nmea"), 10);
        o.uereM = 3.0;
        o.save(settings);
        QCOMPARE(settings.value(QStringLiteral("position/version")).toInt(), 1);
        QCOMPARE(settings.value(QStringLiteral("position/source")).toString(),
                 QStringLiteral("nmea"));
        QCOMPARE(PositionSourceOptions::fromSettings(settings, &error), o);
        QVERIFY(error.ok());

        PositionSourceOptions::plugin(QStringLiteral("geoclue2")).save(settings);
        const PositionSourceOptions p = PositionSourceOptions::fromSettings(settings);
        QCOMPARE(p.kind, PositionSourceOptions::Kind::Plugin);
        QCOMPARE(p.pluginName, QStringLiteral("geoclue2"));
    }

    void badSettings()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("position/source"), QStringLiteral("nmea"));
        settings.setValue(QStringLiteral("position/replaySpeed"), QStringLiteral("nhanh"));
        CoreError error;
        const PositionSourceOptions o = PositionSourceOptions::fromSettings(settings, &error);
        QCOMPARE(error.code(), CoreError::Code::InvalidInput);
        QVERIFY(error.message().contains(QStringLiteral("nhanh")));
        QCOMPARE(o.replaySpeed, 1.0);

        settings.setValue(QStringLiteral("position/version"), 2);
        const PositionSourceOptions newer = PositionSourceOptions::fromSettings(settings, &error);
        QCOMPARE(error.code(), CoreError::Code::InvalidInput);
        QCOMPARE(newer, PositionSourceOptions::defaultSource());
    }

    void commandLine()
    {
        CoreError error;
        const PositionSourceOptions o =
            parse({QStringLiteral("--nmea"), QStringLiteral("/d/log.nmea"),
                   QStringLiteral("--nmea-speed"), QStringLiteral("20")},
                  &error);
        QVERIFY(error.ok());
        QCOMPARE(o.kind, PositionSourceOptions::Kind::NmeaFile);
        QCOMPARE(o.nmeaFile, QStringLiteral("/d/log.nmea"));
        QCOMPARE(o.replaySpeed, 20.0);

        // The command line overrides the settings; without options the settings stay.
        const PositionSourceOptions base = PositionSourceOptions::nmea(QStringLiteral("/x.nmea"));
        QCOMPARE(parse({}, &error, base), base);
        const PositionSourceOptions def =
            parse({QStringLiteral("--position-source"), QStringLiteral("default")}, &error, base);
        QCOMPARE(def.kind, PositionSourceOptions::Kind::Default);

        parse({QStringLiteral("--nmea-speed"), QStringLiteral("-3")}, &error);
        QCOMPARE(error.code(), CoreError::Code::InvalidInput);
        QVERIFY(error.message().contains(QStringLiteral("--nmea-speed")));

        parse({QStringLiteral("--position-source"), QStringLiteral("nmea")}, &error);
        QCOMPARE(error.code(), CoreError::Code::InvalidInput);
        QVERIFY(error.message().contains(QStringLiteral("--nmea")));
    }
};

QTEST_GUILESS_MAIN(TestPositionSourceOptions)
#include "tst_positionsourceoptions.moc"
