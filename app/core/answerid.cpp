#include "answerid.h"

#include <QUuid>

QString AnswerId::of(const QString &inspectionId, const QString &questionId)
{
    // Fixed for good: every answer id ever made depends on it.
    static const QUuid space(QStringLiteral("7c5a6877-b51a-4ac7-9cf1-70413d6795d1"));
    // The inspection's id after its length, so that no two pairs of ids give one name.
    const QString name =
        QString::number(inspectionId.size()) + QLatin1Char(':') + inspectionId + questionId;
    return QUuid::createUuidV5(space, name).toString(QUuid::WithoutBraces);
}
