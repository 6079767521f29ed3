#pragma once

#include "coreerror.h"

#include <QByteArray>
#include <QString>

// The photo files on the device, addressed by the SHA-256 of their content:
//   <root>/photos/ab/abcdef….jpg   originals, byte for byte as received, never changed
//   <root>/thumbs/ab/abcdef….jpg   upright JPEG thumbnails, made once, can be made again
//   <root>/photos/VERSION          the layout version (kLayoutVersion)
// A file is written to a temporary name, synced and renamed, so a crash leaves either no file or
// a whole one. Rows referring to the files live in the database (PhotoManager). The app's photos
// and the sync client's transfers (PhotoTransfer) both go through this class, so the two cannot
// disagree on where a file is.
//
// Layout 2: the sync client of layout 1 wrote the thumbnails it fetched flat, as
// <root>/thumbs/abcdef….jpg, where the app never looked; open() moves them into place. (Its
// originals fetched on demand also ignored a PNG's suffix, but nothing in the app asked for one.)
class PhotoStore
{
public:
    static constexpr int kLayoutVersion = 2;

    explicit PhotoStore(const QString &root);

    // Creates the directories and checks the layout version: an older layout is brought up to
    // this one, a newer layout is refused.
    CoreError open();

    QString root() const { return m_root; }
    QString originalPath(const QString &sha256,
                         const QString &mime = QStringLiteral("image/jpeg")) const;
    QString thumbnailPath(const QString &sha256) const;

    // True when the original is there with the expected size.
    bool hasOriginal(const QString &sha256, const QString &mime, qint64 byteSize) const;
    bool hasThumbnail(const QString &sha256) const;

    // Stores `bytes` as the original of `sha256` unless it is already there; synced to disk.
    CoreError writeOriginal(const QString &sha256, const QString &mime, const QByteArray &bytes);
    CoreError writeThumbnail(const QString &sha256, const QByteArray &jpeg);

    static QString suffixFor(const QString &mime);

private:
    // Layout 1 → 2: the flat thumbnails into their fan-out folders.
    CoreError moveFlatThumbnails();
    CoreError writeVersion();
    CoreError writeAtomically(const QString &path, const QByteArray &bytes, bool durable);

    QString m_root;
};
