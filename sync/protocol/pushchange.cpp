#include "pushchange.h"

#include <algorithm>

QString PushChange::changeId(const QString &deviceId, qint64 seq)
{
    return deviceId + QLatin1Char(':') + QString::number(seq);
}

qint64 PushChange::seqOf(const QString &changeId, const QString &deviceId)
{
    if (changeId.size() <= deviceId.size() + 1 || !changeId.startsWith(deviceId) ||
        changeId.at(deviceId.size()) != QLatin1Char(':'))
        return -1;
    const QStringView digits = QStringView(changeId).mid(deviceId.size() + 1);
    if (!std::all_of(digits.begin(), digits.end(), [](QChar c) { return c.isDigit(); }))
        return -1;
    bool ok = false;
    const qint64 seq = digits.toLongLong(&ok);
    return ok && seq > 0 ? seq : -1;
}

bool PushChange::isValidOp(const QString &op)
{
    return op == QLatin1String("insert") || op == QLatin1String("update") ||
           op == QLatin1String("delete");
}
