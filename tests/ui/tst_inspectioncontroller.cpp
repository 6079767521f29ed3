#include "appcontroller.h"
#include "checklistmodel.h"
#include "clustercontroller.h"
#include "clusterlistmodel.h"
#include "clustermanager.h"
#include "geoboundary.h"
#include "inspectioncontroller.h"
#include "inspectionmanager.h"
#include "minutescontroller.h"
#include "photomodel.h"
#include "settingsmanager.h"
#include "uitest.h"

#include <QTemporaryDir>
#include <QtTest>

class TestInspectionController : public QObject, protected uitest::DemoApp
{
    Q_OBJECT
    QString clusterWithBoundary()
    {
        for (const QVariant &v : m_app->clusterManager()->clusters({})) {
            const QVariantMap c = v.toMap();
            if (GeoBoundary::fromGeoJson(c.value(QStringLiteral("boundary_geojson")).toString())
                    .isValid())
                return c.value(QStringLiteral("id")).toString();
        }
        return {};
    }

private slots:
    void initTestCase() { QVERIFY(openApp()); }

    void cleanup()
    {
        if (insp()->editable())
            insp()->discard();
        insp()->setManualPosition(QString(), QString());
    }

    void manualPositionRefusesBadCoordinates_data()
    {
        QTest::addColumn<QString>("lat");
        QTest::addColumn<QString>("lon");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("Ninh Bình") << "20,0456"
                                   << "106,0212" << true;
        QTest::newRow("dot decimal") << "20.0456"
                                     << "106.0212" << true;
        QTest::newRow("Paris") << "48.85"
                               << "2.35" << false;
        QTest::newRow("swapped") << "106.02"
                                 << "20.04" << false;
        QTest::newRow("text") << "abc"
                              << "106" << false;
        QTest::newRow("off the globe") << "95"
                                       << "106" << false;
    }

    void manualPositionRefusesBadCoordinates()
    {
        QFETCH(QString, lat);
        QFETCH(QString, lon);
        QFETCH(bool, accepted);
        const QString message = insp()->setManualPosition(lat, lon);
        QCOMPARE(message.isEmpty(), accepted);
        QCOMPARE(insp()->manualPositionText().isEmpty(), !accepted);
    }

    void startOutsideBoundaryWarns()
    {
        const QString id = clusterWithBoundary();
        QVERIFY2(!id.isEmpty(), "a demo cluster with a boundary");
        // Hà Nội: in Vietnam, far from any Ninh Bình / Bắc Ninh / Quảng Ngãi cluster boundary.
        QVERIFY(insp()
                    ->setManualPosition(QStringLiteral("21.0285"), QStringLiteral("105.8542"))
                    .isEmpty());
        QVERIFY(insp()->start(id));
        QVERIFY(insp()->active());
        QVERIFY(insp()->positionWarning().contains(QStringLiteral("ngoài ranh giới")));
        const QVariantMap row = m_app->inspectionManager()->inspection(insp()->inspectionId());
        QCOMPARE(row.value(QStringLiteral("outside_boundary")).toInt(), 1);
        QCOMPARE(row.value(QStringLiteral("lat")).toDouble(), 21.0285);
    }

    void startWithoutPositionSaysSo()
    {
        QVERIFY(insp()->start(m_app->clusters()->get(0).value(QStringLiteral("id")).toString()));
        QVERIFY(!insp()->positionWarning().isEmpty());
        QVERIFY(m_app->inspectionManager()
                    ->inspection(insp()->inspectionId())
                    .value(QStringLiteral("lat"))
                    .isNull());
    }

    void startUnknownClusterFails()
    {
        QVERIFY(!insp()->start(QStringLiteral("nope")));
        QVERIFY(!insp()->lastError().isEmpty());
        QVERIFY(!insp()->active());
    }

    void submitNamesMissingItems()
    {
        QVERIFY(insp()->start(m_app->clusters()->get(0).value(QStringLiteral("id")).toString()));
        QVERIFY(!insp()->submit());
        QVERIFY(!insp()->missingItems().isEmpty());
        const QString first =
            insp()
                ->checklist()
                ->get(insp()->checklist()->rowOf(insp()->checklist()->missingQuestionIds().first()))
                .value(QStringLiteral("text"))
                .toString();
        QVERIFY2(insp()->submitMessage().contains(first), qPrintable(insp()->submitMessage()));
        QVERIFY(insp()->editable());
    }

    // A teammate's tablet submitted the inspection open here: the round that brings it makes it
    // read-only on this tablet too.
    void aSubmissionPulledEndsEditingHere()
    {
        QVERIFY(insp()->start(m_app->clusters()->get(0).value(QStringLiteral("id")).toString()));
        const QString id = insp()->inspectionId();
        QVERIFY(insp()->editable());
        QVERIFY(pulledInto(QStringLiteral("inspections"), id, QStringLiteral("status"),
                           QStringLiteral("submitted")));
        QSignalSpy changed(insp(), &InspectionController::inspectionChanged);
        insp()->refreshPulled();
        QCOMPARE(changed.count(), 1);
        QVERIFY(!insp()->editable());
        QCOMPARE(insp()->status(), QStringLiteral("submitted"));
        insp()->refreshPulled(); // nothing new: nothing said
        QCOMPARE(changed.count(), 1);
        QVERIFY(pulledInto(QStringLiteral("inspections"), id, QStringLiteral("status"),
                           QStringLiteral("draft")));
        insp()->refreshPulled();
        QVERIFY(insp()->editable());
        // Discarded on a teammate's tablet: read-only here too, and said so.
        QVERIFY(pulledInto(QStringLiteral("inspections"), id, QStringLiteral("deleted_at"),
                           QStringLiteral("1795000000000")));
        insp()->refreshPulled();
        QCOMPARE(changed.count(), 3);
        QVERIFY(insp()->deleted());
        QVERIFY(!insp()->editable());
        QVERIFY(!insp()
                     ->minutes()
                     ->saveFindings(QStringLiteral("Muộn"), QString())
                     .value(QStringLiteral("ok"))
                     .toBool());
    }

    void photoErrorsAreMessages()
    {
        QVERIFY(insp()->start(m_app->clusters()->get(0).value(QStringLiteral("id")).toString()));
        QVariantMap r = insp()->attachPhoto(QStringLiteral("/nonexistent.jpg"));
        QVERIFY(!r.value(QStringLiteral("ok")).toBool());
        QVERIFY(!r.value(QStringLiteral("message")).toString().isEmpty());
        // Not a photo: this test source file.
        r = insp()->attachPhoto(QStringLiteral(__FILE__));
        QVERIFY(!r.value(QStringLiteral("ok")).toBool());
        QVERIFY(!r.value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(insp()->photos()->rowCount(), 0);
    }

    void clusterFiguresIncludeFillRate()
    {
        for (const QVariant &v : m_app->clusterManager()->clusters({})) {
            const QVariantMap c = v.toMap();
            if (c.value(QStringLiteral("industrial_land_ha")).toDouble() <= 0)
                continue;
            m_app->cluster()->load(c.value(QStringLiteral("id")).toString());
            const double expected = c.value(QStringLiteral("leased_land_ha")).toDouble() /
                                    c.value(QStringLiteral("industrial_land_ha")).toDouble() *
                                    100.0;
            QVERIFY(qAbs(m_app->cluster()->fillRate() - qMin(expected, 100.0)) < 1e-9);
            QVERIFY(!m_app->cluster()->figures().isEmpty());
            return;
        }
        QFAIL("no demo cluster with industrial land");
    }
};

QTEST_GUILESS_MAIN(TestInspectionController)
#include "tst_inspectioncontroller.moc"
