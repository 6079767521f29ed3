#include "textfolder.h"

QString TextFolder::fold(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    bool lastSpace = true;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c.isSpace()) {
            if (!lastSpace)
                out += QLatin1Char(' ');
            lastSpace = true;
            continue;
        }
        lastSpace = false;
        if (c == QChar(0x0111) || c == QChar(0x0110)) // đ Đ
            out += QLatin1Char('d');
        else
            out += c.toLower();
    }
    if (out.endsWith(QLatin1Char(' ')))
        out.chop(1);
    return out;
}
