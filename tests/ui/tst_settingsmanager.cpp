#include "settingsmanager.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

class TestSettingsManager : public QObject
{
    Q_OBJECT
private slots:
    void writesVersionAndKeepsValues()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("s.ini"));
        {
            SettingsManager s(ini);
            QCOMPARE(s.storedVersion(), SettingsManager::Version);
            QCOMPARE(s.language(), QStringLiteral("vi"));
            QCOMPARE(s.positionSource(), QStringLiteral("default"));
            QSignalSpy spy(&s, &SettingsManager::languageChanged);
            s.setLanguage(QStringLiteral("en"));
            s.setLanguage(QStringLiteral("en"));
            QCOMPARE(spy.count(), 1);
            s.setPositionSource(QStringLiteral("nmea"));
            s.setNmeaFile(QStringLiteral("/tmp/log.nmea"));
            QCOMPARE(s.originalCacheMb(), 1024);
            QSignalSpy cache(&s, &SettingsManager::originalCacheMbChanged);
            s.setOriginalCacheMb(256);
            s.setOriginalCacheMb(256);
            QCOMPARE(cache.count(), 1);
        }
        SettingsManager again(ini);
        QCOMPARE(again.originalCacheMb(), 256);
        // Out of range: the nearest end of it.
        again.setOriginalCacheMb(1);
        QCOMPARE(again.originalCacheMb(), SettingsManager::minOriginalCacheMb);
        again.setOriginalCacheMb(1 << 30);
        QCOMPARE(again.originalCacheMb(), SettingsManager::maxOriginalCacheMb);
        again.setOriginalCacheMb(256);
        QCOMPARE(again.language(), QStringLiteral("en"));
        QCOMPARE(again.positionSource(), QStringLiteral("nmea"));
        QCOMPARE(again.nmeaFile(), QStringLiteral("/tmp/log.nmea"));
    }

    void unknownValuesFallBack()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("s.ini"));
        {
            QSettings raw(ini, QSettings::IniFormat);
            raw.setValue(QStringLiteral("settings/version"), 1);
            raw.setValue(QStringLiteral("ui/language"), QStringLiteral("fr"));
            raw.setValue(QStringLiteral("position/source"), QStringLiteral("???"));
            raw.setValue(QStringLiteral("photos/originalCacheMb"), QStringLiteral("a lot"));
        }
        SettingsManager s(ini);
        QCOMPARE(s.language(), QStringLiteral("vi"));
        QCOMPARE(s.positionSource(), QStringLiteral("default"));
        QCOMPARE(s.originalCacheMb(), SettingsManager::defaultOriginalCacheMb);
    }

    void newerSettingsAreNotRewritten()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("s.ini"));
        {
            QSettings raw(ini, QSettings::IniFormat);
            raw.setValue(QStringLiteral("settings/version"), 99);
            raw.setValue(QStringLiteral("ui/language"), QStringLiteral("en"));
        }
        {
            SettingsManager s(ini);
            QVERIFY(s.readOnly());
            QCOMPARE(s.language(), QStringLiteral("en"));
            s.setLanguage(QStringLiteral("vi"));
            QCOMPARE(s.language(), QStringLiteral("vi")); // for this run only
        }
        QSettings raw(ini, QSettings::IniFormat);
        QCOMPARE(raw.value(QStringLiteral("settings/version")).toInt(), 99);
        QCOMPARE(raw.value(QStringLiteral("ui/language")).toString(), QStringLiteral("en"));
    }
};

QTEST_GUILESS_MAIN(TestSettingsManager)
#include "tst_settingsmanager.moc"
