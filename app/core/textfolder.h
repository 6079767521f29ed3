#pragma once

#include <QString>

// Folds Vietnamese text for search: lower case, diacritics removed, đ/Đ -> d, runs of white space
// collapsed. "Đồng Hướng" and "dong huong" fold to the same text.
class TextFolder
{
public:
    static QString fold(const QString &text);
    // The same through Qt's decomposition of the whole text (fold() takes this path for text
    // outside the Latin letters it keeps a table of).
    static QString foldSlowly(const QString &text);
};
