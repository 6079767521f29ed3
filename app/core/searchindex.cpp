#include "searchindex.h"

#include "textfolder.h"

#include <QSqlQuery>

namespace {
// An FTS5 query in which every word must appear as a substring (trigram tokenizer).
QString ftsQuery(const QStringList &words)
{
    QStringList parts;
    for (QString w : words) {
        w.replace(QLatin1Char('"'), QLatin1String("\"\""));
        parts << QLatin1Char('"') + w + QLatin1Char('"');
    }
    return parts.join(QLatin1String(" AND "));
}

QString likeEscaped(QString w)
{
    return w.replace(QLatin1String("\\"), QLatin1String("\\\\"))
        .replace(QLatin1String("%"), QLatin1String("\\%"))
        .replace(QLatin1String("_"), QLatin1String("\\_"));
}
} // namespace

SearchIndex::SearchIndex(QSqlDatabase db) : m_db(std::move(db)) {}

QVariantList SearchIndex::search(const QString &text, int limitPerKind) const
{
    const QStringList words = TextFolder::fold(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return {};
    QStringList longWords, shortWords;
    for (const QString &w : words)
        (w.size() >= 3 ? longWords : shortWords) << w;

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
        if (!longWords.isEmpty()) {
            sql += QStringLiteral("JOIN %1_fts f ON f.rowid = t.rowid WHERE %1_fts MATCH ? ")
                       .arg(QLatin1String(k.table));
            binds << ftsQuery(longWords);
        } else {
            sql += QStringLiteral("WHERE 1 ");
        }
        for (const QString &w : shortWords) {
            sql += QStringLiteral(
                "AND (t.search_text LIKE ? ESCAPE '\\' OR t.search_text LIKE ? ESCAPE '\\') ");
            binds << likeEscaped(w) + QLatin1Char('%')
                  << QStringLiteral("% ") + likeEscaped(w) + QLatin1Char('%');
        }
        sql += QStringLiteral("AND t.deleted_at IS NULL LIMIT %1").arg(limitPerKind);
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
