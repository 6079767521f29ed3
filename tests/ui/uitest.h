#pragma once

// Shared set-up for the ui tests that drive the app's models and controllers as the pages do: the
// app on the demo data in a temporary directory, and a sync round's write into its database.
#include "appcontroller.h"
#include "database.h"
#include "inspectioncontroller.h"
#include "settingsmanager.h"

#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace uitest {

// The app on a new demo database in a temporary directory, its settings there too, and what the
// ui tests ask of it; a test class derives from it beside QObject and opens it in initTestCase.
class DemoApp
{
protected:
    // False, said, when the app does not open.
    bool openApp()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_settings = std::make_unique<SettingsManager>(m_dir.filePath(QStringLiteral("s.ini")));
        m_app = std::make_unique<AppController>(m_settings.get());
        const CoreError e = m_app->open(m_dir.path(), true);
        if (e.failed())
            qWarning() << e.message();
        return e.ok();
    }

    InspectionController *insp() const { return m_app->inspection(); }

    // A sync round's write of `column` of a row (the pull writes the device's database so).
    bool pulledInto(const QString &table, const QString &id, const QString &column,
                    const QString &text) const
    {
        QSqlQuery q(m_app->database()->connection());
        q.prepare(QStringLiteral("UPDATE %1 SET %2 = ? WHERE id = ?").arg(table, column));
        q.addBindValue(text);
        q.addBindValue(id);
        return q.exec();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<SettingsManager> m_settings;
    std::unique_ptr<AppController> m_app;
};

} // namespace uitest
