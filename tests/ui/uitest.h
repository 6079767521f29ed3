#pragma once

// Shared set-up for the ui tests that drive the app's controllers as the pages do: the app on
// the demo data in a temporary directory, and a sync round's write into its database.
#include "appcontroller.h"
#include "database.h"
#include "settingsmanager.h"

#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace uitest {

// The app on a new demo database in `dir`, its settings there too; false, said, when it does
// not open.
inline bool openDemoApp(const QTemporaryDir &dir, std::unique_ptr<SettingsManager> *settings,
                        std::unique_ptr<AppController> *app)
{
    QStandardPaths::setTestModeEnabled(true);
    *settings = std::make_unique<SettingsManager>(dir.filePath(QStringLiteral("s.ini")));
    *app = std::make_unique<AppController>(settings->get());
    const CoreError e = (*app)->open(dir.path(), true);
    if (e.failed())
        qWarning() << e.message();
    return e.ok();
}

// A sync round's write of `column` of a row (the pull writes the device's database so).
inline bool pulledInto(AppController *app, const QString &table, const QString &id,
                       const QString &column, const QString &text)
{
    QSqlQuery q(app->database()->connection());
    q.prepare(QStringLiteral("UPDATE %1 SET %2 = ? WHERE id = ?").arg(table, column));
    q.addBindValue(text);
    q.addBindValue(id);
    return q.exec();
}

} // namespace uitest
