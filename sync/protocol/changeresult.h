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
    QJsonObject toJson() const;
    static ChangeResult fromJson(const QJsonObject &o, QString *error);
};
