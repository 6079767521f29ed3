#include "searchindex.h"

#include "searchbacklog.h"
#include "textfolder.h"

#include <QSqlQuery>

namespace {
// An FTS5 query in which every word must appear: as a substring (trigram tokenizer), or as the
// start of a word (prefix index).
QString ftsQuery(const QStringList &words, bool prefix)
{
    QStringList parts;
    for (QString w : words) {
        w.replace(QLatin1Char('"'), QLatin1String("\"\""));
        parts << QLatin1Char('"') + w + QLatin1Char('"') +
                     (prefix ? QLatin1String("*") : QString());
    }
    return parts.join(QLatin1String(" AND "));
}

} // namespace

SearchIndex::SearchIndex(QSqlDatabase db) : m_db(std::move(db)) {}

QVariantList SearchIndex::search(const QString &text, int limitPerKind) const
{
    const QStringList words = TextFolder::fold(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return {};
    // A word of one or two letters is joined to its neighbour as a phrase ("cong ty co" ->
    // "cong", "ty co"), so one trigram query answers the keystroke. Only a query that is a single
    // short word ("d", "kh", "27") uses the word-prefix index.
    QStringList terms;
    QString pendingShort;
    for (const QString &w : words) {
        if (w.size() >= 3) {
            terms << (pendingShort.isEmpty() ? w : pendingShort + QLatin1Char(' ') + w);
            pendingShort.clear();
        } else if (!terms.isEmpty() && pendingShort.isEmpty()) {
            terms.last() += QLatin1Char(' ') + w;
        } else {
            pendingShort = pendingShort.isEmpty() ? w : pendingShort + QLatin1Char(' ') + w;
        }
    }
    if (!pendingShort.isEmpty()) {
        if (pendingShort.size() >= 3 || !terms.isEmpty())
            terms << pendingShort;
    }
    const bool prefixOnly = terms.isEmpty();

    struct Kind {
        const char *kind, *table, *title, *subtitle, *clusterId;
    };
    static const Kind kinds[] = {
        {"cluster", "clusters", "t.name", "t.code", "t.id"},
        {"tenant", "tenants", "t.name", "coalesce(t.tax_code, '')", "t.cluster_id"},
        {"inspection", "inspections", "t.search_text", "t.kind", "t.cluster_id"},
    };
    QVariantList out;
    for (const Kind &k : kinds) {
        QString sql = QStringLiteral("SELECT t.id, %1, %2, %3 FROM %4 t ")
                          .arg(QLatin1String(k.title), QLatin1String(k.subtitle),
                               QLatin1String(k.clusterId), QLatin1String(k.table));
        QVariantList binds;
        if (prefixOnly) {
            sql += QStringLiteral("JOIN %1_words w ON w.rowid = t.rowid AND %1_words MATCH ? ")
                       .arg(QLatin1String(k.table));
            binds << ftsQuery({pendingShort}, true);
        } else {
            sql += QStringLiteral("JOIN %1_fts f ON f.rowid = t.rowid AND %1_fts MATCH ? ")
                       .arg(QLatin1String(k.table));
            binds << ftsQuery(terms, false);
        }
        sql += QStringLiteral("WHERE t.deleted_at IS NULL LIMIT %1").arg(limitPerKind);
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        q.exec();
        while (q.next()) {
            out << QVariantMap{{QStringLiteral("kind"), QLatin1String(k.kind)},
                               {QStringLiteral("id"), q.value(0)},
                               {QStringLiteral("title"), q.value(1)},
                               {QStringLiteral("subtitle"), q.value(2)},
                               {QStringLiteral("cluster_id"), q.value(3)}};
        }
    }
    return out;
}

int SearchIndex::unindexed() const
{
    int n = 0;
    if (const CoreError e = SearchBacklog::count(m_db, &n); e.failed())
        qWarning("search: %s", qPrintable(e.message()));
    return n;
}
