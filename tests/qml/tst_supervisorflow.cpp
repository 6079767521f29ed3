// Qt Quick Test of the supervisor's sync page against the real registry: ccn-registry --demo on
// 127.0.0.1, two inspectors' tablets that save different findings for one inspection (a conflict
// record), and the supervisor's device (AppController and SyncClient, as the app builds them),
// logged in and synced. The QML file (supervisor/) reads the conflict on the page and resolves
// it. Context properties: "testApp", "testSync", "testConflict" (the values and names the page
// should show) and "testScreenshotPath".
#include "../sync/synctestutil.h"

#include "appcontroller.h"
#include "quicktestsetup.h"
#include "recordwriter.h"
#include "settingsmanager.h"
#include "syncclient.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(CcnInspectPlugin)

namespace {
constexpr int kWaitMs = 60000;

// A device of its own in `root` with a SyncClient on `db`, logged in as `user`; null on failure.
std::unique_ptr<SyncClient> loggedIn(const QSqlDatabase &db, const QString &root,
                                     const QString &url, const QString &user)
{
    auto client = std::make_unique<SyncClient>(db, root);
    client->setAutoSync(false);
    client->setServerUrl(QUrl(url));
    QSignalSpy done(client.get(), &SyncClient::loginFinished);
    client->login(user, QStringLiteral("demo-password"));
    if (!done.wait(kWaitMs) || !done.first().at(0).toBool()) {
        qWarning("login %s: %s", qPrintable(user), qPrintable(client->lastError()));
        return nullptr;
    }
    return client;
}

bool round(SyncClient &client)
{
    QSignalSpy finished(&client, &SyncClient::roundFinished);
    if (!client.sync() || !finished.wait(kWaitMs) || !finished.first().at(0).toBool()) {
        qWarning("round: %s", qPrintable(client.lastError()));
        return false;
    }
    return true;
}

struct Tablet {
    Database db;
    std::unique_ptr<SyncClient> client;
};
} // namespace

class Setup : public QObject
{
    Q_OBJECT
public slots:
    void applicationAvailable() { quicktest::setUpApplication(); }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        quicktest::useAppModule(engine);
        m_dir = std::make_unique<QTemporaryDir>();
        QByteArray out;
        const QString url =
            synctest::startRegistry(m_registry, QStringLiteral(CCN_BINARY_DIR "/sync/ccn-registry"),
                                    {"serve", "--data-dir", m_dir->filePath("registry"), "--port",
                                     "0", "--demo", "--fast-hash"},
                                    &out);
        if (url.isEmpty())
            qFatal("ccn-registry did not start: %s", out.constData());

        // Two inspectors' tablets save different findings for one inspection; the second to
        // sync loses and its value waits in a conflict record.
        Tablet tablets[2];
        QString inspection;
        for (int i = 0; i < 2; ++i) {
            const QString root = m_dir->filePath(QStringLiteral("tablet%1").arg(i));
            QDir().mkpath(root);
            if (tablets[i].db.open(root + QStringLiteral("/device.db")).failed())
                qFatal("tablet database");
            tablets[i].client =
                loggedIn(tablets[i].db.connection(), root, url, QStringLiteral("inspector.demo"));
            if (!tablets[i].client || !round(*tablets[i].client))
                qFatal("tablet %d did not sync", i);
        }
        QSqlQuery q(tablets[0].db.connection());
        if (!q.exec("SELECT i.id, c.name FROM inspections i JOIN clusters c ON c.id = "
                    "i.cluster_id WHERE i.deleted_at IS NULL ORDER BY i.id DESC LIMIT 1") ||
            !q.next())
            qFatal("the demo data has no inspection");
        inspection = q.value(0).toString();
        const QString cluster = q.value(1).toString();
        q.finish(); // a statement left open would hold the writes below in its transaction
        const QString kept = QStringLiteral("Tường rào phía đông đổ 12 m");
        const QString lost = QStringLiteral("Tường rào phía đông nứt");
        for (int i = 0; i < 2; ++i) {
            RecordWriter w(tablets[i].db.connection());
            if (w.update("inspections", inspection, {{"findings", i == 0 ? kept : lost}})
                    .failed() ||
                !round(*tablets[i].client))
                qFatal("tablet %d did not push its findings", i);
            if (tablets[i].client->pendingRecords() != 0 ||
                tablets[i].client->rejectedRecords() != 0)
                qFatal("tablet %d: %d changes waiting, %d refused: %s %s", i,
                       tablets[i].client->pendingRecords(), tablets[i].client->rejectedRecords(),
                       qPrintable(tablets[i].client->lastError()),
                       qPrintable(QJsonDocument(QJsonArray::fromVariantList(
                                                    tablets[i].client->rejectedChanges()))
                                      .toJson()));
        }

        // The supervisor's device, as the app opens it.
        m_settings =
            std::make_unique<SettingsManager>(m_dir->filePath(QStringLiteral("settings.ini")));
        m_app = std::make_unique<AppController>(m_settings.get());
        const QString root = m_dir->filePath(QStringLiteral("supervisor"));
        if (m_app->open(root, false).failed())
            qFatal("supervisor database");
        m_sync =
            loggedIn(m_app->database()->connection(), root, url, QStringLiteral("supervisor.demo"));
        if (!m_sync || !round(*m_sync))
            qFatal("the supervisor's device did not sync");
        QQmlContext *context = engine->rootContext();
        context->setContextProperty(QStringLiteral("testApp"), m_app.get());
        context->setContextProperty(QStringLiteral("testSync"), m_sync.get());
        context->setContextProperty(QStringLiteral("testConflict"),
                                    QVariantMap{{"cluster", cluster},
                                                {"kept", kept},
                                                {"lost", lost},
                                                {"user", QStringLiteral("inspector.demo")},
                                                {"device", QSysInfo::machineHostName()}});
        context->setContextProperty(QStringLiteral("testScreenshotPath"),
                                    QStringLiteral(CCN_SCREENSHOT_DIR "/sync-supervisor.png"));
    }

    void cleanupTestCase()
    {
        m_sync.reset();
        m_app.reset();
        m_settings.reset();
        synctest::stopRegistry(m_registry);
        m_dir.reset();
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_registry;
    std::unique_ptr<SettingsManager> m_settings;
    std::unique_ptr<AppController> m_app;
    std::unique_ptr<SyncClient> m_sync;
};

QUICK_TEST_MAIN_WITH_SETUP(supervisorflow, Setup)

#include "tst_supervisorflow.moc"
