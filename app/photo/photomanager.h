#pragma once

#include "coreerror.h"
#include "photofix.h"
#include "photoingestresult.h"
#include "photolink.h"
#include "photorecord.h"
#include "photostore.h"
#include "recordwriter.h"
#include "thumbnailmaker.h"

#include <QImage>
#include <QList>
#include <QSqlDatabase>

// Owns the inspection photos: the files in a PhotoStore under the app's data directory and the
// rows of the photos table. Accepting a photo: read its bytes once (hash, EXIF, header), refuse
// it if it is not a whole JPEG/PNG or too large, make the thumbnail, store the original
// (synced), then write the row through RecordWriter. A crash leaves at most an orphan file,
// never a row without its file. Same content twice is stored once; each (record, slot) gets its
// own row, and linking the same content to the same slot again returns the existing row.
class PhotoManager
{
public:
    static constexpr qint64 kDefaultMaxBytes = 30 * 1024 * 1024;

    PhotoManager(QSqlDatabase db, const QString &rootDir);

    // Prepares the store (directories, layout version). Call once before anything else.
    CoreError open();

    qint64 maxBytes() const { return m_maxBytes; }
    void setMaxBytes(qint64 bytes) { m_maxBytes = bytes; }

    // A photo file. Source::File (imported): time and position from its EXIF, `fix` ignored.
    // Source::Camera (the camera wrote this file just now): position, accuracy and time from `fix`,
    // EXIF when the fix lacks them, the current time when both lack it.
    CoreError ingestFile(const QString &path, const PhotoLink &link,
                         PhotoRecord::Source source = PhotoRecord::Source::File,
                         const PhotoFix &fix = {}, PhotoIngestResult *result = nullptr);
    // A camera frame: encoded once as JPEG (quality 92), then stored as Source::Camera.
    CoreError ingestImage(const QImage &image, const PhotoLink &link, const PhotoFix &fix,
                          PhotoIngestResult *result = nullptr);
    // Bytes already in memory (what ingestFile() reads); e.g. a photo received by sync.
    CoreError ingestBytes(const QByteArray &bytes, const PhotoLink &link,
                          PhotoRecord::Source source, const PhotoFix &fix,
                          PhotoIngestResult *result = nullptr);

    QString originalPath(const QString &sha256,
                         const QString &mime = QStringLiteral("image/jpeg")) const
    {
        return m_store.originalPath(sha256, mime);
    }
    QString thumbnailPath(const QString &sha256) const { return m_store.thumbnailPath(sha256); }
    // Makes the thumbnail again when it is missing (e.g. after the cache was cleared).
    CoreError ensureThumbnail(const QString &sha256,
                              const QString &mime = QStringLiteral("image/jpeg"));

    // Rows not deleted, oldest first.
    QList<PhotoRecord> photosForInspection(const QString &inspectionId) const;
    QList<PhotoRecord> photosForViolation(const QString &violationId) const;
    CoreError photo(const QString &id, PhotoRecord *record) const;

    CoreError setCaption(const QString &id, const QString &caption);
    // Soft-deletes the row; the file stays (other rows may share it, sync may still need it).
    CoreError remove(const QString &id);

    const PhotoStore &store() const { return m_store; }

private:
    CoreError readFile(const QString &path, QByteArray *bytes) const;
    QList<PhotoRecord> select(const QString &where, const QVariantList &binds) const;
    CoreError writeRow(const PhotoRecord &record, PhotoIngestResult *result);

    QSqlDatabase m_db;
    PhotoStore m_store;
    RecordWriter m_writer;
    ThumbnailMaker m_thumbnails;
    qint64 m_maxBytes = kDefaultMaxBytes;
};
