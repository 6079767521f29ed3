#include "positionfix.h"

#include <QGeoPositionInfo>
#include <QMetaProperty>
#include <QtTest>

class TestPositionFix : public QObject
{
    Q_OBJECT
private slots:
    void fromPositionInfo()
    {
        const QDateTime t(QDate(2025, 7, 1), QTime(8, 30), Qt::UTC);
        QGeoPositionInfo info(QGeoCoordinate(21.0285, 105.8542, 12), t);
        info.setAttribute(QGeoPositionInfo::HorizontalAccuracy, 4.5);
        const PositionFix fix = PositionFix::fromPositionInfo(info);
        QVERIFY(fix.valid);
        QCOMPARE(fix.latitude, 21.0285);
        QCOMPARE(fix.longitude, 105.8542);
        QCOMPARE(fix.accuracyM, 4.5);
        QVERIFY(fix.hasAccuracy());
        QCOMPARE(fix.timestamp, t);
        QCOMPARE(fix.sampleCount, 1);

        info.removeAttribute(QGeoPositionInfo::HorizontalAccuracy);
        const PositionFix noAccuracy = PositionFix::fromPositionInfo(info);
        QVERIFY(noAccuracy.valid);
        QVERIFY(!noAccuracy.hasAccuracy());

        QVERIFY(!PositionFix::fromPositionInfo(QGeoPositionInfo()).valid);
    }

    void equality()
    {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(1751358600000, Qt::UTC);
        QCOMPARE(PositionFix::make(21, 105, qQNaN(), t), PositionFix::make(21, 105, qQNaN(), t));
        QVERIFY(PositionFix::make(21, 105, 3, t) != PositionFix::make(21, 105, 4, t));
        QCOMPARE(PositionFix(), PositionFix());
        QVERIFY(!PositionFix::make(qQNaN(), 105, 3, t).valid);
    }

    void gadgetForQml()
    {
        const PositionFix fix = PositionFix::make(21.5, 105.5, 3, QDateTime::currentDateTimeUtc());
        const QMetaObject &mo = PositionFix::staticMetaObject;
        const int lat = mo.indexOfProperty("latitude");
        QVERIFY(lat >= 0);
        QCOMPARE(mo.property(lat).readOnGadget(&fix).toDouble(), 21.5);
        QCOMPARE(mo.property(mo.indexOfProperty("accuracyM")).readOnGadget(&fix).toDouble(), 3.0);
        QVERIFY(mo.property(mo.indexOfProperty("valid")).readOnGadget(&fix).toBool());
        const QVariant v = QVariant::fromValue(fix);
        QCOMPARE(v.value<PositionFix>(), fix);
    }
};

QTEST_GUILESS_MAIN(TestPositionFix)
#include "tst_positionfix.moc"
