#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QString>

// What a strict reader of a request body checks (PushRequest, DiscardRequest): a JSON object, a
// `protocol` that is an integer, no member it does not know, names and counts of the right kind.
// Each check that fails says why in *error, in the registry's words.
class StrictJson
{
public:
    static constexpr double maxSafeInteger = 9007199254740991.0;

    // The body as an object.
    static bool object(const QByteArray &json, QJsonObject *out, QString *error);
    // Its `protocol`, an integer.
    static bool protocol(const QJsonObject &o, int *out, QString *error);
    // Every member of `o` is one of `known`.
    static bool onlyMembers(const QJsonObject &o, const QSet<QString> &known, QString *error);
    // A string of 1 to maxLength characters, none of them NUL (no registry's storage takes it in
    // a name; PostgreSQL's text takes it nowhere).
    static bool isName(const QJsonValue &v, int maxLength);
    static bool isName(const QString &text, int maxLength);
    // An integer from `min` to maxSafeInteger.
    static bool isCount(double d, double min);
    static bool isCount(const QJsonValue &v, double min);
};
