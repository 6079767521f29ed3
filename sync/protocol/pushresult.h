#pragma once

#include "changeresult.h"

#include <QByteArray>
#include <QList>

// The reply to POST /api/v1/push: {"protocol": 2, "server_seq": N, "results": [ChangeResult…]}.
// `results` lists, in batch order, only the changes that were not simply applied (duplicates,
// conflicts, rejections): a change of the batch that is not listed was applied.
class PushResult
{
public:
    int protocol = 0;
    qint64 serverSeq = 0; // the registry's newest sequence after the batch
    QList<ChangeResult> results;

    QByteArray toJson() const;
    static PushResult fromJson(const QByteArray &json, QString *error);
};
