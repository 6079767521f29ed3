#pragma once

#include <QJsonObject>
#include <QStringList>

// The registry's answer for one pushed change:
// {"change", "status", "seq"?, "conflict_ids"?, "code"?, "message"?}, `change` being the change's
// seq on the device. status: "applied" | "duplicate" | "conflict" (all three mean stored) |
// "rejected" (not stored). A push reply lists only the results that are not "applied".
class ChangeResult
{
public:
    qint64 change = 0; // the device's seq of the change
    QString status;
    qint64 seq = 0; // the registry sequence the change was stored at (0 when not stored)
    QStringList conflictIds;
    QString code;    // for rejected
    QString message; // for rejected
    // Stored exactly as the device sent it: the registry's row is the device's row at `seq`
    // (records.clean_device). Applied results travel in the reply's `own` (PushResult), not here.
    bool asSent = false;

    bool stored() const { return status != QLatin1String("rejected"); }
    // The rejection codes another row's arrival at the registry can lift: `unknown_parent` (the
    // cluster, inspection or tenant the row belongs to) and `unknown_row` (an edit of a row the
    // registry lacks). Both happen when the registry was restored from a backup and that row is
    // yet to be sent again by the device that holds it. The device sends such a change again by
    // itself (SyncManager); supervisors see it marked (RegistryRejections).
    static const QStringList &waitingCodes();
    static bool waitsForAnotherRow(const QString &code) { return waitingCodes().contains(code); }
    QJsonObject toJson() const;
    static ChangeResult fromJson(const QJsonObject &o, QString *error);
};
