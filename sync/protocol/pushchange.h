#pragma once

#include <QJsonObject>
#include <QString>

// One change as it travels in a push (an outbox entry on the device). On the wire it is one row
// of a run (see PushRequest): [seq, row_id, base_seq, value…].
class PushChange
{
public:
    qint64 seq = 0;     // the device's outbox sequence: with the device id, the idempotence key
    QString entity;     // synced table name, e.g. "inspections"
    QString rowId;      // the row's id (UUIDv7 text, chosen on the device)
    QString op;         // "insert" | "update" | "delete"
    qint64 baseSeq = 0; // registry sequence the device had seen for the row (0 = none)
    QJsonObject fields; // insert: all travelling columns; update: changed ones; delete: deleted_at

    // The change's name in the registry's history and conflict records: "<device id>:<seq>".
    static QString changeId(const QString &deviceId, qint64 seq);
    // The seq of changeId(deviceId, seq); -1 when the name is not one of that device's changes
    // (another device's, a conflict resolution's, an import's).
    static qint64 seqOf(const QString &changeId, const QString &deviceId);
    static bool isValidOp(const QString &op);
};
