#include "textfolder.h"

#include <array>

namespace {
// Folded text as it is written: runs of white space become one space, none at either end.
class Folded
{
public:
    explicit Folded(qsizetype size) { m_out.reserve(size); }
    void space() { m_space = !m_out.isEmpty(); }
    void append(QChar c)
    {
        if (m_space)
            m_out += QLatin1Char(' ');
        m_space = false;
        m_out += c;
    }
    QString take() { return std::move(m_out); }

private:
    QString m_out;
    bool m_space = false; // a space is due before the next character
};

// The fold of text as Qt's decomposition (NFD) gives it: marks dropped, đ/Đ -> d, lower case.
void foldDecomposed(const QString &decomposed, Folded &out)
{
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c.isSpace())
            out.space();
        else if (c == QChar(0x0111) || c == QChar(0x0110)) // đ Đ
            out.append(QLatin1Char('d'));
        else
            out.append(c.toLower());
    }
}

QString foldDecomposed(const QString &decomposed)
{
    Folded out(decomposed.size());
    foldDecomposed(decomposed, out);
    return out.take();
}

// Whether the decomposition may be cut before text[i]: a whole character that is not a mark.
// NFD decomposes each character by itself and then reorders only runs of marks, so the pieces
// between such places decompose as they do within the whole text.
bool startsPiece(const QString &text, qsizetype i)
{
    const QChar c = text.at(i);
    if (c.isLowSurrogate())
        return false;
    char32_t u = c.unicode();
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
        u = QChar::surrogateToUcs4(c, text.at(i + 1));
    const QChar::Category k = QChar::category(u);
    return k != QChar::Mark_NonSpacing && k != QChar::Mark_SpacingCombining &&
           k != QChar::Mark_Enclosing;
}

// Latin script as Vietnamese names use it: Basic Latin to Latin Extended-B, the combining
// diacritical marks, Latin Extended Additional (ạ ả ấ ầ ẩ ẫ ậ ... ỹ). Such a character decomposes
// into one base letter and non-spacing marks, so its fold does not depend on its neighbours
// and is worked out once, through the same decomposition as any other text.
constexpr char16_t kLatinEnd = 0x0250, kMarksFirst = 0x0300, kMarksEnd = 0x0370,
                   kAdditionalFirst = 0x1E00, kAdditionalEnd = 0x1F00;
constexpr char16_t kNone = 0xFFFD;  // folds to nothing (a mark)
constexpr char16_t kSpace = 0xFFFE; // white space
constexpr char16_t kSlow = 0xFFFF;  // folds to more than one character: the whole text goes slow

int slot(char16_t u)
{
    if (u < kLatinEnd)
        return u;
    if (u >= kMarksFirst && u < kMarksEnd)
        return kLatinEnd + (u - kMarksFirst);
    if (u >= kAdditionalFirst && u < kAdditionalEnd)
        return kLatinEnd + (kMarksEnd - kMarksFirst) + (u - kAdditionalFirst);
    return -1;
}

using Table = std::array<char16_t, kLatinEnd + (kMarksEnd - kMarksFirst) +
                                       (kAdditionalEnd - kAdditionalFirst)>;

const Table &table()
{
    static const Table t = [] {
        Table out{};
        auto fill = [&](char16_t first, char16_t end) {
            for (char16_t u = first; u < end; ++u) {
                const QChar c(u);
                const QString folded =
                    foldDecomposed(QString(c).normalized(QString::NormalizationForm_D));
                char16_t &entry = out[size_t(slot(u))];
                if (c.isSpace())
                    entry = kSpace;
                else if (folded.isEmpty())
                    entry = kNone;
                else if (folded.size() == 1 && folded[0].unicode() < kNone)
                    entry = folded[0].unicode();
                else
                    entry = kSlow;
            }
        };
        fill(0, kLatinEnd);
        fill(kMarksFirst, kMarksEnd);
        fill(kAdditionalFirst, kAdditionalEnd);
        return out;
    }();
    return t;
}
} // namespace

QString TextFolder::fold(const QString &text)
{
    // Most text here is Latin: folded character by character from the table, the same result
    // as decomposing the whole text (tst_textfolder compares both for every such character).
    const Table &t = table();
    Folded out(text.size());
    for (const QChar c : text) {
        const int at = slot(c.unicode());
        const char16_t f = at < 0 ? kSlow : t[size_t(at)];
        if (f == kSlow)
            return foldInPieces(text);
        if (f == kSpace)
            out.space();
        else if (f != kNone)
            out.append(QChar(f));
    }
    return out.take();
}

QString TextFolder::foldInPieces(const QString &text)
{
    // Qt's decomposition of a whole text takes time in the square of its length when much of it
    // decomposes (900,000 Vietnamese letters: many minutes); pieces of about 64 characters keep
    // it linear.
    constexpr qsizetype piece = 64;
    Folded out(text.size());
    qsizetype from = 0;
    for (qsizetype i = piece; i < text.size(); ++i) {
        if (i - from >= piece && startsPiece(text, i)) {
            foldDecomposed(text.mid(from, i - from).normalized(QString::NormalizationForm_D), out);
            from = i;
        }
    }
    foldDecomposed(text.mid(from).normalized(QString::NormalizationForm_D), out);
    return out.take();
}

QString TextFolder::foldSlowly(const QString &text)
{
    return foldDecomposed(text.normalized(QString::NormalizationForm_D));
}
