#pragma once

#include "coreerror.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

// The one definition of what a row's search_text holds (folded by TextFolder), for the tables
// that search covers. search_text is device-only: it never travels, so whatever writes a row —
// the inspector, the demo loader, a pulled page — calls refresh() afterwards.
//   clusters:    name, code, investor, establishment decision, province, communes
//   tenants:     name, tax code, industry, cluster name
//   inspections: cluster name and code, inspector, participants, date, findings, conclusions
class SearchText
{
public:
    static bool covers(const QString &table);
    // Recomputes and stores the row's search_text (no outbox entry: search_text does not travel).
    // A row waiting in the SearchBacklog is taken out of it and indexed as new.
    static CoreError refresh(QSqlDatabase &db, const QString &table, const QString &id);
    // The same for many rows of one table, its statements prepared once.
    static CoreError refresh(QSqlDatabase &db, const QString &table, const QStringList &ids);
    // The full-text indexes of a table's search_text (trigram, then word prefixes; schemas 2 and
    // 4) and the triggers that keep them; none for a table that search does not cover.
    static QStringList indexesOf(const QString &table);
    static QStringList indexTriggersOf(const QString &table);
    // Rows inserted while the connection's triggers were off (a pulled page's new rows), in no
    // full-text index yet: their search_text is written and they enter the indexes, one statement
    // per index for all of them (FTS5 writes a segment per statement, and every statement after
    // an index took part in the transaction pays for it). A row already in the indexes must go
    // through refresh() instead: that one removes its old text from them.
    static CoreError indexNew(QSqlDatabase &db, const QString &table, const QStringList &ids);
    // The rows whose search_text shows values of these rows, by table: a cluster's name and code
    // are in the search_text of its tenants and inspections. Adds their ids to `out`.
    static CoreError rowsShowing(QSqlDatabase &db, const QString &table, const QStringList &ids,
                                 QHash<QString, QSet<QString>> *out);
};
