#pragma once

#include <QSqlDatabase>
#include <QVariantList>

// One keystroke's search over clusters, tenants and inspections, ignoring case and diacritics
// ("dong huong" finds "Đồng Hướng"). Words of three letters or more use the trigram indexes
// (schema 002); shorter queries match the start of words.
// Each hit: {kind: "cluster"|"tenant"|"inspection", id, cluster_id, title, subtitle}.
class SearchIndex
{
public:
    explicit SearchIndex(QSqlDatabase db);

    QVariantList search(const QString &text, int limitPerKind = 20) const;

private:
    QSqlDatabase m_db;
};
