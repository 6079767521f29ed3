#pragma once

#include <QJsonObject>
#include <QString>

// One change as it travels in a push (an outbox entry on the device).
// Wire form: {"change_id", "entity", "row_id", "op", "base_seq", "fields"}.
class PushChange
{
public:
    QString changeId;   // chosen on the device, random; the idempotence key
    QString entity;     // synced table name, e.g. "inspections"
    QString rowId;      // the row's id (UUIDv7 text, chosen on the device)
    QString op;         // "insert" | "update" | "delete"
    qint64 baseSeq = 0; // registry sequence of the row version the device had (0 = none)
    QJsonObject fields; // insert: all travelling columns; update: changed ones; delete: deleted_at

    QJsonObject toJson() const;
    // Strict: unknown members, wrong types or empty ids give an error message (English, stable).
    static PushChange fromJson(const QJsonObject &o, QString *error);
    static bool isValidOp(const QString &op);
};
