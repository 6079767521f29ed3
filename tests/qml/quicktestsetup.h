#pragma once

// What every Quick Test of the app's pages sets up before its QML runs: test paths for settings
// and data, the Basic style (the app's own), and the app's QML module from its resources.
#include <QQmlEngine>
#include <QQuickStyle>
#include <QStandardPaths>

namespace quicktest {

inline void setUpApplication()
{
    QStandardPaths::setTestModeEnabled(true);
    QQuickStyle::setStyle(QStringLiteral("Basic"));
}

inline void useAppModule(QQmlEngine *engine)
{
    // Qt 6.4: the module is at qrc:/CcnInspect (RESOURCE_PREFIX /).
    engine->addImportPath(QStringLiteral("qrc:/"));
}

} // namespace quicktest
