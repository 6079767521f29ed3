#pragma once

#include "pushchange.h"

#include <QByteArray>
#include <QList>

// The body of POST /api/v1/push (PROTOCOL.md, Push):
// {"protocol": 2, "device_id": "…", "runs": [{"entity", "op", "columns": [...],
//   "changes": [[seq, row_id, base_seq, value…], …]}, …]}
// A run holds consecutive changes of one entity and op that carry the same columns, so a column
// name travels once per run, not once per change. Change seqs rise strictly through the body.
class PushRequest
{
public:
    int protocol = 0;
    QString deviceId;
    QList<PushChange> changes; // in outbox order

    QByteArray toJson() const;
    // Strict parse: malformed JSON, unknown members, wrong types, seqs not rising, or more than
    // ProtocolVersion::maxChangesPerPush changes give an error message and an empty request. A
    // body of another protocol version gives only its `protocol` (no error), so that the caller
    // can answer "please update".
    // A well-formed body of this version is read with simdjson; any other, and any text simdjson
    // does not read (half of a UTF-16 pair escaped, which Qt reads and SyncSchema::checkValue
    // then refuses as one change's invalid value), with fromJsonQt, which says what is wrong.
    static PushRequest fromJson(const QByteArray &json, QString *error);
    // The same parse with QJsonDocument only (what fromJson falls back to; tests compare them).
    static PushRequest fromJsonQt(const QByteArray &json, QString *error);
};
