#pragma once

#include "pushchange.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QSet>

// The merge rules of PROTOCOL.md as a pure function of (stored row, incoming change): no I/O, so
// the rules are tested table-driven and the store only persists the outcome.
class ChangeMerger
{
public:
    // The row as the registry has it. meta: {"field": [seq, "device"]} of each field's last write.
    // (Stored, a row whose fields were all written by one change, its insert, holds that stamp
    // once: {"*": [seq, "device"]}; metaOf() reads it.)
    struct Stored {
        bool exists = false;
        QJsonObject row;
        QJsonObject meta;
        qint64 seq = 0;
    };
    // A late change (numbered below a change of its device already stored, and never stored
    // itself: refused while it waited for another row and sent again, or an old request delayed
    // in the network): the fields of the row whose last write came from a change its device
    // numbered after it. Those keep their value; the device's own order of its edits decides.
    using NewerOwnFields = QSet<QString>;
    struct Conflict {
        QString kind;  // field | state | edit_vs_delete | delete_vs_edit
        QString field; // empty for edit_vs_delete / delete_vs_edit
        QJsonValue current;
        QJsonValue incoming;
        qint64 currentSeq = 0;
        QString currentDevice;
    };
    struct Outcome {
        QString rejectCode; // non-empty: not stored
        QString rejectMessage;
        QJsonObject row;           // the row after the change
        QStringList appliedFields; // fields whose value (and meta) the change wrote
        QList<Conflict> conflicts;
    };

    static Outcome merge(const Stored &stored, const PushChange &change, const QString &deviceId,
                         const NewerOwnFields &newerOwn = {});

    // A delete that would hide work another device did since the deleting device's version
    // (`seq`, `device`: that write's stamp): the row stays as stored, alive, and the delete is a
    // delete_vs_edit conflict record (resolved `incoming`, it deletes the row).
    static Outcome keptAlive(const Stored &stored, const PushChange &change, qint64 seq,
                             const QString &device);

    // Whether a row is a tombstone: its deleted_at is there and not null.
    static bool isTombstone(const QJsonObject &row);

    // One write's stamp as field_meta holds it, [seq, "device"] (an empty device and seq 0 for
    // anything else).
    struct Stamp {
        qint64 seq = 0;
        QString device;
    };
    static Stamp stampOf(const QJsonValue &stamp);

    // records.field_meta of a row one change wrote whole (registry schema 7): {"*": stamp}.
    static QByteArray oneStampMeta(const QJsonValue &stamp);
    // A row's meta as stored, field by field: the one stamp "*" stands for every field of `row`
    // but id (a field named in the text keeps its own stamp).
    static QJsonObject metaOf(const QJsonObject &stored, const QJsonObject &row);

    // Workflow state machines: violations.status and inspections.status.
    static bool isWorkflowField(const QString &entity, const QString &field);
    // Whether from -> to is a transition the machine allows (ViolationWorkflow for violations;
    // draft -> submitted for inspections).
    static bool isValidTransition(const QString &entity, const QString &field, const QString &from,
                                  const QString &to);
};
