#include "compactjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QVariant>

#include <cmath>

QByteArray CompactJson::object(const QJsonObject &o)
{
    QByteArray out;
    out.reserve(64 * o.size() + 2);
    out += '{';
    QJsonValue previous;
    qsizetype previousFrom = 0, previousSize = 0;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (out.size() > 1)
            out += ',';
        appendString(&out, it.key());
        out += ':';
        const QJsonValue v = it.value();
        if (v.isArray() && v == previous) {
            out.append(out.constData() + previousFrom, previousSize);
            continue;
        }
        const qsizetype from = out.size();
        append(&out, v);
        if (v.isArray()) {
            previous = v;
            previousFrom = from;
            previousSize = out.size() - from;
        }
    }
    out += '}';
    return out;
}

void CompactJson::append(QByteArray *out, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        *out += "null";
        return;
    case QJsonValue::Bool:
        *out += v.toBool() ? "true" : "false";
        return;
    case QJsonValue::Double:
        // Qt keeps a number either as an integer (what fits in 64 bits and has no fraction) or as
        // a double, and writes each its own way; toVariant() tells which it is.
        if (v.toVariant().typeId() == QMetaType::LongLong) {
            *out += QByteArray::number(v.toInteger());
        } else {
            const double d = v.toDouble();
            *out += std::isfinite(d) ? QByteArray::number(d, 'g', QLocale::FloatingPointShortest)
                                     : QByteArray("null");
        }
        return;
    case QJsonValue::String:
        appendString(out, v.toString());
        return;
    case QJsonValue::Array: {
        *out += '[';
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (i > 0)
                *out += ',';
            append(out, a.at(i));
        }
        *out += ']';
        return;
    }
    case QJsonValue::Object:
        *out += QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
        return;
    case QJsonValue::Undefined:
        break;
    }
    *out += "null"; // as Qt's writer writes an undefined value
}

void CompactJson::appendString(QByteArray *out, const QString &s)
{
    // Qt's writer escapes ", \ and the characters below U+0020, and half of a UTF-16 pair as
    // \uXXXX; everything else goes out as its UTF-8. Most texts have none of those: they are
    // their UTF-8 between quotes.
    const qsizetype from = out->size();
    // ASCII without anything to escape (most names and many values): its UTF-16 code units are
    // its UTF-8 bytes, copied without a UTF-8 copy of the text.
    const ushort *u = s.utf16();
    const qsizetype n = s.size();
    out->resize(from + n + 2);
    char *to = out->data() + from + 1;
    qsizetype i = 0;
    for (; i < n; ++i) {
        const ushort c = u[i];
        if (c >= 0x80 || c < 0x20 || c == '"' || c == '\\')
            break;
        to[i] = char(c);
    }
    if (i == n) {
        to[-1] = '"';
        to[n] = '"';
        return;
    }
    out->truncate(from);
    *out += '"';
    *out += s.toUtf8();
    bool plain = true, question = false;
    for (qsizetype k = from + 1; plain && k < out->size(); ++k) {
        const uchar c = uchar(out->at(k));
        plain = c >= 0x20 && c != '"' && c != '\\';
        question |= c == '?';
    }
    // toUtf8() makes half of a pair a '?': such a text needs the writer too.
    if (!plain || (question && !s.isValidUtf16())) {
        out->truncate(from);
        const QByteArray a = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
        out->append(a.constData() + 1, a.size() - 2);
        return;
    }
    *out += '"';
}
