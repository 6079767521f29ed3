#pragma once

#include "apireply.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

class QHttpServerRequest;

// Reading what a client sent to the registry's API strictly: a bad header, body or member gets a
// 4xx ApiReply that says what to send instead, never a guess.
class ApiRequest
{
public:
    // A request header by name, case-insensitively; empty when absent.
    static QByteArray header(const QHttpServerRequest &r, const char *name);
    // An id that may stand in a path or a file name: letters, digits and . _ : -, 1-128 long, not
    // "." or "..".
    static bool isValidId(const QString &id);
    // A JSON object in valid UTF-8 with only the allowed members; else *err says which rule broke.
    static bool parseStrict(const QByteArray &body, const QStringList &allowed, QJsonObject *out,
                            ApiReply *err);
    // Member `key` as a string of 1 (0 with allowEmpty) to maxLen characters.
    static bool needString(const QJsonObject &o, const char *key, int maxLen, QString *out,
                           ApiReply *err, bool allowEmpty = false);
    // Whether a JSON text holds a NUL character, as a byte (which Qt's reader takes inside a
    // string) or as the escape \u0000: no text of the registry's may hold one (PostgreSQL's
    // cannot). An escaped backslash before "u0000" is text.
    static bool hasNul(const QByteArray &json);
    // A decimal integer within [min, max] (header values, query parameters).
    static bool parseInt(const QByteArray &text, qint64 min, qint64 max, qint64 *out);
};
