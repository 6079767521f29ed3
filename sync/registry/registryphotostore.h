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
    // makes the thumbnail. *received is what the registry holds afterwards.
    Append append(const QString &sha, qint64 offset, qint64 total, const QByteArray &chunk,
                  qint64 *received, QString *message);
    QString originalPath(const QString &sha) const;
    QString thumbnailPath(const QString &sha) const;

    static constexpr qint64 maxPhotoBytes = 64 * 1024 * 1024;
    static constexpr int thumbnailEdge = 320;

private:
    QString partialPath(const QString &sha) const;
    QString m_dir;
};
