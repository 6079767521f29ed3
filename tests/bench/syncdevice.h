#pragma once

#include "coreerror.h"
#include "database.h"

#include <QString>
#include <QUrl>

#include <memory>

class SyncClient;

// One simulated tablet for the sync benchmark: its own database (the app's schema, seeded with
// the checklist and demo data by DemoDataLoader as the app does) and the real SyncClient.
// Rounds are run to completion in a local event loop, bounded in time.
class SyncDevice
{
public:
    explicit SyncDevice(QString dir);
    ~SyncDevice();

    CoreError open();
    CoreError login(const QUrl &server, const QString &user, const QString &password);
    // One sync round (push, pull, photos); `ms` is its wall time.
    // One sync round, timed. `longestStallMs`, when given: the longest time this thread's event
    // loop did not run during the round (what a UI on this thread would show as a frozen frame),
    // seen by a 4 ms timer.
    CoreError round(double *ms, int timeoutMs = 1800000, double *longestStallMs = nullptr);
    // Waits until the rows the last rounds pulled are searchable (the client indexes its
    // SearchBacklog between rounds); `ms` is the wait.
    CoreError waitSearchable(double *ms, int timeoutMs = 600000);
    // Fetches photo originals on demand, one after the other, until all arrived.
    CoreError fetchOriginals(const QStringList &shas, double *ms, int timeoutMs = 600000);

    QSqlDatabase db() const { return m_db.connection(); }
    QString dataRoot() const { return m_dir + QStringLiteral("/data"); }
    SyncClient *client() const { return m_client.get(); }

private:
    QString m_dir;
    Database m_db;
    std::unique_ptr<SyncClient> m_client;
};
