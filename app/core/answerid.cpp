#include "answerid.h"

#include "uuid7.h"

#include <QUuid>

QString AnswerId::of(const QString &inspectionId, const QString &questionId)
{
    // Fixed for good: every answer id ever made depends on it.
    static const QUuid space(QStringLiteral("7c5a6877-b51a-4ac7-9cf1-70413d6795d1"));
    // The inspection's id after its length, so that no two pairs of ids give one name.
    const QString name =
        QString::number(inspectionId.size()) + QLatin1Char(':') + inspectionId + questionId;
    const QUuid hashed = QUuid::createUuidV5(space, name);
    if (!Uuid7::isValid(inspectionId))
        return hashed.toString(QUuid::WithoutBraces);
    QByteArray bytes = hashed.toRfc4122();
    const QByteArray time = QUuid::fromString(inspectionId).toRfc4122().left(6);
    bytes.replace(0, 6, time);
    bytes[6] = char((uchar(bytes[6]) & 0x0f) | 0x80); // version 8; the variant stays RFC 9562's
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}
