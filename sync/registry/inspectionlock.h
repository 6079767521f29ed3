#pragma once

#include "changemerger.h"
#include "principal.h"

#include <QString>

class PushChange;
class RegistryStore;

// The minutes of a submitted inspection are closed to the field (PROTOCOL.md, "A submitted
// inspection"): the app refuses to edit a submitted inspection, and the registry holds the same
// rule whatever a device sends. A change by an inspector or a local officer of a submitted
// inspection (its own fields, unless the change submits it too), of its answers or of its
// participants (moving one out to another inspection too) is refused with `inspection_submitted`
// unless it was made before the submission on the device that submitted it (an entry refused for
// another reason and sent again). So a teammate's late work (made on a version from before the
// submission) is refused, kept on that tablet for its user (who may give it up, still kept there)
// and listed for supervisors; and so is an edit made on the submitted version, which only an app
// that does not hold the rule would send. Supervisors and admins are not held.
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
    // Whether `device`'s change `changeSeq` was made before its change stored at registry
    // sequence `submissionSeq`. False on a storage error.
    bool madeBefore(qint64 submissionSeq, const QString &device, qint64 changeSeq, bool *before,
                    QString *error) const;
    // Who submitted inspection `id`. False on a storage error.
    bool submittedBy(const QString &id, Submission *submitted, QString *error) const;
    RegistryStore &m_store;
};
