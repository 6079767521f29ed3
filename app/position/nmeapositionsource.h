#pragma once

#include <QNmeaPositionInfoSource>

// QNmeaPositionInfoSource that also knows the accuracy figures Qt 6.4 ignores.
//  - Garmin $PGRME: its horizontal (and vertical) position error becomes the fix's
//    HorizontalAccuracy (VerticalAccuracy). Once the receiver has sent one $PGRME, accuracy from
//    HDOP is dropped so that the receiver's own estimate wins whatever the sentence order.
//  - Otherwise accuracy = HDOP x the user equivalent range error (UERE; DefaultUereM unless told
//    otherwise), from GGA or GSA (vertical: GSA VDOP x UERE). Qt 6.4 itself reports
//    2 x HDOP x UERE (a 95 % radius); this class replaces it with HDOP x UERE (about one sigma,
//    like Garmin's estimate and Android's 68 % accuracy) so that accuracy classes mean the same
//    whatever the source.
class NmeaPositionSource : public QNmeaPositionInfoSource
{
    Q_OBJECT
public:
    // A typical UERE for a consumer receiver (Qt's documentation suggests about 5.1 m).
    static constexpr double DefaultUereM = 5.1;

    explicit NmeaPositionSource(UpdateMode mode, QObject *parent = nullptr);

    // True once a valid $PGRME has been read from the device.
    bool receiverReportsPgrme() const { return m_seenPgrme; }

protected:
    bool parsePosInfoFromNmeaData(const char *data, int size, QGeoPositionInfo *posInfo,
                                  bool *hasFix) override;

private:
    bool m_seenPgrme = false;
};
