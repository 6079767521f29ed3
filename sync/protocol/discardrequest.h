#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// The body of POST /api/v1/discards (PROTOCOL.md, Discards):
// {"protocol": 2, "changes": [{"change": seq, "entity": "…", "row_id": "…"}, …]}
// The changes of the calling device that the registry refused and its user gave up, each with
// the row it was about: the registry takes them off its list of refused changes and answers
// with its version of those rows.
class DiscardRequest
{
public:
    static constexpr int maxChanges = 500;

    struct Change {
        qint64 change = 0; // the device's outbox seq
        QString entity;
        QString rowId;
    };

    int protocol = 0;
    QList<Change> changes;

    QByteArray toJson() const;
    // Strict parse: malformed JSON, unknown members, wrong types, no changes or more than
    // maxChanges give an error message and an empty request. A body of another protocol version
    // gives only its `protocol` (no error), so that the caller can answer "please update".
    static DiscardRequest fromJson(const QByteArray &json, QString *error);
};
