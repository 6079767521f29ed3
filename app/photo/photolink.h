#pragma once

#include <QString>

// Where a photo belongs: a record (an inspection and/or a violation) and a slot in it (a checklist
// question, or none for the record's general photos). Storage is deduplicated by content; links are
// made per (record, slot), so the same picture may be linked to two records or two slots.
class PhotoLink
{
public:
    PhotoLink() = default;
    static PhotoLink forInspection(const QString &inspectionId, const QString &questionId = {})
    {
        PhotoLink l;
        l.inspectionId = inspectionId;
        l.questionId = questionId;
        return l;
    }
    static PhotoLink forViolation(const QString &violationId, const QString &inspectionId = {})
    {
        PhotoLink l;
        l.violationId = violationId;
        l.inspectionId = inspectionId;
        return l;
    }

    bool isValid() const { return !inspectionId.isEmpty() || !violationId.isEmpty(); }

    QString inspectionId;
    QString violationId;
    QString questionId;
    QString caption;
};
