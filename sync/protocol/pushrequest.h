#pragma once

#include "pushchange.h"

#include <QByteArray>
#include <QList>

// The body of POST /api/v1/push: {"protocol": 1, "device_id": "…", "changes": [PushChange…]}.
class PushRequest
{
public:
    int protocol = 0;
    QString deviceId;
    QList<PushChange> changes;

    QByteArray toJson() const;
    // Strict parse: malformed JSON, unknown members, wrong types, more than
    // ProtocolVersion::maxChangesPerPush changes give an error message and an empty request.
    static PushRequest fromJson(const QByteArray &json, QString *error);
};
