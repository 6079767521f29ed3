#include "strictjson.h"

#include <QJsonDocument>
#include <QJsonParseError>

bool StrictJson::object(const QByteArray &json, QJsonObject *out, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = pe.error != QJsonParseError::NoError
                     ? QStringLiteral("JSON sai cú pháp: %1").arg(pe.errorString())
                     : QStringLiteral("nội dung phải là một đối tượng JSON");
        return false;
    }
    *out = doc.object();
    return true;
}

bool StrictJson::protocol(const QJsonObject &o, int *out, QString *error)
{
    const QJsonValue p = o.value(QLatin1String("protocol"));
    if (!p.isDouble() || p.toDouble() != double(p.toInt())) {
        *error = QStringLiteral("'protocol' phải là số nguyên");
        return false;
    }
    *out = p.toInt();
    return true;
}

bool StrictJson::onlyMembers(const QJsonObject &o, const QSet<QString> &known, QString *error)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key())) {
            *error = QStringLiteral("trường '%1' không được chấp nhận").arg(it.key().left(64));
            return false;
        }
    }
    return true;
}

bool StrictJson::isName(const QJsonValue &v, int maxLength)
{
    return v.isString() && isName(v.toString(), maxLength);
}

bool StrictJson::isName(const QString &text, int maxLength)
{
    return !text.isEmpty() && text.size() <= maxLength && !text.contains(QChar(0));
}

bool StrictJson::isCount(double d, double min)
{
    return d >= min && d <= maxSafeInteger && d == double(qint64(d));
}

bool StrictJson::isCount(const QJsonValue &v, double min)
{
    return v.isDouble() && isCount(v.toDouble(-1), min);
}
