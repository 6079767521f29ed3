#pragma once

#include <QJsonObject>
#include <QStringList>

// The registry's answer for one pushed change:
// {"change_id", "status", "seq"?, "conflict_ids"?, "code"?, "message"?}.
// status: "applied" | "duplicate" | "conflict" (all three mean stored) | "rejected" (not stored).
class ChangeResult
{
public:
    QString changeId;
    QString status;
    qint64 seq = 0; // the registry sequence the change was stored at (0 when not stored)
    QStringList conflictIds;
    QString code;    // for rejected
    QString message; // for rejected

    bool stored() const { return status != QLatin1String("rejected"); }
    QJsonObject toJson() const;
    static ChangeResult fromJson(const QJsonObject &o, QString *error);
};
