#include "apirequest.h"

#include <cstring>

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonValue>
#include <QRegularExpression>

QByteArray ApiRequest::header(const QHttpServerRequest &r, const char *name)
{
    for (const auto &h : r.headers())
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

bool ApiRequest::isValidId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._:-]{1,128}$"));
    return re.match(id).hasMatch() && id != QLatin1String(".") && id != QLatin1String("..");
}

bool ApiRequest::parseStrict(const QByteArray &body, const QStringList &allowed, QJsonObject *out,
                             ApiReply *err)
{
    if (!body.isValidUtf8()) {
        *err = ApiReply::error(400, "invalid_utf8",
                               QStringLiteral("Nội dung gửi lên không phải văn bản UTF-8 hợp lệ. "
                                              "Hãy gửi lại bằng UTF-8."));
        return false;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *err = ApiReply::error(400, "malformed_json",
                               QStringLiteral("Nội dung gửi lên phải là một đối tượng JSON (%1). "
                                              "Hãy kiểm tra lại dữ liệu gửi.")
                                   .arg(pe.error != QJsonParseError::NoError
                                            ? pe.errorString()
                                            : QStringLiteral("không phải đối tượng")));
        return false;
    }
    *out = doc.object();
    for (auto it = out->begin(); it != out->end(); ++it) {
        if (!allowed.contains(it.key())) {
            *err = ApiReply::error(
                400, "unknown_field",
                QStringLiteral("Trường '%1' không được chấp nhận ở đây; hãy bỏ trường đó đi.")
                    .arg(it.key().left(64)));
            return false;
        }
    }
    return true;
}

bool ApiRequest::needString(const QJsonObject &o, const char *key, int maxLen, QString *out,
                            ApiReply *err, bool allowEmpty)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isString() || (!allowEmpty && v.toString().isEmpty()) || v.toString().size() > maxLen) {
        *err =
            ApiReply::error(400, "invalid_field",
                            QStringLiteral("'%1' phải là chuỗi dài từ 1 đến %2 ký tự; hãy sửa lại.")
                                .arg(QLatin1String(key))
                                .arg(maxLen));
        return false;
    }
    *out = v.toString();
    return true;
}

bool ApiRequest::hasNul(const QByteArray &json)
{
    if (json.contains('\0'))
        return true;
    const char *p = json.constData();
    const char *const end = p + json.size();
    while ((p = static_cast<const char *>(std::memchr(p, '\\', size_t(end - p))))) {
        const char *const run = p;
        while (p < end && *p == '\\')
            ++p;
        // An odd run ends in an escape; an even one is escaped backslashes.
        if ((p - run) % 2 == 1 && end - p >= 5 && std::memcmp(p, "u0000", 5) == 0)
            return true;
    }
    return false;
}

bool ApiRequest::parseInt(const QByteArray &text, qint64 min, qint64 max, qint64 *out)
{
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max)
        return false;
    *out = v;
    return true;
}
