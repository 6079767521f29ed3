#pragma once

#include <QObject>
#include <QString>

#include <functional>

class AppController;
class QGuiApplication;
class QQuickWindow;
class SyncClient;

// Starts the app's UI from the command line options: opens the database (or the demo one),
// loads the translation, the position source and Main.qml. --self-test loads every page with
// demo data in a temporary data dir and fails on any QML warning; --screenshots renders the main
// pages to PNG files. main() only parses the options and calls run().
class AppLauncher : public QObject
{
    Q_OBJECT
public:
    struct Options {
        bool demo = false;
        bool selfTest = false;
        QString screenshotsDir;
        QString nmeaFile;
        QString language;      // empty: from the settings
        QString demoPhotoPath; // a photo for the screens that show one (self-test, screenshots)
        QString serverUrl;     // the registry to sync with (else the one saved by the login page)
    };

    // Adds the options to a parser and reads them back.
    static void addOptions(class QCommandLineParser &parser);
    static Options fromParser(const QCommandLineParser &parser);

    int run(QGuiApplication &app, const Options &options);

    // QML warnings and errors seen since start (self-test, screenshots).
    static int qmlWarningCount();

    // Keeps what the pages show current with what `sync` brings: pulled rows, rows that became
    // searchable, and photos (thumbnails after a round, an original fetched on demand).
    static void followSync(AppController &controller, SyncClient &sync);

private:
    // Runs first in the event loop's turn after the window's first frame, then rest after the
    // frame that follows (the cluster list on screen before the slower starts).
    static void afterFirstFrames(QQuickWindow *window, const std::function<void()> &first,
                                 const std::function<void()> &rest);
    int renderScreens(QObject *root, const QString &dir, bool save);
};
