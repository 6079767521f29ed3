#include "registrypull.h"

#include "protocolversion.h"
#include "registrysql.h"
#include "registrystore.h"

#include <QSqlQuery>
#include <QVarLengthArray>

#include <sqlite3.h>

#include <cstring>

PullPage RegistryPull::pull(const Principal &who, qint64 since, int limit, bool skipOwn,
                            QString *error) const
{
    PullPage page;
    page.protocol = ProtocolVersion::current;
    page.next = since;
    QString filter;
    // A row this device holds as it is comes without its text (NULL), and is passed over.
    QString text = m_store.isPostgres() ? QStringLiteral("row_json")
                                        : QStringLiteral("CAST(row_json AS BLOB)");
    QVariantList binds;
    if (skipOwn) {
        text = QStringLiteral("CASE WHEN clean_device = ? THEN NULL ELSE %1 END").arg(text);
        binds << who.deviceId;
    }
    const int sinceAt = int(binds.size());
    binds << since;
    if (!who.isAdmin()) {
        // A commune's clusters left out for a failed read would be passed over for good: the
        // cursor moves on.
        QString scopeError;
        const auto set = m_store.m_scope.clusterSet(who, &scopeError);
        if (!scopeError.isEmpty()) {
            if (error)
                *error = scopeError;
            return page;
        }
        filter = QStringLiteral(" AND (province_id IS NULL OR (province_id = ?");
        binds << who.provinceId;
        if (set) {
            for (const QString &c : *set)
                binds << c;
            filter += set->isEmpty() ? QStringLiteral(" AND 1 = 0")
                                     : QStringLiteral(" AND cluster_id IN (%1)")
                                           .arg(RegistrySql::marks(set->size()));
        }
        filter += QStringLiteral("))");
    }
    // Rows left out cost the page little: it may pass over up to ten times `limit` of them (after
    // a big push, the device's own rows), so that few requests carry nothing.
    const int scanLimit = skipOwn ? limit * 10 : limit;
    binds << scanLimit + 1;
    // Rows in seq order from the seq index, the scope checked row by row: left to itself SQLite
    // takes the scope's OR through records_province_seq and sorts everything after `since` for
    // every page.
    const QString sql =
        QStringLiteral("SELECT seq, entity, deleted, %1 FROM records%2 WHERE seq > ?%3 "
                       "ORDER BY seq LIMIT ?")
            .arg(text, m_store.isPostgres() ? QString() : QStringLiteral(" INDEXED BY records_seq"),
                 filter);
    int rows = 0, scanned = 0;
    qint64 bytes = 0;
    // Each row: its text copied value by value into the page (no JSON objects built).
    const auto take = [&](qint64 seq, const QString &entity, bool deleted, const char *rowText,
                          int size) {
        if (rows == limit || scanned == scanLimit ||
            bytes >= ProtocolVersion::maxPullPageRowBytes) {
            page.more = true;
            return Taken::Full;
        }
        if (rowText) {
            if (!page.append(seq, entity, deleted, QByteArray::fromRawData(rowText, size)))
                return Taken::NotUtf8;
            ++rows;
            bytes += size;
        }
        page.next = seq;
        ++scanned;
        return Taken::Yes;
    };
    QString why;
    if (m_store.m_sqlite)
        pullRowsSqlite(sql, binds, take, &why);
    else
        pullRowsPostgres(sql, binds, sinceAt, take, &why);
    if (!why.isEmpty()) {
        // Nothing of a page that could not be read whole: the device asks again.
        if (error)
            *error = why;
        PullPage none;
        none.protocol = page.protocol;
        none.next = since;
        return none;
    }
    return page;
}

bool RegistryPull::pullRowsSqlite(const QString &sql, const QVariantList &binds,
                                  const RowTaker &take, QString *why) const
{
    // Stepped through SQLite's own API: the row text is read where SQLite holds it, and an
    // entity's name is made a QString once per run of rows.
    sqlite3_stmt *st = m_store.m_sqliteStatements.prepare(sql);
    if (!st) {
        *why = m_store.m_sqliteStatements.lastError();
        return false;
    }
    QVarLengthArray<QByteArray, 16> utf8; // bound texts, kept until the rows are read
    for (int i = 0; i < binds.size(); ++i) {
        if (RegistrySql::bindVariant(st, i + 1, binds.at(i), &utf8) != SQLITE_OK) {
            *why = m_store.m_sqliteStatements.lastError();
            sqlite3_clear_bindings(st);
            return false;
        }
    }
    QByteArray entityUtf8;
    QString entity;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const auto *name = reinterpret_cast<const char *>(sqlite3_column_text(st, 1));
        const int nameSize = sqlite3_column_bytes(st, 1);
        if (entityUtf8.size() != nameSize ||
            std::memcmp(entityUtf8.constData(), name, size_t(nameSize)) != 0) {
            entityUtf8 = QByteArray(name, nameSize);
            entity = QString::fromUtf8(entityUtf8);
        }
        const bool null = sqlite3_column_type(st, 3) == SQLITE_NULL;
        const auto *text = static_cast<const char *>(sqlite3_column_blob(st, 3));
        const int size = sqlite3_column_bytes(st, 3);
        const qint64 seq = sqlite3_column_int64(st, 0);
        const bool deleted = sqlite3_column_int(st, 2) != 0;
        Taken taken = take(seq, entity, deleted, null ? nullptr : (text ? text : ""), size);
        if (taken == Taken::NotUtf8) {
            // Text an old registry stored that is not UTF-8 (half of a UTF-16 pair): read as
            // QtSql reads it (SQLite's UTF-16, a broken character as U+FFFD), as the merge reads
            // the row, so the device gets what the registry holds.
            const auto *utf16 = static_cast<const char16_t *>(sqlite3_column_text16(st, 3));
            const QByteArray utf8 =
                QString::fromUtf16(utf16, sqlite3_column_bytes16(st, 3) / 2).toUtf8();
            taken = take(seq, entity, deleted, utf8.constData(), int(utf8.size()));
            if (taken == Taken::NotUtf8) { // cannot be: Qt writes UTF-8
                *why = QStringLiteral("row %1 cannot be read as text").arg(seq);
                break;
            }
        }
        if (taken == Taken::Full)
            break;
    }
    if (why->isEmpty() && rc != SQLITE_ROW && rc != SQLITE_DONE)
        *why = m_store.m_sqliteStatements.lastError();
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return why->isEmpty();
}

bool RegistryPull::pullRowsPostgres(const QString &sql, QVariantList binds, int sinceAt,
                                    const RowTaker &take, QString *why) const
{
    // QPSQL reads a whole result at once (faster there than its row-by-row mode), and the page
    // stops at maxPullPageRowBytes: read in chunks, so that a page of long rows does not read
    // up to ten times `limit` of them (tens or hundreds of MB) to send 8 MiB.
    qint64 left = binds.constLast().toLongLong();
    for (;;) {
        const qint64 chunk = qMin(left, qint64(postgresChunkRows));
        binds.last() = chunk;
        QSqlQuery q(m_store.connection());
        if (!RegistrySql::run(q, sql, binds, why))
            return false;
        qint64 read = 0;
        while (q.next()) {
            ++read;
            const QVariant text = q.value(3);
            const QByteArray utf8 = text.isNull() ? QByteArray() : text.toString().toUtf8();
            const qint64 seq = q.value(0).toLongLong();
            const Taken taken = take(seq, q.value(1).toString(), q.value(2).toInt() != 0,
                                     text.isNull() ? nullptr : utf8.constData(), int(utf8.size()));
            if (taken == Taken::NotUtf8) { // cannot be: Qt writes UTF-8
                *why = QStringLiteral("row %1 cannot be read as text").arg(seq);
                return false;
            }
            if (taken == Taken::Full)
                return true;
            binds[sinceAt] = seq;
        }
        left -= read;
        if (read < chunk || left <= 0)
            return true;
    }
}
