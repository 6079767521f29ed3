#pragma once

#include "coreerror.h"

#include <QJsonObject>
#include <QString>

// The peer baseline: ../shared/peers/pouchdb copied to a work directory, `npm ci` there, then
// `node bench.js --n N --m M --att-bytes B --no-gzip`; its one JSON object is returned as is.
class PouchDbPeer
{
public:
    struct Options {
        QString workDir;
        int records = 10000;
        int photos = 50;
        int photoBytes = 204800;
    };

    CoreError run(const Options &options, QJsonObject *result);
};
