#pragma once

// Shared set-up for the ui tests that drive the app's models and controllers as the pages do: the
// app on the demo data in a temporary directory, and a sync round's write into its database.
#include "appcontroller.h"
#include "database.h"
#include "inspectioncontroller.h"
#include "settingsmanager.h"

#include <QSemaphore>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <functional>
#include <memory>
#include <thread>

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

    // A sync round's write of `column` of a row as the pull makes it: on the worker's own
    // connection, in a write transaction with the outbox triggers off, committed 300 ms after the
    // write. `during` runs on this thread in between (a form saved while a page is written).
    bool pulledWhile(const QString &table, const QString &id, const QString &column,
                     const QString &text, const std::function<void()> &during) const
    {
        const QString path = m_app->database()->path();
        const QString name = QStringLiteral("pulled-while");
        QSemaphore written;
        bool ok = false;
        std::thread worker([&] {
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(path);
                db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
                if (db.open()) {
                    QSqlQuery q(db);
                    ok = q.exec(QStringLiteral("BEGIN IMMEDIATE")) &&
                         q.exec(QStringLiteral("UPDATE sync_flags SET applying = 1")) &&
                         q.prepare(QStringLiteral("UPDATE %1 SET %2 = ?, sync_seq = sync_seq + 1 "
                                                  "WHERE id = ?")
                                       .arg(table, column));
                    q.addBindValue(text);
                    q.addBindValue(id);
                    ok = ok && q.exec() && q.numRowsAffected() == 1 &&
                         q.exec(QStringLiteral("UPDATE sync_flags SET applying = 0"));
                }
                written.release();
                std::this_thread::sleep_for(std::chrono::milliseconds(300));
                QSqlQuery(db).exec(ok ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK"));
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        });
        written.acquire();
        during();
        worker.join();
        return ok;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<SettingsManager> m_settings;
    std::unique_ptr<AppController> m_app;
};

} // namespace uitest
