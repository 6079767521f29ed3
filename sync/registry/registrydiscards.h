#pragma once

#include "discardrequest.h"
#include "principal.h"
#include "pullpage.h"

class RegistryStore;

// RegistryStore's answer to POST /api/v1/discards (PROTOCOL.md, Discards): the calling device
// gave up changes the registry refused. Each leaves the supervisors' list of refused changes
// (push_outcomes.discarded_at, registry schema 6; kept, not deleted), and the device gets the
// registry's version of the rows they were about, as a pull page brings rows, so that it shows
// what the registry holds. Rows the user may not read, and rows the registry does not hold (a
// refused new row), are not in it.
class RegistryDiscards
{
public:
    explicit RegistryDiscards(RegistryStore &store) : m_store(store) {}

    // One transaction. The page's rows are in seq order, `next` their highest seq (0 when none),
    // `more` false. The changes are taken in the request's order until the rows would take the
    // page past maxBytes (one row at least: a row can hold several 16 MiB texts): then `handled`
    // says how many were taken, and the device sends the rest again. Fails (empty page, *error)
    // only when the storage fails.
    PullPage discard(const Principal &who, const QList<DiscardRequest::Change> &changes,
                     QString *error, qsizetype maxBytes);

private:
    RegistryStore &m_store;
};
