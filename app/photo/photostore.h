#pragma once

#include "coreerror.h"

#include <QByteArray>
#include <QString>

// The photo files on the device, addressed by the SHA-256 of their content:
//   <root>/photos/ab/abcdef….jpg   originals, byte for byte as received, never changed
//   <root>/thumbs/ab/abcdef….jpg   upright JPEG thumbnails, made once, can be made again
//   <root>/photos/VERSION          the layout version (kLayoutVersion)
// A file is written to a temporary name, synced and renamed, so a crash leaves either no file or
// a whole one. Rows referring to the files live in the database (PhotoManager).
class PhotoStore
{
public:
    static constexpr int kLayoutVersion = 1;

    explicit PhotoStore(const QString &root);

    // Creates the directories and checks the layout version; a newer layout is refused.
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
    CoreError writeAtomically(const QString &path, const QByteArray &bytes, bool durable);

    QString m_root;
};
