#include "registryphotostore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QSaveFile>

RegistryPhotoStore::RegistryPhotoStore(const QString &dataDir)
    : m_dir(QDir(dataDir).filePath(QStringLiteral("photos")))
{
    QDir().mkpath(QDir(m_dir).filePath(QStringLiteral("partial")));
}

QString RegistryPhotoStore::originalPath(const QString &sha) const
{
    return QDir(m_dir).filePath(sha.left(2) + QLatin1Char('/') + sha);
}

QString RegistryPhotoStore::thumbnailPath(const QString &sha) const
{
    return originalPath(sha) + QStringLiteral(".thumb.jpg");
}

QString RegistryPhotoStore::partialPath(const QString &sha) const
{
    return QDir(m_dir).filePath(QStringLiteral("partial/") + sha);
}

RegistryPhotoStore::State RegistryPhotoStore::state(const QString &sha, qint64 *received) const
{
    const QFileInfo done(originalPath(sha));
    if (done.exists()) {
        *received = done.size();
        return State::Complete;
    }
    const QFileInfo part(partialPath(sha));
    *received = part.exists() ? part.size() : 0;
    return part.exists() && part.size() > 0 ? State::Partial : State::Missing;
}

RegistryPhotoStore::Append RegistryPhotoStore::append(const QString &sha, qint64 offset,
                                                      qint64 total, const QByteArray &chunk,
                                                      qint64 *received, QString *message)
{
    if (state(sha, received) == State::Complete)
        return Append::Complete;
    if (total <= 0 || total > maxPhotoBytes) {
        *message = QStringLiteral("X-CCN-Total-Size phải từ 1 đến %1 byte.").arg(maxPhotoBytes);
        return total > maxPhotoBytes ? Append::TooLarge : Append::Invalid;
    }
    if (*received > total) {
        // Longer than the photo it is to be: not a beginning of it (an upload that said another
        // size). Dropped, and the sender starts again from 0.
        QFile::remove(partialPath(sha));
        *received = 0;
        *message = QStringLiteral("Phần ảnh máy chủ đang giữ dài hơn X-CCN-Total-Size nên đã bị "
                                  "bỏ; hãy gửi lại ảnh từ đầu.");
        return Append::OffsetMismatch;
    }
    if (*received == total)
        return finish(sha, received, message); // whole, but not finished (stopped in between)
    if (offset != *received) {
        *message =
            QStringLiteral("Máy chủ đã có %1 byte của ảnh này; hãy gửi tiếp từ đó.").arg(*received);
        return Append::OffsetMismatch;
    }
    if (chunk.isEmpty() || offset + chunk.size() > total) {
        *message = QStringLiteral("Phần ảnh rỗng hoặc vượt quá X-CCN-Total-Size.");
        return Append::Invalid;
    }
    QFile part(partialPath(sha));
    if (!part.open(QIODevice::Append) || part.write(chunk) != chunk.size() || !part.flush()) {
        *message = part.errorString();
        return Append::IoError;
    }
    part.close();
    *received = offset + chunk.size();
    if (*received < total)
        return Append::Ok;
    return finish(sha, received, message);
}

RegistryPhotoStore::Append RegistryPhotoStore::finish(const QString &sha, qint64 *received,
                                                      QString *message)
{
    // Verify the content against its name before it becomes the photo.
    QFile part(partialPath(sha));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!part.open(QIODevice::ReadOnly) || !hash.addData(&part)) {
        *message = part.errorString();
        return Append::IoError;
    }
    part.close();
    if (QString::fromLatin1(hash.result().toHex()) != sha) {
        part.remove();
        *received = 0;
        *message = QStringLiteral("Dữ liệu tải lên không khớp SHA-256 %1 nên đã bị bỏ. Hãy gửi lại "
                                  "ảnh từ đầu.")
                       .arg(sha);
        return Append::HashMismatch;
    }
    QDir().mkpath(QFileInfo(originalPath(sha)).path());
    if (!part.rename(originalPath(sha))) {
        *message = part.errorString();
        return Append::IoError;
    }
    // A thumbnail that cannot be made now (not an image, the disk full) is tried again when it is
    // asked for (thumbnail()).
    makeThumbnail(sha);
    return Append::Complete;
}

bool RegistryPhotoStore::makeThumbnail(const QString &sha) const
{
    QImageReader reader(originalPath(sha));
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (!size.isValid())
        return false;
    QSize scaled = size;
    if (size.width() > thumbnailEdge || size.height() > thumbnailEdge)
        scaled = size.scaled(thumbnailEdge, thumbnailEdge, Qt::KeepAspectRatio);
    reader.setScaledSize(scaled);
    const QImage thumb = reader.read();
    // Written aside and renamed: a thumbnail is whole or absent, never cut short.
    QSaveFile out(thumbnailPath(sha));
    return !thumb.isNull() && out.open(QIODevice::WriteOnly) && thumb.save(&out, "JPEG", 80) &&
           out.commit();
}

QString RegistryPhotoStore::thumbnail(const QString &sha) const
{
    const QString path = thumbnailPath(sha);
    if (QFileInfo::exists(path) || (QFileInfo::exists(originalPath(sha)) && makeThumbnail(sha)))
        return path;
    return {};
}
