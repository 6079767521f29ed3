#include "originalcache.h"

#include "photostore.h"
#include "syncerrors.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace {
CoreError failure(const QSqlQuery &q)
{
    return SyncErrors::make(SyncErrors::Kind::Local, q.lastError().text());
}
} // namespace

OriginalCache::OriginalCache(QSqlDatabase db, const PhotoStore &store)
    : m_db(std::move(db)), m_store(store)
{
}

CoreError OriginalCache::fetched(const QString &sha256, qint64 now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO photo_transfers(sha256, on_server, changed_at, original_fetched_at, "
        "original_used_at) VALUES (?, 1, ?, ?, ?) ON CONFLICT(sha256) DO UPDATE SET "
        "original_fetched_at = excluded.original_fetched_at, original_used_at = "
        "excluded.original_used_at"));
    q.addBindValue(sha256);
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(now);
    return q.exec() ? CoreError() : failure(q);
}

CoreError OriginalCache::used(const QString &sha256, qint64 now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE photo_transfers SET original_used_at = ? WHERE sha256 = ? AND "
                             "original_fetched_at IS NOT NULL"));
    q.addBindValue(now);
    q.addBindValue(sha256);
    return q.exec() ? CoreError() : failure(q);
}

CoreError OriginalCache::held(QList<Held> *out) const
{
    out->clear();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // The file's suffix follows the photo row's type, as the app keeps it (PhotoStore).
    if (!q.exec(QStringLiteral(
            "SELECT t.sha256, (SELECT mime FROM photos p WHERE p.sha256 = t.sha256 ORDER BY "
            "p.deleted_at IS NOT NULL LIMIT 1) FROM photo_transfers t WHERE "
            "t.original_fetched_at IS NOT NULL ORDER BY t.original_used_at DESC, t.sha256")))
        return failure(q);
    while (q.next()) {
        Held h;
        h.sha256 = q.value(0).toString();
        h.path = m_store.originalPath(h.sha256, q.value(1).toString()); // no row: a JPEG's
        const QFileInfo file(h.path);
        h.size = file.exists() ? file.size() : -1;
        *out << h;
    }
    return {};
}

qint64 OriginalCache::bytesUsed() const
{
    QList<Held> all;
    if (held(&all).failed())
        return 0;
    qint64 total = 0;
    for (const Held &h : all)
        total += qMax<qint64>(0, h.size);
    return total;
}

CoreError OriginalCache::trim(qint64 limit, const QString &keep, QStringList *removed)
{
    QList<Held> all;
    if (const CoreError e = held(&all); e.failed())
        return e;
    qint64 total = 0;
    for (const Held &h : all) {
        if (h.sha256 == keep)
            total += qMax<qint64>(0, h.size);
    }
    QSqlQuery unmark(m_db);
    unmark.prepare(QStringLiteral("UPDATE photo_transfers SET original_fetched_at = NULL, "
                                  "original_used_at = NULL WHERE sha256 = ?"));
    bool full = false; // from the first that does not fit on, all go (least recently used)
    for (const Held &h : all) {
        if (h.sha256 == keep)
            continue;
        full = full || (h.size >= 0 && total + h.size > limit);
        if (!full && h.size >= 0) {
            total += h.size;
            continue;
        }
        // The file first: a crash before the row's update leaves a marked row with no file,
        // which the next trim unmarks; the other order could leave a file nothing removes.
        if (h.size >= 0 && !QFile::remove(h.path) && QFileInfo::exists(h.path))
            return SyncErrors::make(SyncErrors::Kind::Local, h.path);
        unmark.bindValue(0, h.sha256);
        if (!unmark.exec())
            return failure(unmark);
        if (removed && h.size >= 0)
            *removed << h.sha256;
    }
    return {};
}
