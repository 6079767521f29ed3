#include "applauncher.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(CcnInspectPlugin)

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("CCN Inspect"));
    QCoreApplication::setApplicationName(QStringLiteral("ccn-inspect"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CCN_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Kiểm tra CCN — inspecting industrial clusters"));
    parser.addHelpOption();
    parser.addVersionOption();
    AppLauncher::addOptions(parser);
    parser.process(app);

    AppLauncher launcher;
    return launcher.run(app, AppLauncher::fromParser(parser));
}
