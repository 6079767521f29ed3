#pragma once

#include <QString>

// Folds Vietnamese text for search: lower case, diacritics removed, đ/Đ -> d, runs of white space
// collapsed. "Đồng Hướng" and "dong huong" fold to the same text.
class TextFolder
{
public:
    static QString fold(const QString &text);
    // The same through Qt's decomposition, piece by piece (fold() takes this path for text
    // outside the Latin letters it keeps a table of): time linear in the text's length.
    static QString foldInPieces(const QString &text);
    // The same through Qt's decomposition of the whole text at once: what the other two must
    // give (tst_textfolder), in time that grows with the square of the length.
    static QString foldSlowly(const QString &text);
};
