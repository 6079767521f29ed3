#pragma once

#include "coreerror.h"

#include <QByteArray>
#include <QString>

// Photo bytes on disk, content-addressed: DIR/photos/ab/<sha256> (original),
// DIR/photos/ab/<sha256>.thumb.jpg (made on arrival), DIR/photos/partial/<sha256> (an upload in
// progress, resumable at its size). Records about photos live in RegistryStore.
class RegistryPhotoStore
{
public:
    enum class State { Missing, Partial, Complete };
    enum class Append { Ok, Complete, OffsetMismatch, HashMismatch, TooLarge, Invalid, IoError };

    explicit RegistryPhotoStore(const QString &dataDir);

    State state(const QString &sha, qint64 *received) const;
    // Appends a chunk at offset; on the last chunk verifies the SHA-256, discards a mismatch and
    // makes the thumbnail. *received is what the registry holds afterwards. An upload held whole
    // but not finished (the registry stopped between its last chunk and its check) is finished
    // by the next call, whatever its chunk; one held longer than `total` is dropped
    // (OffsetMismatch at 0).
    Append append(const QString &sha, qint64 offset, qint64 total, const QByteArray &chunk,
                  qint64 *received, QString *message);
    QString originalPath(const QString &sha) const;
    // The thumbnail's file, made now if the photo is held and its thumbnail is not (made on
    // arrival, unless that failed); empty when the photo is not held or is no image.
    QString thumbnail(const QString &sha) const;

    static constexpr qint64 maxPhotoBytes = 64 * 1024 * 1024;
    static constexpr int thumbnailEdge = 320;

private:
    QString partialPath(const QString &sha) const;
    QString thumbnailPath(const QString &sha) const;
    // The whole upload checked against its name and made the photo, with its thumbnail.
    Append finish(const QString &sha, qint64 *received, QString *message);
    bool makeThumbnail(const QString &sha) const;
    QString m_dir;
};
