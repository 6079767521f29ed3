#pragma once

#include "coreerror.h"

#include <QCoreApplication>
#include <QString>

class QCommandLineParser;
class QSettings;

// Which position source the tracker uses, from the settings and/or the command line.
//
// Settings (QSettings, group "position", versioned by "position/version" = 1):
//   position/source       "default" (Qt's default source, the default), "nmea" (replay a log
//                         file), or a Qt Positioning plugin name (e.g. "geoclue2", "android")
//   position/nmeaFile     path of the NMEA log when source = nmea
//   position/replaySpeed  replay speed factor (1 = recorded pace, 10 = ten times faster;
//                         0 = manual stepping, nothing plays by itself)
//   position/uere         user equivalent range error in metres for HDOP-based accuracy (5.1)
// Command line (override the settings):
//   --position-source <name>   as position/source
//   --nmea <file>              replay this NMEA log (implies source = nmea)
//   --nmea-speed <factor>      as position/replaySpeed
class PositionSourceOptions
{
    Q_DECLARE_TR_FUNCTIONS(PositionSourceOptions)
public:
    enum class Kind { Default, Plugin, NmeaFile };

    static constexpr int SettingsVersion = 1;

    Kind kind = Kind::Default;
    QString pluginName; // Kind::Plugin
    QString nmeaFile;   // Kind::NmeaFile
    double replaySpeed = 1.0;
    double uereM = 5.1;

    static PositionSourceOptions defaultSource() { return {}; }
    static PositionSourceOptions plugin(const QString &name);
    static PositionSourceOptions nmea(const QString &file, double speed = 1.0);

    // The options stored in settings (defaults for missing keys); an InvalidInput error (and the
    // defaults) when a value is unusable or the settings were written by a newer version.
    static PositionSourceOptions fromSettings(const QSettings &settings,
                                              CoreError *error = nullptr);
    void save(QSettings &settings) const;

    static void addCommandLineOptions(QCommandLineParser &parser);
    // base overridden by the options given on a parsed command line.
    static PositionSourceOptions fromCommandLine(const QCommandLineParser &parser,
                                                 const PositionSourceOptions &base,
                                                 CoreError *error = nullptr);

    // "default", "nmea" or the plugin name: the value stored in position/source.
    QString sourceKey() const;

    bool operator==(const PositionSourceOptions &o) const;
    bool operator!=(const PositionSourceOptions &o) const { return !(*this == o); }

private:
    // Fills kind/pluginName from a position/source value.
    void setSourceKey(const QString &key);
};
