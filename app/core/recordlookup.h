#pragma once

#include <QSqlDatabase>
#include <QString>

// What a synced row is, in words its users know, read from the device's own copy: a cluster's
// name, an inspection's cluster and day, an answer's question and the inspection it belongs to.
// The sync page's conflicts and refused changes name a row only by its table and id, and a
// supervisor cannot choose between two values without knowing whose they are. A row this device
// does not hold (not pulled yet, or out of its user's scope) is not found.
class RecordLookup
{
public:
    struct Description {
        bool found = false;
        QString name;  // the row's own words: a name, a title, a question, what was observed
        QString place; // what it belongs to: a cluster, a template, a province; may be empty
        qint64 at =
            0;      // a time that tells it apart (an inspection's start), ms since epoch; 0: none
        QString on; // or a day (ISO yyyy-MM-dd); empty: none
    };

    explicit RecordLookup(QSqlDatabase db);

    // Deleted rows are found too (a conflict may be about a delete). A table not synced or not
    // known here, or an empty id, is not found.
    Description describe(const QString &table, const QString &rowId) const;
    // The table that `column` of `table` refers to ("cluster_id" -> "clusters"); empty when it
    // refers to none.
    static QString referencedTable(const QString &table, const QString &column);

    // The longest name kept whole; longer text (an observation, a question) is cut with "…".
    static constexpr int maxNameLength = 80;

private:
    QSqlDatabase m_db;
};
