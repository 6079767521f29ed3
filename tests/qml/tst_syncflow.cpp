// Qt Quick Test of the sync pages against the real registry: ccn-registry --demo on 127.0.0.1,
// with devices built as the app builds them (AppController, SyncClient). Set up once, for both
// QML files in sync/:
// - tst_supervisorpage.qml: two inspectors' tablets saved different findings and conclusions for
//   one inspection (two conflict records), and one of them records a violation in an inspection
//   the other deleted meanwhile (a third); the supervisor's device is logged in and synced
//   ("testApp", "testSync", "testConflict": the values and names the page should show).
// - tst_inspectorsync.qml: an inspector's device, not logged in yet ("testInspectorApp",
//   "testInspectorSync"), and "testActions" for what the test cannot do through the pages: an
//   edit of a tenant, which inspectors may not change, as a faulty or outdated app could make;
//   and a look at a value on the supervisor's device after a resolution came back.
// "testScreenshotPath": where the supervisor's page is rendered for the README.
#include "../sync/synctestutil.h"

#include "appcontroller.h"
#include "applauncher.h"
#include "inspectionmanager.h"
#include "photomanager.h"
#include "quicktestsetup.h"
#include "recordwriter.h"
#include "settingsmanager.h"
#include "syncclient.h"
#include "syncmanager.h"

#include <QBuffer>
#include <QImage>
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

// A SyncClient on `db` for a device whose data lives in `root`, talking to `url`.
std::unique_ptr<SyncClient> client(const QSqlDatabase &db, const QString &root, const QString &url)
{
    auto c = std::make_unique<SyncClient>(db, root);
    c->setAutoSync(false);
    c->setServerUrl(QUrl(url));
    return c;
}

bool logIn(SyncClient &c, const QString &user)
{
    QSignalSpy done(&c, &SyncClient::loginFinished);
    c.login(user, QStringLiteral("demo-password"));
    if (!done.wait(kWaitMs) || !done.first().at(0).toBool()) {
        qWarning("login %s: %s", qPrintable(user), qPrintable(c.lastError()));
        return false;
    }
    return true;
}

bool round(SyncClient &c)
{
    QSignalSpy finished(&c, &SyncClient::roundFinished);
    if (!c.sync() || !finished.wait(kWaitMs) || !finished.first().at(0).toBool()) {
        qWarning("round: %s", qPrintable(c.lastError()));
        return false;
    }
    return true;
}

// A device as the app opens it: its settings, database and sync client.
struct AppDevice {
    std::unique_ptr<SettingsManager> settings;
    std::unique_ptr<AppController> app;
    std::unique_ptr<SyncClient> sync;

    bool open(const QString &root, const QString &url)
    {
        settings = std::make_unique<SettingsManager>(root + QStringLiteral("/settings.ini"));
        app = std::make_unique<AppController>(settings.get());
        if (app->open(root, false).failed())
            return false;
        sync = client(app->database()->connection(), root, url);
        AppLauncher::followSync(*app, *sync);
        return true;
    }

    // The client before the database it works on, the settings last.
    void close()
    {
        sync.reset();
        app.reset();
        settings.reset();
    }
};
} // namespace

// What the inspector's test does beside the pages.
class SyncFlowActions : public QObject
{
    Q_OBJECT
public:
    SyncFlowActions(AppController *inspector, AppController *supervisor, QString url, QString dir)
        : m_app(inspector), m_supervisor(supervisor), m_url(std::move(url)), m_dir(std::move(dir))
    {
    }

    // Sets `column` of a row on the inspector's device, as the app's editors write.
    Q_INVOKABLE bool inspectorEdit(const QString &table, const QString &id, const QString &column,
                                   const QVariant &value)
    {
        return RecordWriter(m_app->database()->connection())
            .update(table, id, {{column, value}})
            .ok();
    }

    // A teammate's tablet (inspector.demo on another device) sets `column` of a row and sends
    // it: an edit the registry stores before the inspector's.
    Q_INVOKABLE bool editOnAnotherTablet(const QString &table, const QString &id,
                                         const QString &column, const QVariant &value)
    {
        const QString root = m_dir + QStringLiteral("/teammate");
        QDir().mkpath(root);
        Database db;
        if (db.open(root + QStringLiteral("/device.db")).failed())
            return false;
        const auto sync = client(db.connection(), root, m_url);
        return logIn(*sync, QStringLiteral("inspector.demo")) && round(*sync) &&
               RecordWriter(db.connection()).update(table, id, {{column, value}}).ok() &&
               round(*sync) && sync->pendingRecords() == 0;
    }

    // Another tablet of `user` signs in and syncs (one to be lost): its device id, or empty.
    Q_INVOKABLE QString signInSpareTablet(const QString &user)
    {
        const QString root = m_dir + QStringLiteral("/spare%1").arg(++m_spares); // a new tablet
        QDir().mkpath(root);
        m_spare.reset(); // the tablet before, if any, with its database
        m_spareDb = std::make_unique<Database>();
        if (m_spareDb->open(root + QStringLiteral("/device.db")).failed())
            return {};
        m_spare = client(m_spareDb->connection(), root, m_url);
        return logIn(*m_spare, user) && round(*m_spare) ? m_spare->deviceId() : QString();
    }

    // Whether that tablet is still signed in after a round it tries.
    Q_INVOKABLE bool spareTabletSyncs()
    {
        if (!m_spare)
            return false;
        QSignalSpy finished(m_spare.get(), &SyncClient::roundFinished);
        return m_spare->sync() && finished.wait(kWaitMs) && finished.first().at(0).toBool() &&
               m_spare->loggedIn();
    }

    // Whether that tablet signs in again (and syncs) with the password.
    Q_INVOKABLE bool spareTabletSignsIn(const QString &user)
    {
        return m_spare && logIn(*m_spare, user) && round(*m_spare);
    }

    // Changes the first tenant's workers on the inspector's device; its name, or empty.
    Q_INVOKABLE QString editTenant()
    {
        QSqlQuery q(m_app->database()->connection());
        if (!q.exec("SELECT id, name, coalesce(workers, 0) FROM tenants WHERE deleted_at IS "
                    "NULL ORDER BY id LIMIT 1") ||
            !q.next())
            return {};
        const QString id = q.value(0).toString();
        const QString name = q.value(1).toString();
        const int workers = q.value(2).toInt() + 10;
        q.finish(); // an open statement would hold the write below in its transaction
        RecordWriter w(m_app->database()->connection());
        return w.update("tenants", id, {{"workers", workers}}).ok() ? name : QString();
    }

    // The first value of `sql` on the inspector's device, as text ("<none>" when no row).
    Q_INVOKABLE QString inspectorValue(const QString &sql)
    {
        QSqlQuery q(m_app->database()->connection());
        return q.exec(sql) && q.next() ? q.value(0).toString() : QStringLiteral("<none>");
    }

    // `column` of a row on the supervisor's device, as text ("<missing>" when not there).
    Q_INVOKABLE QString supervisorValue(const QString &table, const QString &id,
                                        const QString &column)
    {
        QSqlQuery q(m_supervisor->database()->connection());
        q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(column, table));
        q.addBindValue(id);
        return q.exec() && q.next() ? q.value(0).toString() : QStringLiteral("<missing>");
    }

private:
    AppController *m_app;
    AppController *m_supervisor;
    QString m_url;
    QString m_dir;
    std::unique_ptr<Database> m_spareDb;
    int m_spares = 0;
    std::unique_ptr<SyncClient> m_spare;
};

class Setup : public QObject
{
    Q_OBJECT
public slots:
    void applicationAvailable()
    {
        quicktest::setUpApplication();
        m_dir = std::make_unique<QTemporaryDir>();
        QByteArray out;
        const QString url =
            synctest::startRegistry(m_registry, QStringLiteral(CCN_BINARY_DIR "/sync/ccn-registry"),
                                    {"serve", "--data-dir", m_dir->filePath("registry"), "--port",
                                     "0", "--demo", "--fast-hash"},
                                    &out);
        if (url.isEmpty())
            qFatal("ccn-registry did not start: %s", out.constData());
        makeConflict(url);
        if (!m_supervisor.open(m_dir->filePath(QStringLiteral("supervisor")), url) ||
            !logIn(*m_supervisor.sync, QStringLiteral("supervisor.demo")) ||
            !round(*m_supervisor.sync))
            qFatal("the supervisor's device did not sync");
        if (!m_inspector.open(m_dir->filePath(QStringLiteral("inspector")), url))
            qFatal("the inspector's device did not open");
        m_actions = std::make_unique<SyncFlowActions>(m_inspector.app.get(), m_supervisor.app.get(),
                                                      url, m_dir->path());
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        quicktest::useAppModule(engine);
        QQmlContext *context = engine->rootContext();
        context->setContextProperty(QStringLiteral("testApp"), m_supervisor.app.get());
        context->setContextProperty(QStringLiteral("testSync"), m_supervisor.sync.get());
        context->setContextProperty(QStringLiteral("testConflict"), m_conflict);
        context->setContextProperty(QStringLiteral("testInspectorApp"), m_inspector.app.get());
        context->setContextProperty(QStringLiteral("testInspectorSync"), m_inspector.sync.get());
        context->setContextProperty(QStringLiteral("testActions"), m_actions.get());
        context->setContextProperty(
            QStringLiteral("testPhotoUrl"),
            QUrl::fromLocalFile(QStringLiteral(CCN_SHARED_DIR "/data/photos/gps/DSCN0025.jpg")));
        context->setContextProperty(QStringLiteral("testScreenshotPath"),
                                    QStringLiteral(CCN_SCREENSHOT_DIR "/sync-supervisor.png"));
        context->setContextProperty(QStringLiteral("testDevicesScreenshotPath"),
                                    QStringLiteral(CCN_SCREENSHOT_DIR "/sync-devices.png"));
    }

    void cleanupTestCase()
    {
        m_actions.reset();
        m_inspector.close();
        m_supervisor.close();
        synctest::stopRegistry(m_registry);
        m_dir.reset();
    }

private:
    // Two inspectors' tablets save different findings and conclusions for one inspection; the
    // second to sync loses and its values wait in two conflict records.
    void makeConflict(const QString &url)
    {
        struct Tablet {
            Database db;
            std::unique_ptr<SyncClient> sync;
        } tablets[2];
        for (int i = 0; i < 2; ++i) {
            const QString root = m_dir->filePath(QStringLiteral("tablet%1").arg(i));
            QDir().mkpath(root);
            if (tablets[i].db.open(root + QStringLiteral("/device.db")).failed())
                qFatal("tablet database");
            tablets[i].sync = client(tablets[i].db.connection(), root, url);
            if (!logIn(*tablets[i].sync, QStringLiteral("inspector.demo")) ||
                !round(*tablets[i].sync))
                qFatal("tablet %d did not sync", i);
        }
        // The demo's inspections are submitted, closed to the field: the team starts two drafts
        // in the cluster of the latest one, on tablet 0, and both tablets get them.
        QSqlQuery q(tablets[0].db.connection());
        if (!q.exec("SELECT c.name, c.id, i.template_id FROM inspections i JOIN clusters c ON "
                    "c.id = i.cluster_id WHERE i.deleted_at IS NULL ORDER BY i.id DESC LIMIT 1") ||
            !q.next())
            qFatal("the demo data has no inspection");
        const QString cluster = q.value(0).toString();
        const QString clusterId = q.value(1).toString();
        const QString templateId = q.value(2).toString();
        q.finish(); // a statement left open would hold the writes below in its transaction
        QString inspection, deleted;
        InspectionManager drafts(tablets[0].db.connection());
        if (drafts.start(clusterId, "periodic", templateId, "Nguyễn Văn An", {}, &inspection)
                .failed() ||
            drafts.start(clusterId, "periodic", templateId, "Nguyễn Văn An", {}, &deleted)
                .failed() ||
            !round(*tablets[0].sync) || !round(*tablets[1].sync))
            qFatal("the drafts did not reach both tablets");
        const QString kept = QStringLiteral("Tường rào phía đông đổ 12 m");
        const QString lost = QStringLiteral("Tường rào phía đông nứt");
        const QString keptConclusions = QStringLiteral("Yêu cầu xây lại tường rào");
        const QString lostConclusions = QStringLiteral("Yêu cầu gia cố tường rào");
        for (int i = 0; i < 2; ++i) {
            RecordWriter w(tablets[i].db.connection());
            if (w.update("inspections", inspection,
                         {{"findings", i == 0 ? kept : lost},
                          {"conclusions", i == 0 ? keptConclusions : lostConclusions}})
                    .failed() ||
                !round(*tablets[i].sync))
                qFatal("tablet %d did not push its findings", i);
            if (tablets[i].sync->pendingRecords() != 0 || tablets[i].sync->rejectedRecords() != 0)
                qFatal("tablet %d: %d changes waiting, %d refused", i,
                       tablets[i].sync->pendingRecords(), tablets[i].sync->rejectedRecords());
        }
        addPhotos(tablets[0].db, m_dir->filePath(QStringLiteral("tablet0")), inspection);
        if (!round(*tablets[0].sync) || tablets[0].sync->pendingPhotos() != 0)
            qFatal("tablet 0 did not send its photos: %s",
                   qPrintable(tablets[0].sync->lastError()));
        // Tablet 0 deletes the other draft; tablet 1, which has not pulled that yet, records a
        // violation in it: the work is kept, and the deleted inspection waits in a third record.
        QString violation;
        if (RecordWriter(tablets[0].db.connection()).softDelete("inspections", deleted).failed() ||
            !round(*tablets[0].sync) ||
            RecordWriter(tablets[1].db.connection())
                .insert("violations",
                        {{"inspection_id", deleted},
                         {"cluster_id", clusterId},
                         {"category", QStringLiteral("Không có sổ nhật ký vận hành")},
                         {"severity", "serious"},
                         {"observed", QStringLiteral("Không xuất trình được sổ.")}},
                        &violation)
                .failed() ||
            !round(*tablets[1].sync) || tablets[1].sync->pendingRecords() != 0)
            qFatal("the violation in a deleted inspection did not reach the registry");
        // Tablet 1 records an infrastructure item, which inspectors may not write: refused, and
        // listed for the supervisor with the values it carried.
        const QString refusedItem = QStringLiteral("Đường nội bộ D4");
        if (RecordWriter(tablets[1].db.connection())
                .insert("infrastructure_items",
                        {{"cluster_id", clusterId}, {"kind", "roads"}, {"name", refusedItem}})
                .failed() ||
            !round(*tablets[1].sync) || tablets[1].sync->rejectedRecords() != 1)
            qFatal("the item was not refused");
        m_conflict = QVariantMap{
            {"inspection", inspection},
            {"deletedInspection", deleted},
            {"cluster", cluster},
            {"clusterId", clusterId},
            {"kept", kept},
            {"lost", lost},
            {"keptConclusions", keptConclusions},
            {"lostConclusions", lostConclusions},
            {"refusedItem", refusedItem},
            {"user", QStringLiteral("inspector.demo")},
            // Both tablets run here: the first's name stands for both.
            {"device",
             SyncClient::deviceName(QSysInfo::machineHostName(), QSysInfo::prettyProductName(),
                                    SyncManager(tablets[0].db.connection()).deviceId())}};
    }

    // Two photos of the inspection, taken on the first tablet as the app takes them: a real
    // camera JPEG and a PNG chosen from a file (made here from a real photo).
    static void addPhotos(Database &db, const QString &root, const QString &inspection)
    {
        PhotoManager photos(db.connection(), root);
        if (photos.open().failed() ||
            photos
                .ingestFile(QStringLiteral(CCN_SHARED_DIR "/data/photos/gps/DSCN0010.jpg"),
                            PhotoLink::forInspection(inspection))
                .failed())
            qFatal("the JPEG was not taken");
        QImage image(QStringLiteral(CCN_SHARED_DIR "/data/photos/gps/DSCN0012.jpg"));
        QByteArray png;
        QBuffer buffer(&png);
        if (image.isNull() || !buffer.open(QIODevice::WriteOnly) ||
            !image.scaledToWidth(480).save(&buffer, "PNG") ||
            photos
                .ingestBytes(png, PhotoLink::forInspection(inspection), PhotoRecord::Source::File,
                             {})
                .failed())
            qFatal("the PNG was not taken");
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_registry;
    AppDevice m_supervisor;
    AppDevice m_inspector;
    std::unique_ptr<SyncFlowActions> m_actions;
    QVariantMap m_conflict;
};

QUICK_TEST_MAIN_WITH_SETUP(syncflow, Setup)

#include "tst_syncflow.moc"
