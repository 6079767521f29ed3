#pragma once

#include "principal.h"
#include "pullpage.h"

#include <QString>
#include <QVariantList>

#include <functional>

class RegistryStore;

// RegistryStore's pull pages (PROTOCOL.md, Pull): the rows after a sequence that a principal may
// read, from the records table. RegistryStore::pull says what a page holds; it answers through
// this part.
class RegistryPull
{
public:
    explicit RegistryPull(const RegistryStore &store) : m_store(store) {}

    PullPage pull(const Principal &who, qint64 since, int limit, bool skipOwn,
                  QString *error) const;

    // On PostgreSQL a page's rows are read this many at a time.
    static constexpr int postgresChunkRows = 1000;

private:
    // A pull page's rows, in seq order, handed to `take` one by one until it answers Full; the
    // row text is null for a row the device holds as it is. NotUtf8: the text was not UTF-8 (the
    // reader offers it again as QtSql reads it). False with *why when the rows cannot be read.
    enum class Taken { Full, Yes, NotUtf8 };
    using RowTaker = std::function<Taken(qint64 seq, const QString &entity, bool deleted,
                                         const char *text, int size)>;
    bool pullRowsSqlite(const QString &sql, const QVariantList &binds, const RowTaker &take,
                        QString *why) const;
    // binds' last value is the LIMIT, binds[sinceAt] the seq the rows come after.
    bool pullRowsPostgres(const QString &sql, QVariantList binds, int sinceAt, const RowTaker &take,
                          QString *why) const;

    const RegistryStore &m_store;
};
