#include "settingsmanager.h"

namespace {
const QString kVersion = QStringLiteral("settings/version");
const QString kLanguage = QStringLiteral("ui/language");
const QString kPositionSource = QStringLiteral("position/source");
const QString kNmeaFile = QStringLiteral("position/nmeaFile");
const QString kInspector = QStringLiteral("inspector/name");
const QString kOriginalCache = QStringLiteral("photos/originalCacheMb");

int originalCacheMbOf(int mb)
{
    return qBound(SettingsManager::minOriginalCacheMb, mb, SettingsManager::maxOriginalCacheMb);
}
} // namespace

SettingsManager::SettingsManager(QObject *parent)
    : QObject(parent), m_settings(std::make_unique<QSettings>())
{
    load();
}

SettingsManager::SettingsManager(const QString &iniPath, QObject *parent)
    : QObject(parent), m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
    load();
}

SettingsManager::~SettingsManager() = default;

int SettingsManager::storedVersion() const
{
    return m_settings->value(kVersion, 0).toInt();
}

void SettingsManager::load()
{
    const int version = storedVersion();
    m_readOnly = version > Version;
    // Version 0 (nothing stored yet) and 1 share the same keys.
    const QString lang = m_settings->value(kLanguage, QStringLiteral("vi")).toString();
    m_language = lang == QLatin1String("en") ? lang : QStringLiteral("vi");
    const QString src = m_settings->value(kPositionSource, QStringLiteral("default")).toString();
    m_positionSource = src == QLatin1String("nmea") ? src : QStringLiteral("default");
    m_nmeaFile = m_settings->value(kNmeaFile).toString();
    m_inspectorName = m_settings->value(kInspector).toString();
    bool isNumber = false;
    const int mb = m_settings->value(kOriginalCache).toInt(&isNumber);
    m_originalCacheMb = isNumber ? originalCacheMbOf(mb) : defaultOriginalCacheMb;
    if (!m_readOnly && version < Version) {
        m_settings->setValue(kVersion, Version);
        m_settings->sync();
    }
}

void SettingsManager::write(const QString &key, const QVariant &value)
{
    if (m_readOnly)
        return;
    m_settings->setValue(key, value);
    m_settings->sync();
}

void SettingsManager::setLanguage(const QString &language)
{
    const QString l = language == QLatin1String("en") ? language : QStringLiteral("vi");
    if (l == m_language)
        return;
    m_language = l;
    write(kLanguage, l);
    emit languageChanged();
}

void SettingsManager::setPositionSource(const QString &source)
{
    const QString s = source == QLatin1String("nmea") ? source : QStringLiteral("default");
    if (s == m_positionSource)
        return;
    m_positionSource = s;
    write(kPositionSource, s);
    emit positionSourceChanged();
}

void SettingsManager::setNmeaFile(const QString &path)
{
    if (path == m_nmeaFile)
        return;
    m_nmeaFile = path;
    write(kNmeaFile, path);
    emit nmeaFileChanged();
}

void SettingsManager::setInspectorName(const QString &name)
{
    const QString n = name.trimmed().left(200);
    if (n == m_inspectorName)
        return;
    m_inspectorName = n;
    write(kInspector, n);
    emit inspectorNameChanged();
}

void SettingsManager::setOriginalCacheMb(int mb)
{
    const int m = originalCacheMbOf(mb);
    if (m == m_originalCacheMb)
        return;
    m_originalCacheMb = m;
    write(kOriginalCache, m);
    emit originalCacheMbChanged();
}
