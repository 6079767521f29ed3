#include "pullpragmas.h"

#include <QSqlError>
#include <QSqlQuery>

PullPragmas::PullPragmas(QSqlDatabase db) : m_db(std::move(db))
{
    m_foreignKeys = swap("foreign_keys", QStringLiteral("0"));
    m_synchronous = swap("synchronous", QStringLiteral("1")); // NORMAL
    // cache_size: pages when positive, KiB when negative.
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("PRAGMA cache_size")) && q.next()) {
        m_cacheSize = q.value(0).toString();
        const qint64 n = q.value(0).toLongLong();
        if ((n < 0 ? -n : n * 4) < cacheKiB) // 4 KiB pages at the least: never smaller
            q.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(cacheKiB));
        else
            m_cacheSize.clear();
    }
}

PullPragmas::~PullPragmas()
{
    QSqlQuery q(m_db);
    const QString values[] = {m_foreignKeys, m_synchronous, m_cacheSize};
    const char *pragmas[] = {"foreign_keys", "synchronous", "cache_size"};
    for (int i = 0; i < 3; ++i) {
        // Not silent: a connection left at synchronous=NORMAL would weaken the inspector's own
        // saves. A destructor cannot fail, so this is a warning in the log.
        if (!values[i].isEmpty() &&
            !q.exec(QStringLiteral("PRAGMA %1 = %2").arg(QLatin1String(pragmas[i]), values[i])))
            qWarning("pull: PRAGMA %s could not be set back to %s: %s", pragmas[i],
                     qPrintable(values[i]), qPrintable(q.lastError().text()));
    }
}

QString PullPragmas::swap(const char *pragma, const QString &value)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA %1").arg(QLatin1String(pragma))) || !q.next())
        return {};
    const QString was = q.value(0).toString();
    q.finish();
    // Setting a pragma such as foreign_keys makes SQLite prepare every statement of the
    // connection again, even to the value it has: a connection kept for pulls is left alone.
    if (was == value)
        return {};
    if (!q.exec(QStringLiteral("PRAGMA %1 = %2").arg(QLatin1String(pragma), value))) {
        qWarning("pull: PRAGMA %s = %s failed: %s", pragma, qPrintable(value),
                 qPrintable(q.lastError().text()));
        return {}; // nothing changed: nothing to put back
    }
    return was;
}
