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
    static CoreError refresh(QSqlDatabase &db, const QString &table, const QString &id);
    // The same for many rows of one table, its statements prepared once.
    static CoreError refresh(QSqlDatabase &db, const QString &table, const QStringList &ids);
    // The rows whose search_text shows values of these rows, by table: a cluster's name and code
    // are in the search_text of its tenants and inspections. Adds their ids to `out`.
    static CoreError rowsShowing(QSqlDatabase &db, const QString &table, const QStringList &ids,
                                 QHash<QString, QSet<QString>> *out);
};
