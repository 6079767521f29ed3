#include "photomanager.h"

#include "contenthash.h"
#include "exifreader.h"
#include "imageinspector.h"
#include "transaction.h"

#include <QBuffer>
#include <QFile>
#include <QImageWriter>
#include <QLocale>
#include <QObject>
#include <QSqlError>
#include <QSqlQuery>

#include <thread>

namespace {

const QString kTable = QStringLiteral("photos");
const QString kColumns = QStringLiteral(
    "id, sha256, inspection_id, violation_id, question_id, caption, taken_at, lat, lon, "
    "accuracy_m, source, width, height, byte_size, mime");

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

// Never NULL: caption is NOT NULL DEFAULT ''.
QString nonNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QVariant numberOrNull(double v)
{
    return std::isfinite(v) ? QVariant(v) : QVariant();
}

double numberOrNaN(const QVariant &v)
{
    return v.isNull() ? qQNaN() : v.toDouble();
}

PhotoRecord recordFrom(const QSqlQuery &q)
{
    PhotoRecord r;
    r.id = q.value(0).toString();
    r.sha256 = q.value(1).toString();
    r.inspectionId = q.value(2).toString();
    r.violationId = q.value(3).toString();
    r.questionId = q.value(4).toString();
    r.caption = q.value(5).toString();
    r.takenAt = q.value(6).toLongLong();
    r.latitude = numberOrNaN(q.value(7));
    r.longitude = numberOrNaN(q.value(8));
    r.accuracyM = numberOrNaN(q.value(9));
    r.source = q.value(10).toString() == QLatin1String("camera") ? PhotoRecord::Source::Camera
                                                                 : PhotoRecord::Source::File;
    r.width = q.value(11).toInt();
    r.height = q.value(12).toInt();
    r.byteSize = q.value(13).toLongLong();
    r.mime = q.value(14).toString();
    return r;
}

CoreError sqlError(const QSqlQuery &q)
{
    return {CoreError::Code::Sql,
            QObject::tr("Không đọc được danh sách ảnh: %1").arg(q.lastError().text())};
}

QString megabytes(qint64 bytes)
{
    return QLocale(QLocale::Vietnamese).toString(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

} // namespace

PhotoManager::PhotoManager(QSqlDatabase db, const QString &rootDir)
    : m_db(db), m_store(rootDir), m_writer(db)
{
}

CoreError PhotoManager::open()
{
    return m_store.open();
}

CoreError PhotoManager::readFile(const QString &path, QByteArray *bytes) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {CoreError::Code::PhotoUnreadable,
                QObject::tr("Không mở được ảnh %1: %2").arg(path, file.errorString())};
    const qint64 size = file.size();
    if (size > m_maxBytes)
        return {CoreError::Code::PhotoTooLarge,
                QObject::tr(
                    "Ảnh quá lớn (%1 MB, tối đa %2 MB). Hãy chụp lại với độ phân giải thấp hơn.")
                    .arg(megabytes(size), megabytes(m_maxBytes))};
    if (size == 0)
        return {CoreError::Code::PhotoUnreadable,
                QObject::tr("Tệp %1 trống. Hãy chọn ảnh khác hoặc chụp lại.").arg(path)};
    *bytes = file.read(size);
    if (bytes->size() != size)
        return {CoreError::Code::Io,
                QObject::tr("Không đọc hết được ảnh %1: %2").arg(path, file.errorString())};
    return {};
}

CoreError PhotoManager::ingestFile(const QString &path, const PhotoLink &link,
                                   PhotoRecord::Source source, const PhotoFix &fix,
                                   PhotoIngestResult *result)
{
    if (!link.isValid())
        return {CoreError::Code::InvalidInput,
                QObject::tr("Ảnh phải gắn với một cuộc kiểm tra hoặc một vi phạm.")};
    QByteArray bytes;
    const CoreError read = readFile(path, &bytes);
    if (read.failed())
        return read;
    return ingestBytes(bytes, link, source, fix, result);
}

CoreError PhotoManager::ingestImage(const QImage &image, const PhotoLink &link, const PhotoFix &fix,
                                    PhotoIngestResult *result)
{
    if (image.isNull())
        return {CoreError::Code::PhotoUnreadable,
                QObject::tr("Máy ảnh không trả về hình. Hãy chụp lại.")};
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QImageWriter writer(&buffer, "jpeg");
        writer.setQuality(92);
        if (!writer.write(image))
            return {CoreError::Code::Io,
                    QObject::tr("Không lưu được ảnh vừa chụp: %1").arg(writer.errorString())};
    }
    return ingestBytes(bytes, link, PhotoRecord::Source::Camera, fix, result);
}

CoreError PhotoManager::ingestBytes(const QByteArray &bytes, const PhotoLink &link,
                                    PhotoRecord::Source source, const PhotoFix &fix,
                                    PhotoIngestResult *result)
{
    if (!link.isValid())
        return {CoreError::Code::InvalidInput,
                QObject::tr("Ảnh phải gắn với một cuộc kiểm tra hoặc một vi phạm.")};
    if (bytes.size() > m_maxBytes)
        return {CoreError::Code::PhotoTooLarge,
                QObject::tr(
                    "Ảnh quá lớn (%1 MB, tối đa %2 MB). Hãy chụp lại với độ phân giải thấp hơn.")
                    .arg(megabytes(bytes.size()), megabytes(m_maxBytes))};

    // 1. Decide from the bytes in memory; nothing is written for a refused photo.
    ImageFacts facts;
    const CoreError inspected = ImageInspector::inspect(bytes, &facts);
    if (inspected.failed())
        return inspected;
    const ExifInfo exif = facts.format == "jpeg" ? ExifReader::read(bytes) : ExifInfo();

    // Hash on a second thread while the thumbnail is decoded here: the two take about as long.
    // The thumbnail is made before the hash is known, so a duplicate costs a decode it throws
    // away; it is only written when the store has none (made once).
    QString sha;
    std::thread hasher([&bytes, &sha] { sha = ContentHash::sha256Of(bytes); });
    QImage thumbnail;
    QByteArray thumbnailJpeg;
    CoreError made = m_thumbnails.make(bytes, &thumbnail);
    hasher.join();
    if (made.failed())
        return made;
    const bool needThumbnail = !m_store.hasThumbnail(sha);
    if (needThumbnail) {
        made = ThumbnailMaker::encode(thumbnail, &thumbnailJpeg);
        if (made.failed())
            return made;
    }

    // 2. The files: the original durably first, then the thumbnail.
    const bool newContent = !m_store.hasOriginal(sha, facts.mime, bytes.size());
    CoreError written = m_store.writeOriginal(sha, facts.mime, bytes);
    if (written.ok() && !thumbnailJpeg.isEmpty())
        written = m_store.writeThumbnail(sha, thumbnailJpeg);
    if (written.failed())
        return written;

    // 3. The row.
    PhotoIngestResult out;
    out.newContent = newContent;
    PhotoRecord &r = out.record;
    r.sha256 = sha;
    r.inspectionId = link.inspectionId;
    r.violationId = link.violationId;
    r.questionId = link.questionId;
    r.caption = link.caption;
    r.source = source;
    r.width = facts.uprightSize.width();
    r.height = facts.uprightSize.height();
    r.byteSize = bytes.size();
    r.mime = facts.mime;

    out.warnings << exif.warnings;
    const QDateTime exifTime = exif.bestTime();
    if (source == PhotoRecord::Source::Camera) {
        if (fix.hasPosition()) {
            r.latitude = fix.latitude;
            r.longitude = fix.longitude;
            r.accuracyM =
                (std::isfinite(fix.accuracyM) && fix.accuracyM >= 0) ? fix.accuracyM : qQNaN();
        } else if (exif.hasPosition()) {
            r.latitude = exif.latitude;
            r.longitude = exif.longitude;
        } else {
            out.warnings << QObject::tr(
                "Chưa xác định được vị trí: ảnh đã lưu nhưng không có tọa độ.");
        }
        r.takenAt = fix.hasTime()        ? fix.timestampMs
                    : exifTime.isValid() ? exifTime.toMSecsSinceEpoch()
                                         : RecordWriter::now();
    } else {
        if (exif.status == ExifInfo::Status::Absent)
            out.warnings << QObject::tr(
                "Ảnh không có thông tin kèm theo (EXIF): không biết ảnh được chụp lúc nào, ở đâu.");
        if (exif.hasPosition()) {
            r.latitude = exif.latitude;
            r.longitude = exif.longitude;
        }
        r.takenAt = exifTime.isValid() ? exifTime.toMSecsSinceEpoch() : 0;
    }

    const CoreError row = writeRow(r, &out);
    if (row.failed())
        return row;
    if (result)
        *result = std::move(out);
    return {};
}

CoreError PhotoManager::writeRow(const PhotoRecord &r, PhotoIngestResult *result)
{
    Transaction tx(m_db);
    if (!tx.active())
        return tx.beginError();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM photos WHERE sha256 = ? AND inspection_id IS ? AND "
                             "violation_id IS ? AND question_id IS ? AND deleted_at IS NULL "
                             "ORDER BY created_at LIMIT 1")
                  .arg(kColumns));
    q.addBindValue(r.sha256);
    q.addBindValue(textOrNull(r.inspectionId));
    q.addBindValue(textOrNull(r.violationId));
    q.addBindValue(textOrNull(r.questionId));
    if (!q.exec())
        return sqlError(q);
    if (q.next()) {
        // Already linked to this slot (a double tap, a retried import): keep the one row.
        result->record = recordFrom(q);
        result->newLink = false;
        return {};
    }
    q.finish();

    QVariantMap values;
    values.insert(QStringLiteral("sha256"), r.sha256);
    values.insert(QStringLiteral("inspection_id"), textOrNull(r.inspectionId));
    values.insert(QStringLiteral("violation_id"), textOrNull(r.violationId));
    values.insert(QStringLiteral("question_id"), textOrNull(r.questionId));
    values.insert(QStringLiteral("caption"), nonNull(r.caption));
    values.insert(QStringLiteral("taken_at"), r.takenAt > 0 ? QVariant(r.takenAt) : QVariant());
    values.insert(QStringLiteral("lat"), numberOrNull(r.latitude));
    values.insert(QStringLiteral("lon"), numberOrNull(r.longitude));
    values.insert(QStringLiteral("accuracy_m"), numberOrNull(r.accuracyM));
    values.insert(QStringLiteral("source"), PhotoRecord::sourceName(r.source));
    values.insert(QStringLiteral("width"), r.width);
    values.insert(QStringLiteral("height"), r.height);
    values.insert(QStringLiteral("byte_size"), r.byteSize);
    values.insert(QStringLiteral("mime"), r.mime);
    QString id;
    const CoreError inserted = m_writer.insert(kTable, values, &id);
    if (inserted.failed())
        return inserted;
    const CoreError committed = tx.commit();
    if (committed.failed())
        return committed;
    result->record = r;
    result->record.id = id;
    result->newLink = true;
    return {};
}

CoreError PhotoManager::ensureThumbnail(const QString &sha256, const QString &mime)
{
    if (m_store.hasThumbnail(sha256))
        return {};
    QByteArray bytes;
    const CoreError read = readFile(m_store.originalPath(sha256, mime), &bytes);
    if (read.failed())
        return read;
    QImage thumbnail;
    QByteArray jpeg;
    CoreError made = m_thumbnails.make(bytes, &thumbnail);
    if (made.ok())
        made = ThumbnailMaker::encode(thumbnail, &jpeg);
    if (made.failed())
        return made;
    return m_store.writeThumbnail(sha256, jpeg);
}

QList<PhotoRecord> PhotoManager::select(const QString &where, const QVariantList &binds) const
{
    QList<PhotoRecord> list;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM photos WHERE %2 AND deleted_at IS NULL "
                             "ORDER BY created_at, id")
                  .arg(kColumns, where));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return list;
    while (q.next())
        list << recordFrom(q);
    return list;
}

QList<PhotoRecord> PhotoManager::photosForInspection(const QString &inspectionId) const
{
    return select(QStringLiteral("inspection_id = ?"), {inspectionId});
}

QList<PhotoRecord> PhotoManager::photosForViolation(const QString &violationId) const
{
    return select(QStringLiteral("violation_id = ?"), {violationId});
}

CoreError PhotoManager::photo(const QString &id, PhotoRecord *record) const
{
    const QList<PhotoRecord> rows = select(QStringLiteral("id = ?"), {id});
    if (rows.isEmpty())
        return {CoreError::Code::NotFound, QObject::tr("Ảnh không còn nữa.")};
    if (record)
        *record = rows.first();
    return {};
}

CoreError PhotoManager::setCaption(const QString &id, const QString &caption)
{
    return m_writer.update(kTable, id, {{QStringLiteral("caption"), nonNull(caption)}});
}

CoreError PhotoManager::remove(const QString &id)
{
    return m_writer.softDelete(kTable, id);
}
