#pragma once

#include "changemerger.h"
#include "principal.h"

#include <QString>

class PushChange;
class RegistryStore;

// The minutes of a submitted inspection are closed to the field (PROTOCOL.md, "A submitted
// inspection"): the app refuses to edit a submitted inspection, and the registry holds the same
// rule for what arrives late, from a teammate's tablet that had not yet heard of the submission.
// A change by an inspector or a local officer of a submitted inspection (its own fields, unless
// the change submits it too), of its answers or of its participants, when another device
// submitted it and the change was made on a version from before the submission (its base_seq is
// below the submission's sequence; a new row's always is), is refused with
// `inspection_submitted`: kept on that tablet for its user (who may give it up, still kept
// there), listed for supervisors. Supervisors and admins are not held.
class InspectionLock
{
public:
    explicit InspectionLock(RegistryStore &store) : m_store(store) {}

    // Who submitted an inspection: the device and registry sequence of its status's last write
    // (empty device: not submitted, or not stored).
    struct Submission {
        QString device;
        qint64 seq = 0;
    };

    // Why `change` (to `stored`, the row as it is; `proposed`, the row as the change would make
    // it) is refused, or empty when it is not. False on a storage error.
    bool refusal(const Principal &who, const PushChange &change, const ChangeMerger::Stored &stored,
                 const QJsonObject &proposed, QString *why, QString *error) const;

private:
    // Who submitted inspection `id`. False on a storage error.
    bool submittedBy(const QString &id, Submission *submitted, QString *error) const;
    RegistryStore &m_store;
};
