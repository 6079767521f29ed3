#pragma once

#include <QByteArray>

#include <optional>

// Accuracy figures from NMEA sentences that Qt Positioning 6.4 does not turn into an accuracy:
//  - Garmin's proprietary $PGRME (estimated position error):
//      $PGRME,<HPE>,M,<VPE>,M,<EPE>,M*hh   e.g. $PGRME,2.3,M,3.3,M,4.0,M*2B -> 2.3 m horizontal
//  - the HDOP field of GGA ($GPGGA, $GNGGA, ...; field 8) and the HDOP/VDOP fields of GSA
//    (fields 16, 17); accuracy = DOP x UERE.
// A sentence with a '*hh' checksum that does not match is rejected; one without a checksum is
// read as it is (some receivers omit it). Trailing CR/LF is allowed.
class NmeaAccuracyParser
{
public:
    // The horizontal position error in metres of a $PGRME sentence; nullopt when the sentence is
    // not a $PGRME, is corrupt, or has no horizontal figure.
    static std::optional<double> pgrmeHorizontalErrorM(const QByteArray &sentence);
    // The vertical position error in metres of a $PGRME sentence (field 3).
    static std::optional<double> pgrmeVerticalErrorM(const QByteArray &sentence);
    // HDOP of a GGA sentence of any talker; nullopt when absent or corrupt.
    static std::optional<double> ggaHdop(const QByteArray &sentence);
    // HDOP / VDOP of a GSA sentence of any talker.
    static std::optional<double> gsaHdop(const QByteArray &sentence);
    static std::optional<double> gsaVdop(const QByteArray &sentence);

    static bool isPgrme(const QByteArray &sentence);
    static bool isGga(const QByteArray &sentence);
    static bool isGsa(const QByteArray &sentence);
    // True when the sentence has no checksum or a correct one.
    static bool checksumOk(const QByteArray &sentence);
    // The fields between '$' and '*' (or the line end), split on ','; empty when not a sentence.
    static QList<QByteArray> fields(const QByteArray &sentence);
};
