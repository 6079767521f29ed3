#include "photostore.h"

#include "contenthash.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QSaveFile>
#include <QTemporaryFile>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace {

QString fanOut(const QString &sha256)
{
    return sha256.left(2);
}

// Makes a rename in `dir` survive a power cut (POSIX: the directory entry is data too).
void syncDirectory(const QString &dir)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(dir);
#endif
}

} // namespace

PhotoStore::PhotoStore(const QString &root) : m_root(QDir::cleanPath(root)) {}

QString PhotoStore::suffixFor(const QString &mime)
{
    return mime == QLatin1String("image/png") ? QStringLiteral("png") : QStringLiteral("jpg");
}

CoreError PhotoStore::open()
{
    QDir dir(m_root);
    if (!dir.mkpath(QStringLiteral("photos")) || !dir.mkpath(QStringLiteral("thumbs")))
        return {CoreError::Code::Io,
                QObject::tr("Không tạo được thư mục ảnh %1. Hãy kiểm tra máy còn chỗ trống.")
                    .arg(m_root)};
    const QString versionPath = dir.filePath(QStringLiteral("photos/VERSION"));
    QFile version(versionPath);
    if (!version.exists())
        return writeVersion();
    if (!version.open(QIODevice::ReadOnly))
        return {CoreError::Code::Io,
                QObject::tr("Không đọc được %1: %2").arg(versionPath, version.errorString())};
    bool ok = false;
    const int v = version.readAll().trimmed().toInt(&ok);
    if (!ok || v < 1)
        return {CoreError::Code::Io,
                QObject::tr("Thư mục ảnh %1 bị hỏng (không rõ cách sắp xếp).").arg(m_root)};
    if (v > kLayoutVersion)
        return {CoreError::Code::SchemaTooNew,
                QObject::tr(
                    "Ảnh được lưu bởi phiên bản ứng dụng mới hơn. Hãy cập nhật ứng dụng để xem.")};
    if (v == kLayoutVersion)
        return {};
    // Version 1: only the thumbnails moved. The version is written once they are all in place,
    // so a move cut short is done again at the next start.
    const CoreError moved = moveFlatThumbnails();
    return moved.failed() ? moved : writeVersion();
}

CoreError PhotoStore::moveFlatThumbnails()
{
    const QDir thumbs(m_root + QStringLiteral("/thumbs"));
    const QStringList flat = thumbs.entryList({QStringLiteral("*.jpg")}, QDir::Files);
    for (const QString &name : flat) {
        const QString sha = name.chopped(4);
        const QString from = thumbs.filePath(name);
        if (!ContentHash::isSha256(sha))
            continue; // not one of ours: left as it is
        const QString to = thumbnailPath(sha);
        // A thumbnail already in place was made from the original here: the flat copy goes.
        if (QFileInfo::exists(to) ? QFile::remove(from)
                                  : QDir().mkpath(QFileInfo(to).path()) && QFile::rename(from, to))
            continue;
        return {CoreError::Code::Io,
                QObject::tr("Không chuyển được ảnh thu nhỏ %1 vào %2. Hãy kiểm tra máy còn chỗ "
                            "trống và quyền ghi.")
                    .arg(from, to)};
    }
    return {};
}

CoreError PhotoStore::writeVersion()
{
    return writeAtomically(m_root + QStringLiteral("/photos/VERSION"),
                           QByteArray::number(kLayoutVersion) + '\n', true);
}

QString PhotoStore::originalPath(const QString &sha256, const QString &mime) const
{
    if (!ContentHash::isSha256(sha256))
        return {};
    return QStringLiteral("%1/photos/%2/%3.%4")
        .arg(m_root, fanOut(sha256), sha256, suffixFor(mime));
}

QString PhotoStore::thumbnailPath(const QString &sha256) const
{
    if (!ContentHash::isSha256(sha256))
        return {};
    return QStringLiteral("%1/thumbs/%2/%3.jpg").arg(m_root, fanOut(sha256), sha256);
}

bool PhotoStore::hasOriginal(const QString &sha256, const QString &mime, qint64 byteSize) const
{
    const QFileInfo fi(originalPath(sha256, mime));
    return ContentHash::isSha256(sha256) && fi.isFile() && fi.size() == byteSize;
}

bool PhotoStore::hasThumbnail(const QString &sha256) const
{
    const QFileInfo fi(thumbnailPath(sha256));
    return ContentHash::isSha256(sha256) && fi.isFile() && fi.size() > 0;
}

CoreError PhotoStore::writeOriginal(const QString &sha256, const QString &mime,
                                    const QByteArray &bytes)
{
    if (!ContentHash::isSha256(sha256))
        return {CoreError::Code::InvalidInput,
                QObject::tr("Không phải mã băm của ảnh: %1").arg(sha256)};
    if (hasOriginal(sha256, mime, bytes.size()))
        return {};
    return writeAtomically(originalPath(sha256, mime), bytes, true);
}

CoreError PhotoStore::writeThumbnail(const QString &sha256, const QByteArray &jpeg)
{
    if (!ContentHash::isSha256(sha256))
        return {CoreError::Code::InvalidInput,
                QObject::tr("Không phải mã băm của ảnh: %1").arg(sha256)};
    // A thumbnail can be made again from the original: no directory sync.
    return writeAtomically(thumbnailPath(sha256), jpeg, false);
}

CoreError PhotoStore::writeAtomically(const QString &path, const QByteArray &bytes, bool durable)
{
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir))
        return {CoreError::Code::Io,
                QObject::tr("Không tạo được thư mục %1. Hãy kiểm tra máy còn chỗ trống.").arg(dir)};
    if (durable) {
        // QSaveFile: a temporary file in the same folder, flushed, synced, renamed over `path`.
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {CoreError::Code::Io,
                    QObject::tr("Không lưu được tệp ảnh %1: %2").arg(path, file.errorString())};
        if (file.write(bytes) != bytes.size()) {
            const QString why = file.errorString();
            file.cancelWriting();
            return {CoreError::Code::Io,
                    QObject::tr("Không lưu được tệp ảnh %1 (%2). Hãy kiểm tra máy còn chỗ trống.")
                        .arg(path, why)};
        }
        if (!file.commit())
            return {CoreError::Code::Io,
                    QObject::tr("Không lưu được tệp ảnh %1 (%2). Hãy kiểm tra máy còn chỗ trống.")
                        .arg(path, file.errorString())};
        syncDirectory(dir);
        return {};
    }
    // A cache file (a thumbnail): whole or absent after a crash, but not synced.
    QTemporaryFile file(path + QStringLiteral(".XXXXXX"));
    if (!file.open() || file.write(bytes) != bytes.size() || !file.flush())
        return {CoreError::Code::Io,
                QObject::tr("Không lưu được tệp %1 (%2). Hãy kiểm tra máy còn chỗ trống.")
                    .arg(path, file.errorString())};
    file.close();
    // std::rename replaces an existing file atomically (POSIX); QFile::rename would refuse.
    if (std::rename(QFile::encodeName(file.fileName()).constData(),
                    QFile::encodeName(path).constData()) != 0)
        return {CoreError::Code::Io, QObject::tr("Không lưu được tệp %1.").arg(path)};
    file.setAutoRemove(false);
    return {};
}
