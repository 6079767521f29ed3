#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

// One row of a pull page, unpacked: the row at its latest registry sequence (a tombstone when
// deleted). For tests and tools; the wire carries runs (PullRun).
class PulledRow
{
public:
    qint64 seq = 0;
    QString entity;
    QString rowId;
    bool deleted = false;
    QJsonObject row; // the row's travelling columns (last values kept for tombstones)
};

// Consecutive rows of one entity with one column list. Each row is the JSON array
// [seq, deleted 0|1, value of columns[0], value of columns[1], …].
class PullRun
{
public:
    QString entity;
    QList<QByteArray> columns; // column names (plain identifiers, "id" among them)
    QByteArray rows;           // the rows' JSON arrays, comma-separated: "[5,0,…],[6,1,…]"
    int rowCount = 0;
};

// The reply to GET /api/v1/pull?since=S&limit=N (protocol 2):
// {"protocol": 2, "next", "more", "last_seq"?, "epoch"?, "epoch_seq"?,
//  "runs": [{"entity", "columns", "rows"}]}.
// `next` is the cursor to send as `since` next time; `more` says another page is waiting;
// `last_seq`, the registry's latest sequence when the page was made, lets a device show how far
// its pull has come (optional: devices that do not know it ignore it).
class PullPage
{
public:
    int protocol = 0;
    qint64 next = 0;
    bool more = false;
    qint64 lastSeq = 0; // 0: not sent
    // The registry's epoch and the sequence it began at (empty: not sent); a backup restored
    // begins another epoch.
    QString epoch;
    qint64 epochSeq = 0;
    // The answer to POST /api/v1/discards when it covers only the first `handled` changes of the
    // request (their rows would have made it too large); -1, not sent: all of them.
    int handled = -1;
    QList<PullRun> runs;

    // Appends a row whose values are the members of `rowJson`, a flat JSON object (a record's
    // row_json), in the object's order; starts a new run when the entity or the columns change.
    // Returns false, appending nothing, when `rowJson` is not UTF-8.
    bool append(qint64 seq, const QString &entity, bool deleted, const QByteArray &rowJson);
    int rowCount() const;

    QByteArray toJson() const;
    static PullPage fromJson(const QByteArray &json, QString *error);
    // The rows of every run unpacked, in page order (id taken from the "id" column).
    QList<PulledRow> rows() const;
};
