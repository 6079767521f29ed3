#pragma once

#include "coreerror.h"
#include "nationaldataset.h"

#include <QJsonObject>
#include <QString>

// `ccn-bench local`: a national-scale device database, then
//   save    InspectionManager::saveBundle (one complete inspection per transaction) against the
//           same inserts through the sqlite3 C API (RawBundleWriter), interleaved, same file;
//   search  SearchIndex::search, one keystroke at a time over realistic typed prefixes;
//   start   the app to its first frame (offscreen) against an empty Qt Quick window;
//   photo   PhotoManager::ingestFile of a real photo against one QImageReader decode.
class LocalBenchmark
{
public:
    struct Options {
        QString workDir;    // where the database goes (a temporary directory by default)
        double scale = 1.0; // fraction of the national scale (for quick trial runs)
        int saves = 1000;
        int queries = 200;
        int startRuns = 7;
        int photoRuns = 20;
        QString appProgram; // ccn-inspect; empty: found beside this program's build
        QString emptyWindowProgram;
        // Build the national database at this path and keep it (else in a temporary directory).
        QString keepDatabase;
        // Time only the start-up against this existing national database (no build, no other
        // step; the file is not changed: the app runs on a copy).
        QString startOnlyDatabase;
        quint64 seed = 20250701;
    };

    explicit LocalBenchmark(Options options);

    CoreError run(QJsonObject *result);

private:
    CoreError runSave(const QString &path, QJsonObject *result);
    CoreError runSearch(const QString &path, QJsonObject *result);
    CoreError runStart(const QString &path, QJsonObject *result);
    CoreError runPhoto(const QString &path, QJsonObject *result);
    QStringList searchQueries() const;

    Options m_options;
    NationalDataset m_dataset;
    QStringList m_savedInspections;
};
