#pragma once

#include "changeresult.h"

#include <QByteArray>
#include <QList>

// The reply to POST /api/v1/push:
// {"protocol": 1, "server_seq": N, "results": [ChangeResult…]} — one result per change, same order.
class PushResult
{
public:
    int protocol = 0;
    qint64 serverSeq = 0; // the registry's newest sequence after the batch
    QList<ChangeResult> results;

    QByteArray toJson() const;
    static PushResult fromJson(const QByteArray &json, QString *error);
};
