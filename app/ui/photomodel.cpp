#include "photomodel.h"

#include "domainlabels.h"
#include "photomanager.h"

#include <QFileInfo>
#include <QUrl>
#include <cmath>

PhotoModel::PhotoModel(PhotoManager *photos, DomainLabels *labels, QObject *parent)
    : VariantListModel({"id", "sha256", "url", "thumbnailUrl", "hasOriginal", "hasThumbnail",
                        "questionId", "violationId", "caption", "takenText", "latitude",
                        "longitude", "accuracyM", "hasPosition", "positionText", "accuracyText",
                        "sourceLabel", "width", "height"},
                       parent),
      m_photos(photos), m_labels(labels)
{
}

void PhotoModel::load(const QString &inspectionId)
{
    m_inspectionId = inspectionId;
    reload();
}

void PhotoModel::setViolationId(const QString &id)
{
    if (id == m_violationId)
        return;
    m_violationId = id;
    reload();
    emit violationIdChanged();
}

void PhotoModel::setQuestionId(const QString &id)
{
    if (id == m_questionId)
        return;
    m_questionId = id;
    reload();
    emit questionIdChanged();
}

QVariantMap PhotoModel::describe(const PhotoRecord &p) const
{
    const bool hasPos = std::isfinite(p.latitude) && std::isfinite(p.longitude);
    // A photo taken on another device comes with its thumbnail; its original is fetched when
    // someone opens it (PhotoViewPage), and until then the thumbnail stands for it.
    const QString original = m_photos->originalPath(p.sha256, p.mime);
    const QString thumb = m_photos->thumbnailPath(p.sha256);
    const bool hasOriginal = QFileInfo::exists(original);
    const bool hasThumbnail = QFileInfo::exists(thumb);
    const QUrl thumbUrl = hasThumbnail  ? QUrl::fromLocalFile(thumb)
                          : hasOriginal ? QUrl::fromLocalFile(original)
                                        : QUrl();
    return {
        {QStringLiteral("id"), p.id},
        {QStringLiteral("sha256"), p.sha256},
        {QStringLiteral("url"), QUrl::fromLocalFile(original)},
        {QStringLiteral("thumbnailUrl"), thumbUrl},
        {QStringLiteral("hasOriginal"), hasOriginal},
        {QStringLiteral("hasThumbnail"), hasThumbnail},
        {QStringLiteral("questionId"), p.questionId},
        {QStringLiteral("violationId"), p.violationId},
        {QStringLiteral("caption"), p.caption},
        {QStringLiteral("takenText"), m_labels->dateTime(p.takenAt)},
        {QStringLiteral("latitude"), hasPos ? QVariant(p.latitude) : QVariant()},
        {QStringLiteral("longitude"), hasPos ? QVariant(p.longitude) : QVariant()},
        {QStringLiteral("accuracyM"),
         std::isfinite(p.accuracyM) ? QVariant(p.accuracyM) : QVariant()},
        {QStringLiteral("hasPosition"), hasPos},
        {QStringLiteral("positionText"),
         hasPos ? QStringLiteral("%1, %2").arg(m_labels->number(p.latitude, 6),
                                               m_labels->number(p.longitude, 6))
                : tr("Ảnh không có toạ độ")},
        {QStringLiteral("accuracyText"),
         std::isfinite(p.accuracyM) ? QStringLiteral("± %1 m").arg(m_labels->number(p.accuracyM, 0))
                                    : tr("không rõ")},
        {QStringLiteral("sourceLabel"),
         p.source == PhotoRecord::Source::Camera ? tr("Chụp bằng máy") : tr("Chọn từ tệp")},
        {QStringLiteral("width"), p.width},
        {QStringLiteral("height"), p.height},
    };
}

void PhotoModel::reload()
{
    QVariantList rows;
    if (!m_inspectionId.isEmpty() || !m_violationId.isEmpty()) {
        const QList<PhotoRecord> all = m_violationId.isEmpty()
                                           ? m_photos->photosForInspection(m_inspectionId)
                                           : m_photos->photosForViolation(m_violationId);
        for (const PhotoRecord &p : all) {
            if (!m_questionId.isEmpty() && p.questionId != m_questionId)
                continue;
            rows << describe(p);
        }
    }
    setRows(rows);
}
