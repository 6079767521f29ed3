#include "appcontroller.h"
#include "checklistmodel.h"
#include "clustercontroller.h"
#include "clusterlistmodel.h"
#include "clustermanager.h"
#include "database.h"
#include "geoboundary.h"
#include "inspectioncontroller.h"
#include "inspectionmanager.h"
#include "minutescontroller.h"
#include "photomodel.h"
#include "settingsmanager.h"
#include "uitest.h"
#include "violationcatalogmodel.h"
#include "violationmodel.h"

#include <QSqlQuery>
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
    // A sync round's write of `column` of a row.
    bool pulledInto(const QString &table, const QString &id, const QString &column,
                    const QString &text)
    {
        return uitest::pulledInto(m_app.get(), table, id, column, text);
    }
    static QString photoPath()
    {
        return QStringLiteral(CCN_SHARED_DIR "/data/photos/gps/DSCN0010.jpg");
    }

private slots:
    void initTestCase() { QVERIFY(uitest::openDemoApp(m_dir, &m_settings, &m_app)); }

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

    // The same for a violation's form: fields the user left as violation() gave them keep what
    // a sync round wrote meanwhile.
    // A round writes a violation whose form is open: told (formsPulled), the fields the
    // user left as shown follow (as the form shows them: a deadline as a date), the one they are
    // changing stays theirs and its save names the round's value; a date half typed is theirs.
    void aViolationFormFollowsWhatARoundWrote()
    {
        QVERIFY(insp()->start(m_app->clusters()->get(0).value(QStringLiteral("id")).toString()));
        QVariantMap form{
            {QStringLiteral("category"), m_app->catalog()->get(0).value(QStringLiteral("code"))},
            {QStringLiteral("severity"), QStringLiteral("serious")},
            {QStringLiteral("observed"), QStringLiteral("Không có nhật ký vận hành")},
            {QStringLiteral("remedy"), QStringLiteral("Lập nhật ký")},
            {QStringLiteral("deadline"), QStringLiteral("30/6/2027")},
            {QStringLiteral("responsible_party"), QStringLiteral("Chủ đầu tư")}};
        QVariantMap r = insp()->saveViolation({}, form);
        QVERIFY(r.value(QStringLiteral("ok")).toBool());
        const QString id = r.value(QStringLiteral("id")).toString();
        QVERIFY(!insp()->violation(id).isEmpty()); // the form opens it
        QSignalSpy told(insp(), &InspectionController::formsPulled);
        const QString vt = QStringLiteral("violations");
        QVERIFY(pulledInto(vt, id, QStringLiteral("remedy"), QStringLiteral("Lắp đồng hồ")));
        QVERIFY(pulledInto(vt, id, QStringLiteral("deadline_on"), QStringLiteral("2027-03-31")));
        QVERIFY(pulledInto(vt, id, QStringLiteral("observed"), QStringLiteral("Đồng nghiệp ghi")));
        QVERIFY(pulledInto(vt, id, QStringLiteral("severity"), QStringLiteral("very_serious")));
        insp()->refreshPulled();
        QCOMPARE(told.count(), 1);
        // The user is typing the remedy, and a date not yet whole.
        form.insert(QStringLiteral("remedy"), QStringLiteral("Lập nhật ký hằng ngày"));
        form.insert(QStringLiteral("deadline"), QStringLiteral("31/12/20"));
        form.insert(QStringLiteral("severity"), QStringLiteral("minor"));
        QVariantMap followed = insp()->followPulledViolation(id, form);
        QCOMPARE(followed,
                 (QVariantMap{{QStringLiteral("observed"), QStringLiteral("Đồng nghiệp ghi")}}));
        // The date typed whole again, as it was shown: it follows now, as a date.
        form.insert(QStringLiteral("deadline"), QStringLiteral("30/06/2027"));
        followed = insp()->followPulledViolation(id, form);
        QCOMPARE(followed,
                 (QVariantMap{{QStringLiteral("deadline"), QStringLiteral("31/03/2027")}}));
        QVERIFY(insp()->followPulledViolation(id, form).isEmpty());
        // Saved as the form now shows it: the remedy and severity the user changed are named,
        // nothing the round wrote is written over.
        form.insert(QStringLiteral("observed"), QStringLiteral("Đồng nghiệp ghi"));
        form.insert(QStringLiteral("deadline"), QStringLiteral("31/03/2027"));
        r = insp()->saveViolation(id, form);
        QVERIFY(r.value(QStringLiteral("changedUnder")).toBool());
        QStringList named = r.value(QStringLiteral("errors")).toMap().keys();
        QCOMPARE(named, (QStringList{QStringLiteral("remedy"), QStringLiteral("severity")}));
        const QVariantMap v =
            m_app->inspectionManager()->violations(insp()->inspectionId()).value(0).toMap();
        QCOMPARE(v.value(QStringLiteral("remedy")).toString(), QStringLiteral("Lắp đồng hồ"));
        QCOMPARE(v.value(QStringLiteral("observed")).toString(), QStringLiteral("Đồng nghiệp ghi"));
        QCOMPARE(v.value(QStringLiteral("deadline_on")).toString(), QStringLiteral("2027-03-31"));
        // A violation not opened in a form, or gone: nothing to follow.
        QVERIFY(insp()->followPulledViolation(QStringLiteral("nope"), form).isEmpty());
    }

    void aViolationFieldChangedBySyncIsNotOverwrittenUnseen()
    {
        QVERIFY(insp()->start(m_app->clusters()->get(0).value(QStringLiteral("id")).toString()));
        const QVariantMap cat = m_app->catalog()->get(0);
        QVariantMap form{{QStringLiteral("category"), cat.value(QStringLiteral("code"))},
                         {QStringLiteral("severity"), QStringLiteral("serious")},
                         {QStringLiteral("observed"), QStringLiteral("Không có nhật ký vận hành")},
                         {QStringLiteral("remedy"), QStringLiteral("Lập nhật ký")},
                         {QStringLiteral("deadline"), QStringLiteral("30/6/2027")}};
        QVariantMap r = insp()->saveViolation({}, form);
        QVERIFY(r.value(QStringLiteral("ok")).toBool());
        const QString id = r.value(QStringLiteral("id")).toString();
        QVERIFY(!insp()->violation(id).isEmpty()); // the form opens it
        auto pulled = [&](const QString &column, const QString &text) {
            return pulledInto(QStringLiteral("violations"), id, column, text);
        };
        // Read from the database: violation() is what the form calls when it opens.
        auto stored = [&](const char *column) {
            QSqlQuery q(m_app->database()->connection());
            q.prepare(QStringLiteral("SELECT %1 FROM violations WHERE id = ?")
                          .arg(QLatin1String(column)));
            q.addBindValue(id);
            return q.exec() && q.next() ? q.value(0).toString() : QStringLiteral("<none>");
        };
        QVERIFY(pulled(QStringLiteral("remedy"), QStringLiteral("Lắp đồng hồ nước thải")));
        QVERIFY(pulled(QStringLiteral("deadline_on"), QStringLiteral("2027-03-31")));
        form.insert(QStringLiteral("observed"), QStringLiteral("Không xuất trình nhật ký"));
        r = insp()->saveViolation(id, form);
        QVERIFY2(r.value(QStringLiteral("ok")).toBool(),
                 qPrintable(r.value(QStringLiteral("message")).toString()));
        QCOMPARE(stored("observed"), QStringLiteral("Không xuất trình nhật ký"));
        QCOMPARE(stored("remedy"), QStringLiteral("Lắp đồng hồ nước thải"));
        QCOMPARE(stored("deadline_on"), QStringLiteral("2027-03-31"));

        QVERIFY(pulled(QStringLiteral("remedy"), QStringLiteral("Lắp đồng hồ và camera")));
        form.insert(QStringLiteral("remedy"), QStringLiteral("Lập nhật ký vận hành hằng ngày"));
        r = insp()->saveViolation(id, form);
        QVERIFY(!r.value(QStringLiteral("ok")).toBool());
        QVERIFY(r.value(QStringLiteral("changedUnder")).toBool());
        QCOMPARE(r.value(QStringLiteral("errors")).toMap().keys(),
                 QStringList{QStringLiteral("remedy")});
        QCOMPARE(stored("remedy"), QStringLiteral("Lắp đồng hồ và camera"));
        QVERIFY(insp()->saveViolation(id, form).value(QStringLiteral("ok")).toBool());
        QCOMPARE(stored("remedy"), QStringLiteral("Lập nhật ký vận hành hằng ngày"));
        // The deadline the form still shows (30/6/2027) was not the user's change: kept.
        QCOMPARE(stored("deadline_on"), QStringLiteral("2027-03-31"));
    }

    // A new violation's form stays open after its first save (the page goes on with its id,
    // without loading it again): its next save is merged with what the first one wrote.
    void aNewViolationsNextSaveKeepsWhatSyncWrote()
    {
        QVERIFY(insp()->start(m_app->clusters()->get(0).value(QStringLiteral("id")).toString()));
        QVariantMap form{
            {QStringLiteral("category"), m_app->catalog()->get(0).value(QStringLiteral("code"))},
            {QStringLiteral("severity"), QStringLiteral("minor")},
            {QStringLiteral("observed"), QStringLiteral("Thiếu biển báo")},
            {QStringLiteral("remedy"), QStringLiteral("Lắp biển báo")}};
        const QVariantMap r = insp()->saveViolation({}, form);
        QVERIFY(r.value(QStringLiteral("ok")).toBool());
        const QString id = r.value(QStringLiteral("id")).toString();
        QVERIFY(pulledInto(QStringLiteral("violations"), id, QStringLiteral("remedy"),
                           QStringLiteral("Lắp biển báo trước 15/12")));
        form.insert(QStringLiteral("observed"), QStringLiteral("Thiếu biển báo ở cổng chính"));
        QVERIFY(insp()->saveViolation(id, form).value(QStringLiteral("ok")).toBool());
        QCOMPARE(insp()->violation(id).value(QStringLiteral("remedy")).toString(),
                 QStringLiteral("Lắp biển báo trước 15/12"));
        QCOMPARE(insp()->violation(id).value(QStringLiteral("observed")).toString(),
                 QStringLiteral("Thiếu biển báo ở cổng chính"));
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
