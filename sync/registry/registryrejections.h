#pragma once

#include "coreerror.h"
#include "principal.h"

#include <QJsonArray>

class RegistryStore;

// RegistryStore's list of the changes it refused and that are still refused (push_outcomes,
// status rejected; a change stored at last leaves the list). A refusal for want of another row
// (`unknown_parent`, `unknown_row`) waits for the device that holds that row: the refused device
// retries for a week (SyncManager::waitLimitDays) and then asks its user to tell a supervisor; the
// supervisor reads here who is waiting, for which row, since when, and chases the other device.
// Supervisors see the refusals of their province's users, admins all, others none.
class RegistryRejections
{
public:
    explicit RegistryRejections(RegistryStore &store) : m_store(store) {}

    // [{device_id, device_name, user_id, username, change_seq, entity, row_id, op, code, message,
    //   waits_for_another_row, first_at, last_at, attempts, fields, fields_cut}], oldest first,
    // at most 1000. first_at and last_at are null for refusals stored before registry schema 5;
    // fields (the values the change carried, an object) for those stored before schema 9. A text
    // value longer than shownTextLength is cut to that many characters and "…" (fields_cut
    // true), and so is an array or object whose JSON is longer (listed as that JSON): the list is
    // for reading, and a device could have a thousand 16 MiB texts refused.
    // A read that fails gives an empty list and fills *error.
    QJsonArray rejections(const Principal &who, int *total, int limit, qsizetype maxBytes,
                          CoreError *error) const;
    static constexpr int shownTextLength = 1000;

private:
    RegistryStore &m_store;
};
