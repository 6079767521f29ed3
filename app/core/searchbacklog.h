#pragma once

#include "coreerror.h"

#include <QSqlDatabase>
#include <QStringList>

// Rows a pulled page wrote that search does not find yet (device schema 7, search_backlog):
// their search_text is not computed and they are in no full-text index. A fresh tablet's first
// pull writes thousands of inspections; indexing them with their pages took a quarter of the
// pull, so the sync worker indexes them after the round instead, a chunk at a time
// (indexSome), and the search page says how many are still waiting.
// Only tenants and inspections wait here: the cluster list sorts and filters by clusters'
// search_text, so clusters are indexed with their page.
// A row in the backlog is in no full-text index: SearchText::refresh takes it out (take) and
// indexes it as new. Nothing else may put such a row in an index (an FTS 'rebuild' would index
// it twice: empty the backlog first).
class SearchBacklog
{
public:
    static bool defers(const QString &table);
    // The rows (ids of `table`, just inserted with the connection's triggers off) wait.
    static CoreError add(QSqlDatabase &db, const QString &table, const QStringList &ids);
    // Of `ids`, those waiting are removed from the backlog and returned in `taken`.
    static CoreError take(QSqlDatabase &db, const QString &table, const QStringList &ids,
                          QStringList *taken);
    // Indexes up to `limit` waiting rows and removes them, in one transaction; `left` is the
    // number still waiting after it.
    static CoreError indexSome(QSqlDatabase &db, int limit, int *left);
    static CoreError count(const QSqlDatabase &db, int *count);
};
