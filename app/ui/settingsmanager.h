#pragma once

#include <QObject>
#include <QSettings>

#include <memory>

// The user's settings (QSettings, versioned by "settings/version"): the position source (the
// device's default source, or an NMEA log replayed as if a receiver sent it), the language
// (vi or en), the inspector's name, and how much room the originals fetched from the registry
// may take (OriginalCache). Settings written by a newer app are read, never rewritten.
class SettingsManager : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QString positionSource READ positionSource WRITE setPositionSource NOTIFY
                   positionSourceChanged)
    Q_PROPERTY(QString nmeaFile READ nmeaFile WRITE setNmeaFile NOTIFY nmeaFileChanged)
    Q_PROPERTY(
        QString inspectorName READ inspectorName WRITE setInspectorName NOTIFY inspectorNameChanged)
    Q_PROPERTY(int originalCacheMb READ originalCacheMb WRITE setOriginalCacheMb NOTIFY
                   originalCacheMbChanged)
    Q_PROPERTY(bool readOnly READ readOnly CONSTANT)
public:
    static constexpr int Version = 1;
    // The originals' room: 1 GiB unless the user chose another, from 64 MiB to 64 GiB.
    static constexpr int defaultOriginalCacheMb = 1024;
    static constexpr int minOriginalCacheMb = 64;
    static constexpr int maxOriginalCacheMb = 65536;

    // Settings in the application's default place (organisation / application name).
    explicit SettingsManager(QObject *parent = nullptr);
    // Settings in an INI file (tests, --self-test).
    explicit SettingsManager(const QString &iniPath, QObject *parent = nullptr);
    ~SettingsManager() override;

    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    // "default" or "nmea".
    QString positionSource() const { return m_positionSource; }
    void setPositionSource(const QString &source);
    QString nmeaFile() const { return m_nmeaFile; }
    void setNmeaFile(const QString &path);
    QString inspectorName() const { return m_inspectorName; }
    void setInspectorName(const QString &name);
    // MiB; a value out of range is taken as the nearest end of it.
    int originalCacheMb() const { return m_originalCacheMb; }
    void setOriginalCacheMb(int mb);
    bool readOnly() const { return m_readOnly; }

    int storedVersion() const;

signals:
    void languageChanged();
    void positionSourceChanged();
    void nmeaFileChanged();
    void inspectorNameChanged();
    void originalCacheMbChanged();

private:
    void load();
    void write(const QString &key, const QVariant &value);

    std::unique_ptr<QSettings> m_settings;
    QString m_language = QStringLiteral("vi");
    QString m_positionSource = QStringLiteral("default");
    QString m_nmeaFile;
    QString m_inspectorName;
    int m_originalCacheMb = defaultOriginalCacheMb;
    bool m_readOnly = false;
};
