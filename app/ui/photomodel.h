#pragma once

#include "variantlistmodel.h"

class DomainLabels;
class PhotoManager;
class PhotoRecord;

// The photos of one inspection, optionally only those of one violation or one checklist question.
// Each row has file URLs of the original and the thumbnail, where and when it was taken.
class PhotoModel : public VariantListModel
{
    Q_OBJECT
    Q_PROPERTY(QString violationId READ violationId WRITE setViolationId NOTIFY violationIdChanged)
    Q_PROPERTY(QString questionId READ questionId WRITE setQuestionId NOTIFY questionIdChanged)
public:
    PhotoModel(PhotoManager *photos, DomainLabels *labels, QObject *parent = nullptr);

    void load(const QString &inspectionId);
    Q_INVOKABLE void reload();

    QString violationId() const { return m_violationId; }
    void setViolationId(const QString &id);
    QString questionId() const { return m_questionId; }
    void setQuestionId(const QString &id);

    // One photo row as the photo page shows it; empty when not found.
    QVariantMap describe(const PhotoRecord &p) const;

signals:
    void violationIdChanged();
    void questionIdChanged();

private:
    PhotoManager *m_photos;
    DomainLabels *m_labels;
    QString m_inspectionId;
    QString m_violationId;
    QString m_questionId;
};
