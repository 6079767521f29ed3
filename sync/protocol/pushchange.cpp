#include "pushchange.h"

QString PushChange::changeId(const QString &deviceId, qint64 seq)
{
    return deviceId + QLatin1Char(':') + QString::number(seq);
}

bool PushChange::isValidOp(const QString &op)
{
    return op == QLatin1String("insert") || op == QLatin1String("update") ||
           op == QLatin1String("delete");
}
