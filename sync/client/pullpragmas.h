#pragma once

#include <QSqlDatabase>
#include <QString>

// The connection's settings while a pulled page is written (set before the page's transaction,
// as these pragmas must be, and put back as they were when it is destroyed):
// - foreign_keys off: a parent may arrive after its children (it was edited later) and the
//   user's scope may hide a parent; the registry owns referential integrity.
// - synchronous NORMAL: the page's commit does not wait for the disk. A power cut may lose the
//   last pages written, always together with their cursor (WAL keeps the database consistent);
//   the next round pulls them again. The inspector's own writes keep FULL (Database::open).
// - cache_size at least 32 MiB: a page of 10,000 rows dirties more than SQLite's default 2 MiB
//   holds, and a spilled page is written to the WAL again and read back.
// A pragma already at its value is not set (nor put back): a connection that only writes pulled
// pages (SyncWorker's) keeps these settings, and its prepared statements, for its lifetime.
class PullPragmas
{
public:
    static constexpr int cacheKiB = 32 * 1024;

    explicit PullPragmas(QSqlDatabase db);
    ~PullPragmas();
    PullPragmas(const PullPragmas &) = delete;
    PullPragmas &operator=(const PullPragmas &) = delete;

private:
    // The pragma's value now, then sets it to `value`; empty when it cannot be read or is `value`
    // already (nothing to put back).
    QString swap(const char *pragma, const QString &value);

    QSqlDatabase m_db;
    QString m_foreignKeys, m_synchronous, m_cacheSize;
};
