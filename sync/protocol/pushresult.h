#pragma once

#include "changeresult.h"

#include <QByteArray>
#include <QList>

// The reply to POST /api/v1/push: {"protocol": 2, "server_seq": N, "results": [ChangeResult…],
// "own": [[change, seq, n]…]}. `results` lists, in batch order, only the changes that were not
// simply applied (duplicates, conflicts, rejections): a change of the batch that is not listed was
// applied. `own` names the applied changes stored exactly as sent (ChangeResult::asSent), in runs:
// the change `change` and the n - 1 changes after it in the batch got the registry's seqs seq,
// seq + 1, … (PROTOCOL.md, Push).
class PushResult
{
public:
    int protocol = 0;
    qint64 serverSeq = 0; // the registry's newest sequence after the batch
    QList<ChangeResult> results;

    // The device reads the reply where it applies it (PushBatch::applyReply).
    QByteArray toJson() const;
};
