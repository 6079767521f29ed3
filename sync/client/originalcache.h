#pragma once

#include "coreerror.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

class PhotoStore;

// The originals this device fetched from the registry on demand (device schema 10,
// photo_transfers.original_fetched_at and original_used_at) are a cache: past a size limit the
// least recently shown are removed, and fetched again when asked for. Only fetched originals are
// ever removed; a photo taken or chosen on this tablet stays (its row is never marked), and so do
// originals fetched before schema 10 (not marked either).
class OriginalCache
{
public:
    // 1 GiB: some 250 photos of 4 MB.
    static constexpr qint64 kDefaultLimit = qint64(1) << 30;

    OriginalCache(QSqlDatabase db, const PhotoStore &store);

    // The original of `sha256` was fetched at `now` (ms since the epoch; the device's clock: only
    // the order matters) and is shown.
    CoreError fetched(const QString &sha256, qint64 now);
    // The app shows the original of `sha256` at `now`: it becomes the most recently used. Nothing
    // for an original this device did not fetch.
    CoreError used(const QString &sha256, qint64 now);
    // Removes the least recently used fetched originals, never `keep`, until those left take at
    // most `limit` bytes. `removed` gets the names of the removed ones. A marked original whose
    // file is gone (removed by hand, or a crash between removing the file and the row's update) is
    // unmarked.
    CoreError trim(qint64 limit, const QString &keep, QStringList *removed = nullptr);
    // The bytes the fetched originals on the device take.
    qint64 bytesUsed() const;

private:
    struct Held {
        QString sha256;
        QString path;
        qint64 size = 0;
    };
    // The marked originals, most recently used first.
    CoreError held(QList<Held> *out) const;

    QSqlDatabase m_db;
    const PhotoStore &m_store;
};
