#include "applauncher.h"

#include "appcontroller.h"
#include "clusterlistmodel.h"
#include "database.h"
#include "positiontracker.h"
#include "settingsmanager.h"
#include "syncclient.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QTranslator>

#include <atomic>
#include <cstdio>

namespace {
std::atomic<int> g_qmlWarnings{0};
QtMessageHandler g_previousHandler = nullptr;

void countingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString category = QString::fromLatin1(context.category ? context.category : "");
    const QString file = QString::fromLatin1(context.file ? context.file : "");
    const bool fromQml =
        category.startsWith(QLatin1String("qml")) || category.startsWith(QLatin1String("js")) ||
        category.startsWith(QLatin1String("qt.qml")) || file.endsWith(QLatin1String(".qml")) ||
        message.contains(QLatin1String(".qml:"));
    if ((type == QtWarningMsg && fromQml) || type == QtCriticalMsg || type == QtFatalMsg)
        ++g_qmlWarnings;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

void settle(int ms = 50)
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, ms);
}

// True when an image has more than one colour in a sample of its pixels.
bool isBlank(const QImage &image)
{
    if (image.isNull())
        return true;
    const QRgb first = image.pixel(0, 0);
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            if (image.pixel(x, y) != first)
                return false;
    return true;
}
} // namespace

void AppLauncher::followSync(AppController &controller, SyncClient &sync)
{
    // Clusters, tenants and inspections pulled from the registry show at once, in the open
    // inspection too.
    QObject::connect(&sync, &SyncClient::pulled, &controller, &AppController::reloadPulled);
    // ... and in search once the worker has indexed them.
    QObject::connect(&sync, &SyncClient::searchBacklogChanged, &controller,
                     &AppController::reloadSearch);
    // Thumbnails come at the end of a round; an original when someone opened its photo (and the
    // originals that left the cache to make room for it are gone by then).
    QObject::connect(&sync, &SyncClient::roundFinished, &controller, &AppController::reloadPhotos);
    QObject::connect(&sync, &SyncClient::originalReady, &controller, &AppController::reloadPhotos);
}

int AppLauncher::qmlWarningCount()
{
    return g_qmlWarnings.load();
}

void AppLauncher::addOptions(QCommandLineParser &parser)
{
    parser.addOption(
        {QStringLiteral("demo"), QStringLiteral("Use the demo database (separate file).")});
    parser.addOption(
        {QStringLiteral("nmea"),
         QStringLiteral("Replay this NMEA log as the position source (saved in the settings)."),
         QStringLiteral("file")});
    parser.addOption(
        {QStringLiteral("self-test"),
         QStringLiteral("Load every page with demo data in a temporary data directory; "
                        "exit non-zero on any QML warning or error.")});
    parser.addOption({QStringLiteral("screenshots"),
                      QStringLiteral("Render the main pages with demo data to PNG files in dir."),
                      QStringLiteral("dir")});
    parser.addOption(
        {QStringLiteral("lang"), QStringLiteral("Language: vi or en."), QStringLiteral("lang")});
    parser.addOption({QStringLiteral("server"),
                      QStringLiteral("The registry to sync with, e.g. http://127.0.0.1:8787."),
                      QStringLiteral("url")});
    parser.addOption({QStringLiteral("demo-photo"),
                      QStringLiteral("A photo file for the self-test and screenshots."),
                      QStringLiteral("file")});
}

AppLauncher::Options AppLauncher::fromParser(const QCommandLineParser &parser)
{
    Options o;
    o.demo = parser.isSet(QStringLiteral("demo"));
    o.selfTest = parser.isSet(QStringLiteral("self-test"));
    o.screenshotsDir = parser.value(QStringLiteral("screenshots"));
    o.nmeaFile = parser.value(QStringLiteral("nmea"));
    o.language = parser.value(QStringLiteral("lang"));
    o.demoPhotoPath = parser.value(QStringLiteral("demo-photo"));
    o.serverUrl = parser.value(QStringLiteral("server"));
#ifdef CCN_DEMO_PHOTO
    if (o.demoPhotoPath.isEmpty() && QFileInfo::exists(QStringLiteral(CCN_DEMO_PHOTO)))
        o.demoPhotoPath = QStringLiteral(CCN_DEMO_PHOTO);
#endif
    return o;
}

int AppLauncher::run(QGuiApplication &app, const Options &options)
{
    const bool offline = options.selfTest || !options.screenshotsDir.isEmpty();
    if (offline)
        g_previousHandler = qInstallMessageHandler(countingHandler);
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    // The font database (fontconfig reads its configuration and caches: 5-8 ms) is filled on a
    // second thread while this one opens the database and loads the QML; the first text
    // layout then finds it ready. QFontDatabase is thread-safe.
    std::unique_ptr<QThread> fontWarmer(QThread::create([] { QFontDatabase::families(); }));
    fontWarmer->start();
    const auto joinFontWarmer = qScopeGuard([&fontWarmer] { fontWarmer->wait(); });

    // Self-test and screenshots never touch the user's data or settings.
    QTemporaryDir temp;
    std::unique_ptr<SettingsManager> settings =
        offline ? std::make_unique<SettingsManager>(temp.filePath(QStringLiteral("settings.ini")))
                : std::make_unique<SettingsManager>();
    if (!options.nmeaFile.isEmpty()) {
        settings->setNmeaFile(QFileInfo(options.nmeaFile).absoluteFilePath());
        settings->setPositionSource(QStringLiteral("nmea"));
    }
    const QString language = options.language.isEmpty() ? settings->language() : options.language;
    if (!options.language.isEmpty() && !offline)
        settings->setLanguage(options.language);

    QTranslator translator;
    auto applyLanguage = [&app, &translator](const QString &lang) {
        app.removeTranslator(&translator);
        if (lang != QLatin1String("en"))
            return;
        if (translator.load(QStringLiteral(":/i18n/ccn_en.qm")))
            app.installTranslator(&translator);
        else
            std::fprintf(stderr, "English translation not found; showing Vietnamese.\n");
    };
    applyLanguage(language);

    AppController controller(settings.get());
    QQmlApplicationEngine engine;
    // The module is at qrc:/CcnInspect (RESOURCE_PREFIX /, Qt 6.4).
    engine.addImportPath(QStringLiteral("qrc:/"));
    QObject::connect(
        &engine, &QQmlApplicationEngine::warnings, &engine,
        [](const QList<QQmlError> &warnings) { g_qmlWarnings += int(warnings.size()); });
    // The QML engine's loader thread reads Main.qml and loads its imports' plugins while this
    // thread opens the database; the window is created from it once both are done.
    QQmlComponent mainComponent(&engine);
    mainComponent.loadUrl(QUrl(QStringLiteral("qrc:/CcnInspect/Main.qml")),
                          QQmlComponent::Asynchronous);
    if (offline && options.language == QLatin1String("en"))
        settings->setLanguage(QStringLiteral("en"));
    const QString dataDir = offline ? temp.path() : AppController::defaultDataDir();
    // A real start shows its first frame before it reads the cluster list.
    const CoreError opened = controller.open(dataDir, options.demo || offline,
                                             offline ? AppController::ClusterListLoading::Now
                                                     : AppController::ClusterListLoading::Later);
    if (opened.failed())
        std::fprintf(stderr, "%s\n", qPrintable(opened.message()));
    // Positioning plugins are slow to load: a real start opens them after the first frame.
    const auto startPosition = [&controller, offline] {
        const CoreError positioned = controller.startPosition();
        if (positioned.failed() && !offline)
            std::fprintf(stderr, "%s\n", qPrintable(positioned.message()));
    };
    // Sync status in the header and the sync page (the client only talks to the registry when
    // the inspector logs in and syncs). A real start creates it after the first frame: it loads
    // the network information plugins.
    std::unique_ptr<SyncClient> sync;
    const auto startSync = [&controller, &sync, &options, &settings] {
        if (!controller.ready())
            return;
        sync = std::make_unique<SyncClient>(controller.database()->connection(),
                                            controller.dataRoot());
        if (!options.serverUrl.isEmpty())
            sync->setServerAddress(options.serverUrl);
        // The originals' room, as the settings page sets it: at start from the next original
        // fetched (no file work while the app starts), when changed at once.
        const auto cacheLimit = [&settings, client = sync.get()](bool trimNow) {
            client->setOriginalCacheLimit(qint64(settings->originalCacheMb()) * 1024 * 1024,
                                          trimNow);
        };
        cacheLimit(false);
        QObject::connect(settings.get(), &SettingsManager::originalCacheMbChanged, sync.get(),
                         [cacheLimit] { cacheLimit(true); });
        followSync(controller, *sync);
    };
    if (offline) {
        startPosition();
        startSync();
    }

    // Switching the language in the settings page retranslates at once.
    QObject::connect(settings.get(), &SettingsManager::languageChanged, &engine,
                     [&engine, &applyLanguage, &settings] {
                         applyLanguage(settings->language());
                         engine.retranslate();
                     });
    while (mainComponent.isLoading())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    // Deleted before the engine (declared after it).
    std::unique_ptr<QObject> rootOwner(
        mainComponent.isReady()
            ? mainComponent.createWithInitialProperties(
                  {{QStringLiteral("app"), QVariant::fromValue(&controller)},
                   {QStringLiteral("demoPhotoPath"), options.demoPhotoPath},
                   {QStringLiteral("syncClient"), QVariant::fromValue(sync.get())}})
            : nullptr);
    if (!rootOwner) {
        for (const QQmlError &e : mainComponent.errors())
            qWarning("%s", qPrintable(e.toString()));
        return 1;
    }
    QObject *root = rootOwner.get();

    // The camera probe loads Qt Multimedia: after the first frame, like the position source.
    const auto probeCamera = [root] { QMetaObject::invokeMethod(root, "probeCamera"); };
    if (!offline) {
        auto *window = qobject_cast<QQuickWindow *>(root);
        const auto loadList = [&controller] {
            if (controller.clusters())
                controller.clusters()->reload();
        };
        const auto startRest = [&, root, probeCamera] {
            startSync();
            root->setProperty("syncClient", QVariant::fromValue(sync.get()));
            startPosition();
            probeCamera();
        };
        if (window) {
            afterFirstFrames(window, loadList, startRest);
        } else {
            loadList();
            startRest();
        }
        return app.exec();
    }
    probeCamera();

    if (opened.failed())
        return 1;
    int failures = renderScreens(root, options.screenshotsDir, !options.screenshotsDir.isEmpty());
    const int warnings = qmlWarningCount();
    std::fprintf(stderr, "self-test: %d page failures, %d QML warnings\n", failures, warnings);
    return failures == 0 && warnings == 0 ? 0 : 1;
}

void AppLauncher::afterFirstFrames(QQuickWindow *window, const std::function<void()> &first,
                                   const std::function<void()> &rest)
{
    // Queued: frameSwapped is emitted while a frame is still being finished (from the render
    // thread with the threaded render loop); the work runs in the event loop's next turn, with
    // the frame on screen.
    const auto queuedOnce = Qt::ConnectionType(Qt::QueuedConnection | Qt::SingleShotConnection);
    auto restDone = std::make_shared<bool>(false);
    const auto runRest = [restDone, rest] {
        if (*restDone)
            return;
        *restDone = true;
        rest();
    };
    QObject::connect(
        window, &QQuickWindow::frameSwapped, window,
        [window, first, runRest, queuedOnce] {
            first();
            QObject::connect(window, &QQuickWindow::frameSwapped, window, runRest, queuedOnce);
            // Without a new frame (nothing changed on screen) the rest starts a second later.
            QTimer::singleShot(1000, window, runRest);
        },
        queuedOnce);
}

int AppLauncher::renderScreens(QObject *root, const QString &dir, bool save)
{
    auto *window = qobject_cast<QQuickWindow *>(root);
    if (!window)
        return 1;
    if (save)
        QDir().mkpath(dir);
    int failures = 0;
    const QStringList screens{QStringLiteral("clusters"), QStringLiteral("cluster"),
                              QStringLiteral("progress"), QStringLiteral("checklist"),
                              QStringLiteral("minutes"),  QStringLiteral("violation"),
                              QStringLiteral("photo"),    QStringLiteral("sync"),
                              QStringLiteral("login"),    QStringLiteral("camera")};
    const QList<QPair<QString, QSize>> orientations{{QStringLiteral("landscape"), QSize(1280, 800)},
                                                    {QStringLiteral("portrait"), QSize(800, 1280)}};
    for (const auto &orientation : orientations) {
        window->resize(orientation.second);
        settle();
        for (const QString &screen : screens) {
            QVariant ok;
            QMetaObject::invokeMethod(root, "showScreen", Q_RETURN_ARG(QVariant, ok),
                                      Q_ARG(QVariant, screen));
            settle();
            if (!ok.toBool()) {
                std::fprintf(stderr, "self-test: screen %s could not be shown\n",
                             qPrintable(screen));
                ++failures;
                continue;
            }
            if (screen == QLatin1String("camera"))
                continue; // checked for loading only: no camera offscreen
            const QImage image = window->grabWindow();
            if (isBlank(image)) {
                std::fprintf(stderr, "self-test: screen %s rendered blank\n", qPrintable(screen));
                ++failures;
                continue;
            }
            if (save) {
                const QString path =
                    QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(screen, orientation.first));
                if (!image.save(path)) {
                    std::fprintf(stderr, "could not write %s\n", qPrintable(path));
                    ++failures;
                }
            }
        }
    }
    return failures;
}
