#include "nmeapositionsource.h"

#include "nmeaaccuracyparser.h"

#include <cmath>

NmeaPositionSource::NmeaPositionSource(UpdateMode mode, QObject *parent)
    : QNmeaPositionInfoSource(mode, parent)
{
    setUserEquivalentRangeError(DefaultUereM);
}

bool NmeaPositionSource::parsePosInfoFromNmeaData(const char *data, int size,
                                                  QGeoPositionInfo *posInfo, bool *hasFix)
{
    const QByteArray sentence = QByteArray::fromRawData(data, size);
    if (NmeaAccuracyParser::isPgrme(sentence)) {
        const std::optional<double> hpe = NmeaAccuracyParser::pgrmeHorizontalErrorM(sentence);
        if (!hpe)
            return false;
        m_seenPgrme = true;
        posInfo->setAttribute(QGeoPositionInfo::HorizontalAccuracy, *hpe);
        if (const std::optional<double> vpe = NmeaAccuracyParser::pgrmeVerticalErrorM(sentence))
            posInfo->setAttribute(QGeoPositionInfo::VerticalAccuracy, *vpe);
        // No time in $PGRME: Qt merges it into the epoch being read.
        *hasFix = false;
        return true;
    }
    const bool parsed =
        QNmeaPositionInfoSource::parsePosInfoFromNmeaData(data, size, posInfo, hasFix);
    if (!parsed)
        return false;
    posInfo->removeAttribute(QGeoPositionInfo::HorizontalAccuracy);
    posInfo->removeAttribute(QGeoPositionInfo::VerticalAccuracy);
    const double uere = userEquivalentRangeError();
    if (m_seenPgrme || !std::isfinite(uere))
        return true;
    std::optional<double> hdop = NmeaAccuracyParser::ggaHdop(sentence);
    if (!hdop)
        hdop = NmeaAccuracyParser::gsaHdop(sentence);
    if (hdop)
        posInfo->setAttribute(QGeoPositionInfo::HorizontalAccuracy, *hdop * uere);
    if (const std::optional<double> vdop = NmeaAccuracyParser::gsaVdop(sentence))
        posInfo->setAttribute(QGeoPositionInfo::VerticalAccuracy, *vdop * uere);
    return true;
}
