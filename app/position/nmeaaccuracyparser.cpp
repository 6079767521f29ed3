#include "nmeaaccuracyparser.h"

#include <QList>

#include <cmath>

static QByteArray trimmed(const QByteArray &sentence)
{
    QByteArray s = sentence.trimmed();
    return s;
}

bool NmeaAccuracyParser::checksumOk(const QByteArray &sentence)
{
    const QByteArray s = trimmed(sentence);
    if (!s.startsWith('$'))
        return false;
    const int star = s.indexOf('*');
    if (star < 0)
        return true;
    if (s.size() < star + 3)
        return false;
    bool ok = false;
    const int expected = s.mid(star + 1, 2).toInt(&ok, 16);
    if (!ok)
        return false;
    unsigned char sum = 0;
    for (int i = 1; i < star; ++i)
        sum ^= static_cast<unsigned char>(s.at(i));
    return sum == expected;
}

QList<QByteArray> NmeaAccuracyParser::fields(const QByteArray &sentence)
{
    const QByteArray s = trimmed(sentence);
    if (!s.startsWith('$'))
        return {};
    const int star = s.indexOf('*');
    return s.mid(1, star < 0 ? -1 : star - 1).split(',');
}

bool NmeaAccuracyParser::isPgrme(const QByteArray &sentence)
{
    return trimmed(sentence).startsWith("$PGRME,");
}

// $ttXXX, where tt is the talker (GP, GN, GL, GA, BD, ...)
static bool isType(const QByteArray &sentence, const char *typeWithComma)
{
    const QByteArray s = trimmed(sentence);
    return s.size() > 7 && s.at(0) == '$' && s.mid(3, 4) == typeWithComma;
}

bool NmeaAccuracyParser::isGga(const QByteArray &sentence)
{
    return isType(sentence, "GGA,");
}

bool NmeaAccuracyParser::isGsa(const QByteArray &sentence)
{
    return isType(sentence, "GSA,");
}

static std::optional<double> metresField(const QList<QByteArray> &f, int index)
{
    if (f.size() <= index + 1 || f.at(index).isEmpty())
        return std::nullopt;
    const QByteArray unit = f.at(index + 1);
    if (!unit.isEmpty() && unit != "M")
        return std::nullopt;
    bool ok = false;
    const double value = f.at(index).toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < 0)
        return std::nullopt;
    return value;
}

std::optional<double> NmeaAccuracyParser::pgrmeHorizontalErrorM(const QByteArray &sentence)
{
    if (!isPgrme(sentence) || !checksumOk(sentence))
        return std::nullopt;
    return metresField(fields(sentence), 1);
}

std::optional<double> NmeaAccuracyParser::pgrmeVerticalErrorM(const QByteArray &sentence)
{
    if (!isPgrme(sentence) || !checksumOk(sentence))
        return std::nullopt;
    return metresField(fields(sentence), 3);
}

static std::optional<double> dopField(const QList<QByteArray> &f, int index)
{
    if (f.size() <= index || f.at(index).isEmpty())
        return std::nullopt;
    bool ok = false;
    const double dop = f.at(index).toDouble(&ok);
    if (!ok || !std::isfinite(dop) || dop <= 0)
        return std::nullopt;
    return dop;
}

std::optional<double> NmeaAccuracyParser::ggaHdop(const QByteArray &sentence)
{
    if (!isGga(sentence) || !checksumOk(sentence))
        return std::nullopt;
    return dopField(fields(sentence), 8);
}

std::optional<double> NmeaAccuracyParser::gsaHdop(const QByteArray &sentence)
{
    if (!isGsa(sentence) || !checksumOk(sentence))
        return std::nullopt;
    return dopField(fields(sentence), 16);
}

std::optional<double> NmeaAccuracyParser::gsaVdop(const QByteArray &sentence)
{
    if (!isGsa(sentence) || !checksumOk(sentence))
        return std::nullopt;
    return dopField(fields(sentence), 17);
}
