#pragma once

#include <QString>
#include <QStringList>

// A violation's follow-up: open -> remedying -> fixed_reported -> verified_fixed (steps may be
// skipped), any state before verified_fixed -> escalated, escalated -> verified_fixed. The one
// machine the app offers and the registry merges by (ChangeMerger): a verified violation is
// closed, and one referred up is closed when verified fixed.
class ViolationWorkflow
{
public:
    // Every status, in the order the machine goes through them.
    static const QStringList &statuses();
    // The statuses a violation in `status` may move to, in that order (empty when none).
    static QStringList next(const QString &status);
    static bool allows(const QString &from, const QString &to);
};
