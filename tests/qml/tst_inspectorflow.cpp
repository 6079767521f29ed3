// Qt Quick Test of the inspector's flow. The setup object gives each QML test file a fresh demo
// database in a temporary directory (AppController in demo mode) as the context property
// "testApp", and a real photo file as "testPhotoPath".
#include "appcontroller.h"
#include "quicktestsetup.h"
#include "settingsmanager.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(CcnInspectPlugin)

class Setup : public QObject
{
    Q_OBJECT
public slots:
    void applicationAvailable() { quicktest::setUpApplication(); }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        quicktest::useAppModule(engine);
        m_dir = std::make_unique<QTemporaryDir>();
        m_settings =
            std::make_unique<SettingsManager>(m_dir->filePath(QStringLiteral("settings.ini")));
        m_app = std::make_unique<AppController>(m_settings.get());
        const CoreError e = m_app->open(m_dir->path(), true);
        if (e.failed())
            qFatal("demo database: %s", qPrintable(e.message()));
        engine->rootContext()->setContextProperty(QStringLiteral("testApp"), m_app.get());
        engine->rootContext()->setContextProperty(
            QStringLiteral("testPhotoPath"),
            QStringLiteral(CCN_SHARED_DIR "/data/photos/gps/DSCN0010.jpg"));
    }

    void cleanupTestCase()
    {
        m_app.reset();
        m_settings.reset();
        m_dir.reset();
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SettingsManager> m_settings;
    std::unique_ptr<AppController> m_app;
};

QUICK_TEST_MAIN_WITH_SETUP(inspectorflow, Setup)

#include "tst_inspectorflow.moc"
