#pragma once

#include "coreerror.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

// Pulled rows that collide with another row on a natural key (a UNIQUE column set other than id,
// device schema 12): the registry may hold two answers to one question of an inspection, and a
// device cannot. On every device the row with the lower id holds the key; the other goes to
// displaced_rows, as it was, and out of its table. PullApplier asks only after a page failed on
// such a key, in the page's transaction (with sync_flags.applying set: nothing is an edit).
class DisplacedRows
{
public:
    explicit DisplacedRows(QSqlDatabase db);

    // The natural keys of `table`: the column lists of its UNIQUE indexes, but the primary key.
    QList<QStringList> keysOf(const QString &table);
    // Settles pulled row `row` (its columns by name, "id" among them; registry sequence `seq`)
    // against the rows the device holds and the rows of the page settled before it. `write`:
    // whether the row goes into its table; if not, it is kept in displaced_rows. A row of the
    // device or of the page that it displaces leaves its table (or `skip`, for the page's:
    // "entity/id") for displaced_rows.
    CoreError settle(const QString &table, const QJsonObject &row, qint64 seq, bool *write,
                     QSet<QString> *skip);

private:
    CoreError keep(const QString &table, const QJsonObject &row, qint64 version);

    struct Taken {
        QString id;
        QJsonObject row;
        qint64 seq = 0;
    };
    QSqlDatabase m_db;
    QHash<QString, QList<QStringList>> m_keys; // table -> natural keys
    QHash<QString, Taken> m_taken;             // table + key values -> the page's row holding it
};
