#pragma once

#include "coreerror.h"

#include <QJsonObject>
#include <QString>

class CountingProxy;
class SyncDevice;

// `ccn-bench sync`: the real ccn-registry on 127.0.0.1 (QProcess, SQLite, then PostgreSQL for
// the load phase) and the real SyncClient through a counting proxy, against the PouchDB peer
// (../shared/peers/pouchdb/bench.js) on the same records (InspectionDocFactory mirrors makeDoc).
// Phases: push of 10,000 inspections, pull into a fresh device, incremental push of 10 changed
// inspections, photo push and pull (50 x 200 kB), the incremental push again with 100,000
// inspections on the registry, then 200 devices pushing at once (LoadSimulator). Also: a 4 MiB
// photo whose upload loses its connection half-way (bytes sent again when it resumes).
class SyncBenchmark
{
public:
    struct Options {
        QString workDir;
        QString registryProgram;
        bool runPouchDb = true;
        bool runPostgres = true;
        int devices = 200;
        int records = 10000;
        int serverRecords = 100000;
        int photos = 50;
        int photoBytes = 204800;
        int changed = 10;
        int resumePhotoBytes = 4 << 20; // the photo whose upload is cut half-way
    };

    explicit SyncBenchmark(Options options);

    CoreError run(QJsonObject *result);

private:
    CoreError runRecords(const QString &dir, QJsonObject *out);
    CoreError runLoad(const QString &dir, const QString &databaseUrl, const QString &prefix,
                      QJsonObject *out);
    CoreError editInspections(SyncDevice &device, const QStringList &ids, int first);
    // Sets `field` of each inspection to `text` (RecordWriter, one transaction).
    CoreError editField(SyncDevice &device, const QStringList &ids, const QString &field,
                        const QString &text);
    // B's edits reach the registry while A, offline, edits some of the same inspections (some the
    // same field); then A syncs and B syncs: the time until both hold the same rows (checked).
    CoreError offlineConverge(SyncDevice &a, SyncDevice &b, const QStringList &ids,
                              CountingProxy &proxy, QJsonObject *phases, QJsonObject *out);
    // The conflict records the registry lists for the device's user (a supervisor or admin).
    static int conflictCount(SyncDevice &device);
    CoreError writePhotos(SyncDevice &device, const QStringList &inspectionIds, int bytes,
                          quint32 seed, QStringList *shas);
    // One photo of `resumePhotoBytes` pushed while the proxy cuts its upload half-way, then the
    // next round: the bytes sent again and the photo wire overhead of both rounds.
    CoreError interruptedPhoto(SyncDevice &device, const QString &inspectionId,
                               CountingProxy &proxy, QJsonObject *phases, QJsonObject *out);

    Options m_options;
};
