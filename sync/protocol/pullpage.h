#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>

// One row in a pull page: the row at its latest registry sequence (a tombstone when deleted).
class PulledRow
{
public:
    qint64 seq = 0;
    QString entity;
    QString rowId;
    bool deleted = false;
    QJsonObject row; // the row's travelling columns (last values kept for tombstones)
};

// The reply to GET /api/v1/pull?since=S&limit=N:
// {"protocol": 1, "changes": [{"seq", "entity", "row_id", "deleted", "row"}], "next", "more"}.
// `next` is the cursor to send as `since` next time; `more` says another page is waiting.
class PullPage
{
public:
    int protocol = 0;
    QList<PulledRow> changes;
    qint64 next = 0;
    bool more = false;

    QByteArray toJson() const;
    static PullPage fromJson(const QByteArray &json, QString *error);
};
