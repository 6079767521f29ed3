#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>

// The compact JSON text (UTF-8) of an object, byte for byte what
// QJsonDocument(o).toJson(QJsonDocument::Compact) gives (the registry stores that text and tests
// compare it), made for less: strings are converted to UTF-8 in one go and escaped by Qt's writer
// only when they hold something to escape, numbers are formatted as Qt's writer formats them,
// and a member whose value is an array equal to the member before it (the field_meta stamp of a
// change, [seq, device], shared by every field it wrote) reuses that member's text. Objects
// inside the object are written by Qt's writer.
class CompactJson
{
public:
    static QByteArray object(const QJsonObject &o);
    // One value's text appended to *out, as Qt's writer writes it inside a compact document.
    static void append(QByteArray *out, const QJsonValue &v);
    static void appendString(QByteArray *out, const QString &s);
};
