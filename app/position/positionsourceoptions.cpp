#include "positionsourceoptions.h"

#include <QCommandLineParser>
#include <QSettings>

#include <cmath>

namespace {
const QString KeyVersion = QStringLiteral("position/version");
const QString KeySource = QStringLiteral("position/source");
const QString KeyNmeaFile = QStringLiteral("position/nmeaFile");
const QString KeySpeed = QStringLiteral("position/replaySpeed");
const QString KeyUere = QStringLiteral("position/uere");
const QString OptSource = QStringLiteral("position-source");
const QString OptNmea = QStringLiteral("nmea");
const QString OptSpeed = QStringLiteral("nmea-speed");

bool validSpeed(double speed)
{
    return std::isfinite(speed) && speed >= 0 && speed <= 1000;
}
} // namespace

PositionSourceOptions PositionSourceOptions::plugin(const QString &name)
{
    PositionSourceOptions o;
    o.setSourceKey(name);
    return o;
}

PositionSourceOptions PositionSourceOptions::nmea(const QString &file, double speed)
{
    PositionSourceOptions o;
    o.kind = Kind::NmeaFile;
    o.nmeaFile = file;
    o.replaySpeed = speed;
    return o;
}

QString PositionSourceOptions::sourceKey() const
{
    switch (kind) {
    case Kind::Default:
        return QStringLiteral("default");
    case Kind::NmeaFile:
        return QStringLiteral("nmea");
    case Kind::Plugin:
        return pluginName;
    }
    return QStringLiteral("default");
}

void PositionSourceOptions::setSourceKey(const QString &key)
{
    const QString k = key.trimmed();
    pluginName.clear();
    if (k.isEmpty() || k == QLatin1String("default")) {
        kind = Kind::Default;
    } else if (k == QLatin1String("nmea")) {
        kind = Kind::NmeaFile;
    } else {
        kind = Kind::Plugin;
        pluginName = k;
    }
}

PositionSourceOptions PositionSourceOptions::fromSettings(const QSettings &settings,
                                                          CoreError *error)
{
    PositionSourceOptions o;
    if (error)
        *error = CoreError::none();
    const int version = settings.value(KeyVersion, SettingsVersion).toInt();
    if (version > SettingsVersion) {
        if (error)
            *error = CoreError(CoreError::Code::InvalidInput,
                               tr("Cài đặt định vị do phiên bản ứng dụng mới hơn ghi (phiên bản "
                                  "%1); đang dùng nguồn định vị mặc định. Hãy cập nhật ứng dụng.")
                                   .arg(version));
        return o;
    }
    o.setSourceKey(settings.value(KeySource).toString());
    o.nmeaFile = settings.value(KeyNmeaFile).toString();
    bool ok = true;
    if (settings.contains(KeySpeed)) {
        const double speed = settings.value(KeySpeed).toDouble(&ok);
        if (ok && validSpeed(speed))
            o.replaySpeed = speed;
        else if (error)
            *error = CoreError(CoreError::Code::InvalidInput,
                               tr("Tốc độ phát lại NMEA trong cài đặt không hợp lệ (%1); dùng "
                                  "tốc độ 1.")
                                   .arg(settings.value(KeySpeed).toString()));
    }
    if (settings.contains(KeyUere)) {
        const double uere = settings.value(KeyUere).toDouble(&ok);
        if (ok && std::isfinite(uere) && uere > 0)
            o.uereM = uere;
        else if (error)
            *error = CoreError(CoreError::Code::InvalidInput,
                               tr("Sai số UERE trong cài đặt định vị không hợp lệ (%1); dùng "
                                  "5,1 m.")
                                   .arg(settings.value(KeyUere).toString()));
    }
    return o;
}

void PositionSourceOptions::save(QSettings &settings) const
{
    settings.setValue(KeyVersion, SettingsVersion);
    settings.setValue(KeySource, sourceKey());
    settings.setValue(KeyNmeaFile, nmeaFile);
    settings.setValue(KeySpeed, replaySpeed);
    settings.setValue(KeyUere, uereM);
}

void PositionSourceOptions::addCommandLineOptions(QCommandLineParser &parser)
{
    parser.addOption(QCommandLineOption(
        OptSource, tr("Nguồn định vị: default (mặc định), nmea, hoặc tên plugin Qt Positioning."),
        tr("nguồn")));
    parser.addOption(QCommandLineOption(
        OptNmea, tr("Phát lại tệp NMEA thay cho GPS (để trình diễn, thử)."), tr("tệp")));
    parser.addOption(QCommandLineOption(
        OptSpeed, tr("Hệ số tốc độ phát lại NMEA (1 = như khi ghi, 0 = từng bước)."), tr("hệ số")));
}

PositionSourceOptions PositionSourceOptions::fromCommandLine(const QCommandLineParser &parser,
                                                             const PositionSourceOptions &base,
                                                             CoreError *error)
{
    PositionSourceOptions o = base;
    if (error)
        *error = CoreError::none();
    if (parser.isSet(OptSource))
        o.setSourceKey(parser.value(OptSource));
    if (parser.isSet(OptNmea)) {
        o.kind = Kind::NmeaFile;
        o.pluginName.clear();
        o.nmeaFile = parser.value(OptNmea);
    }
    if (parser.isSet(OptSpeed)) {
        bool ok = false;
        const double speed = parser.value(OptSpeed).toDouble(&ok);
        if (ok && validSpeed(speed)) {
            o.replaySpeed = speed;
        } else if (error) {
            *error = CoreError(CoreError::Code::InvalidInput,
                               tr("--nmea-speed cần một số từ 0 đến 1000, không phải \"%1\".")
                                   .arg(parser.value(OptSpeed)));
        }
    }
    if (o.kind == Kind::NmeaFile && o.nmeaFile.isEmpty() && error && error->ok()) {
        *error = CoreError(CoreError::Code::InvalidInput,
                           tr("Đã chọn nguồn định vị NMEA nhưng chưa có tệp: dùng --nmea <tệp>."));
    }
    return o;
}

bool PositionSourceOptions::operator==(const PositionSourceOptions &o) const
{
    return kind == o.kind && pluginName == o.pluginName && nmeaFile == o.nmeaFile &&
           replaySpeed == o.replaySpeed && uereM == o.uereM;
}
