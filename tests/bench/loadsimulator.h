#pragma once

#include "benchstats.h"
#include "coreerror.h"

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <QUrl>

// Many devices pushing at once to one registry, on loopback, bounded in count and time. Each
// simulated device logs in with its own device id, then sends its push batches one after the
// other (each the body the real client sends: PushBatch from an outbox, deflate-compressed);
// all devices run concurrently, each with its own QNetworkAccessManager (own connection).
// Errors: any HTTP error, timeout, malformed reply, or a change that was not stored.
class LoadSimulator
{
public:
    struct Options {
        QUrl server;
        QString workDir;
        int devices = 200;
        int pushesPerDevice = 5;
        int inspectionsPerPush = 1;
        int timeoutMs = 600000;
    };
    struct Result {
        int inspections = 0;
        int requests = 0;
        double wallMs = 0;
        BenchStats latency;
        int errors = 0;
        QStringList errorSamples;
    };

    explicit LoadSimulator(Options options);

    // Builds every device's push bodies from one outbox (not timed).
    CoreError prepare();
    CoreError run(Result *result);

private:
    struct Device {
        QString id;
        QString token;
        QList<QByteArray> bodies;
    };

    Options m_options;
    int m_schemaVersion = 0;
    QList<Device> m_devices;
};
