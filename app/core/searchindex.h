#pragma once

#include <QSqlDatabase>
#include <QVariantList>

// One keystroke's search over clusters, tenants and inspections, ignoring case and diacritics
// ("dong huong" finds "Đồng Hướng"). Words of three letters or more use the trigram indexes
// (schema 2); shorter words match the start of words through the prefix indexes (schema 4).
// Each hit: {kind: "cluster"|"tenant"|"inspection", id, cluster_id, title, subtitle}.
class SearchIndex
{
public:
    explicit SearchIndex(QSqlDatabase db);

    QVariantList search(const QString &text, int limitPerKind = 20) const;
    // Pulled rows that search does not find yet (SearchBacklog); 0 when that cannot be read.
    int unindexed() const;

private:
    QSqlDatabase m_db;
};
