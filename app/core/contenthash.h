#pragma once

#include <QByteArray>
#include <QString>

// Photos are named by the SHA-256 of their bytes, in 64 lower-case hex digits, on the device, on
// the wire and in the registry. A name is checked before it makes a path: anything else ("../x",
// upper case, a short name) names no photo.
class ContentHash
{
public:
    // The name of `bytes`.
    static QString sha256Of(const QByteArray &bytes);
    // True when `text` is such a name.
    static bool isSha256(const QString &text);
};
