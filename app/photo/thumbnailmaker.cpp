#include "thumbnailmaker.h"

#include <QBuffer>
#include <QImageReader>
#include <QImageWriter>
#include <QObject>
#include <QPainter>

CoreError ThumbnailMaker::make(const QByteArray &bytes, QImage *thumbnail) const
{
    QByteArray copy = bytes; // shares the data; QBuffer needs a non-const array
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(true);
    const QSize stored = reader.size();
    if (!stored.isValid() || stored.isEmpty())
        return {CoreError::Code::PhotoUnreadable,
                QObject::tr("Không mở được ảnh (%1). Hãy chọn ảnh khác hoặc chụp lại.")
                    .arg(reader.errorString())};
    // The scaled size is in stored orientation: the transform is applied after scaling.
    if (qMax(stored.width(), stored.height()) > m_longSide) {
        QSize target = stored.scaled(m_longSide, m_longSide, Qt::KeepAspectRatio);
        target = target.expandedTo(QSize(1, 1));
        reader.setScaledSize(target);
    }
    QImage image = reader.read();
    if (image.isNull())
        return {
            CoreError::Code::PhotoUnreadable,
            QObject::tr("Ảnh bị hỏng, không hiển thị được (%1). Hãy chọn ảnh khác hoặc chụp lại.")
                .arg(reader.errorString())};
    if (image.hasAlphaChannel()) {
        // JPEG has no transparency: put a PNG's transparent parts on white.
        QImage flat(image.size(), QImage::Format_RGB32);
        flat.fill(Qt::white);
        QPainter painter(&flat);
        painter.drawImage(0, 0, image);
        painter.end();
        image = std::move(flat);
    }
    *thumbnail = std::move(image);
    return {};
}

CoreError ThumbnailMaker::encode(const QImage &thumbnail, QByteArray *jpeg)
{
    jpeg->clear();
    QBuffer buffer(jpeg);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(kJpegQuality);
    writer.setOptimizedWrite(true);
    if (!writer.write(thumbnail))
        return {CoreError::Code::Io,
                QObject::tr("Không tạo được ảnh thu nhỏ: %1").arg(writer.errorString())};
    return {};
}
