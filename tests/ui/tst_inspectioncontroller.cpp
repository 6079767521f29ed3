#include "appcontroller.h"
#include "checklistmodel.h"
#include "clustercontroller.h"
#include "clusterlistmodel.h"
#include "clustermanager.h"
#include "geoboundary.h"
#include "inspectioncontroller.h"
#include "inspectionmanager.h"
#include "participantmodel.h"
#include "photomodel.h"
#include "settingsmanager.h"
#include "violationcatalogmodel.h"
#include "violationmodel.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

class TestInspectionController : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<SettingsManager> m_settings;
    std::unique_ptr<AppController> m_app;

    InspectionController *insp() { return m_app->inspection(); }
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
    static QString photoPath()
    {
        return QStringLiteral(CCN_SHARED_DIR "/data/photos/gps/DSCN0010.jpg");
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_settings = std::make_unique<SettingsManager>(m_dir.filePath(QStringLiteral("s.ini")));
        m_app = std::make_unique<AppController>(m_settings.get());
        QVERIFY(m_app->open(m_dir.path(), true).ok());
    }

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

    void violations()
    {
        QVERIFY(insp()->start(m_app->clusters()->get(0).value(QStringLiteral("id")).toString()));
        QVariantMap r = insp()->saveViolation(
            {}, {{QStringLiteral("deadline"), QStringLiteral("hôm qua")},
                 {QStringLiteral("observed"), QString(5000, QLatin1Char('x'))}});
        QVERIFY(!r.value(QStringLiteral("ok")).toBool());
        const QVariantMap errors = r.value(QStringLiteral("errors")).toMap();
        for (const char *k : {"category", "severity", "observed", "deadline"})
            QVERIFY2(errors.contains(QLatin1String(k)), k);
        QCOMPARE(insp()->violations()->rowCount(), 0);

        const QVariantMap cat = m_app->catalog()->get(0);
        r = insp()->saveViolation(
            {}, {{QStringLiteral("category"), cat.value(QStringLiteral("code"))},
                 {QStringLiteral("severity"), QStringLiteral("serious")},
                 {QStringLiteral("observed"), QStringLiteral("Không có nhật ký vận hành")},
                 {QStringLiteral("deadline"), QStringLiteral("30/6/2027")}});
        QVERIFY2(r.value(QStringLiteral("ok")).toBool(),
                 qPrintable(r.value(QStringLiteral("message")).toString()));
        const QString id = r.value(QStringLiteral("id")).toString();
        QCOMPARE(insp()->violations()->rowCount(), 1);
        const QVariantMap v = insp()->violation(id);
        QCOMPARE(v.value(QStringLiteral("deadlineOn")).toString(), QStringLiteral("2027-06-30"));
        QCOMPARE(v.value(QStringLiteral("legalBasis")), cat.value(QStringLiteral("legalBasis")));
        QCOMPARE(v.value(QStringLiteral("fineMin")).toLongLong(),
                 cat.value(QStringLiteral("fineMin")).toLongLong());

        // Evidence photo from a real file (the camera cannot run in tests).
        const QVariantMap p = insp()->attachPhoto(photoPath(), {}, id);
        QVERIFY2(p.value(QStringLiteral("ok")).toBool(),
                 qPrintable(p.value(QStringLiteral("message")).toString()));
        QCOMPARE(insp()->violation(id).value(QStringLiteral("photoCount")).toInt(), 1);
        const QVariantMap shown = insp()->photo(p.value(QStringLiteral("id")).toString());
        QVERIFY(shown.value(QStringLiteral("hasPosition")).toBool());
        QVERIFY(shown.value(QStringLiteral("url")).toUrl().isLocalFile());

        QVERIFY(insp()->deleteViolation(id).isEmpty());
        QCOMPARE(insp()->violations()->rowCount(), 0);
    }

    void participantErrorsBesideTheirField_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("position");
        QTest::addColumn<QString>("agency");
        QTest::addColumn<QString>("field");
        QTest::newRow("no name") << "   "
                                 << "Giám đốc"
                                 << "Sở Công Thương"
                                 << "name";
        QTest::newRow("long name") << QString(201, QLatin1Char('a')) << ""
                                   << ""
                                   << "name";
        QTest::newRow("long position") << "An" << QString(201, QLatin1Char('b')) << ""
                                       << "position_title";
        QTest::newRow("long agency") << "An"
                                     << "" << QString(301, QLatin1Char('c')) << "agency";
    }

    void participantErrorsBesideTheirField()
    {
        QFETCH(QString, name);
        QFETCH(QString, position);
        QFETCH(QString, agency);
        QFETCH(QString, field);
        QVERIFY(insp()->start(m_app->clusters()->get(0).value(QStringLiteral("id")).toString()));
        const QVariantMap r =
            insp()->saveParticipant({}, {{QStringLiteral("name"), name},
                                         {QStringLiteral("position_title"), position},
                                         {QStringLiteral("agency"), agency}});
        QVERIFY(!r.value(QStringLiteral("ok")).toBool());
        const QVariantMap errors = r.value(QStringLiteral("errors")).toMap();
        QCOMPARE(errors.keys(), QStringList{field});
        QVERIFY(!errors.value(field).toString().isEmpty());
        QCOMPARE(insp()->participants()->rowCount(), 0);
    }

    void findingsSavedAndFinalOnSubmit()
    {
        QVERIFY(insp()->start(m_app->clusters()->get(0).value(QStringLiteral("id")).toString()));
        QSignalSpy changed(insp(), &InspectionController::findingsChanged);
        const QString findings = QStringLiteral("Đoàn đã kiểm tra hiện trường.");
        const QString conclusions = QStringLiteral("Một là, hoàn thành thoát nước mưa.\nHai là, "
                                                   "bố trí cán bộ môi trường.");
        QVariantMap r = insp()->saveFindings(findings, conclusions);
        QVERIFY2(r.value(QStringLiteral("ok")).toBool(),
                 qPrintable(r.value(QStringLiteral("message")).toString()));
        QCOMPARE(changed.count(), 1);
        // Stored: read back through a fresh open.
        const QString id = insp()->inspectionId();
        insp()->close();
        QVERIFY(insp()->open(id));
        QCOMPARE(insp()->findings(), findings);
        QCOMPARE(insp()->conclusions(), conclusions);
        // Unchanged texts write nothing.
        changed.clear();
        QVERIFY(insp()->saveFindings(findings, conclusions).value(QStringLiteral("ok")).toBool());
        QCOMPARE(changed.count(), 0);
        // Too long: the error names the field; the stored text stays.
        r = insp()->saveFindings(findings, QString(20001, QLatin1Char('x')));
        QVERIFY(!r.value(QStringLiteral("ok")).toBool());
        QCOMPARE(r.value(QStringLiteral("errors")).toMap().keys(),
                 QStringList{QStringLiteral("conclusions")});
        QCOMPARE(insp()->conclusions(), conclusions);
        QCOMPARE(m_app->inspectionManager()
                     ->inspection(id)
                     .value(QStringLiteral("conclusions"))
                     .toString(),
                 conclusions);
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
