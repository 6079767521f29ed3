#pragma once

#include <QString>

// Folds Vietnamese text for search: lower case, diacritics removed, đ/Đ -> d, runs of white space
// collapsed. "Đồng Hướng" and "dong huong" fold to the same text.
class TextFolder
{
public:
    static QString fold(const QString &text);
};
