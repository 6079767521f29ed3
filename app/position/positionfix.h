#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QObject>
#include <QtNumeric>

class QGeoPositionInfo;

// One position as the app records it: where, how accurately, when. A plain value type: an
// inspection stores the fix it was started at; QML reads it as a gadget (fix.latitude, ...).
// accuracyM is the horizontal accuracy in metres (radius, as Qt Positioning reports it) or NaN
// when the source did not say. sampleCount is 1 for a single fix, n for an averaged one.
class PositionFix
{
    Q_GADGET
    Q_PROPERTY(bool valid MEMBER valid)
    Q_PROPERTY(double latitude MEMBER latitude)
    Q_PROPERTY(double longitude MEMBER longitude)
    Q_PROPERTY(double accuracyM MEMBER accuracyM)
    Q_PROPERTY(QDateTime timestamp MEMBER timestamp)
    Q_PROPERTY(int sampleCount MEMBER sampleCount)
    Q_PROPERTY(bool hasAccuracy READ hasAccuracy)

public:
    bool valid = false;
    double latitude = qQNaN();
    double longitude = qQNaN();
    double accuracyM = qQNaN();
    QDateTime timestamp; // UTC
    int sampleCount = 0;

    bool hasAccuracy() const;

    // A fix from a Qt position update; invalid when the update has no valid coordinate.
    static PositionFix fromPositionInfo(const QGeoPositionInfo &info);
    static PositionFix make(double latitude, double longitude, double accuracyM,
                            const QDateTime &timestamp);

    bool operator==(const PositionFix &other) const;
    bool operator!=(const PositionFix &other) const { return !(*this == other); }
};

Q_DECLARE_METATYPE(PositionFix)
