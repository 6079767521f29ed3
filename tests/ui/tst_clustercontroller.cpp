#include "appcontroller.h"
#include "clustercontroller.h"
#include "clusterlistmodel.h"
#include "clustermanager.h"
#include "database.h"
#include "inspectioncontroller.h"
#include "inspectionmanager.h"
#include "recordwriter.h"
#include "settingsmanager.h"
#include "uitest.h"
#include "violationformcontroller.h"
#include "violationworkflow.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

class TestClusterController : public QObject, protected uitest::DemoApp
{
    Q_OBJECT

    // A new inspection of `cluster` opened with one violation in it; its id (empty if refused).
    QString violationIn(const QString &cluster, const QString &observed)
    {
        InspectionController *insp = m_app->inspection();
        if (!insp->start(cluster))
            return {};
        return insp->violationForm()
            ->saveViolation(
                {}, {{QStringLiteral("category"), QStringLiteral("Thiếu cán bộ môi trường")},
                     {QStringLiteral("severity"), QStringLiteral("minor")},
                     {QStringLiteral("observed"), observed}})
            .value(QStringLiteral("id"))
            .toString();
    }

private slots:
    void initTestCase() { QVERIFY(openApp()); }

    void dongHuong()
    {
        m_app->clusters()->setSearchText(QStringLiteral("dong huong"));
        QCOMPARE(m_app->clusters()->rowCount(), 1);
        ClusterController *c = m_app->cluster();
        QSignalSpy loaded(c, &ClusterController::loaded);
        c->load(m_app->clusters()->get(0).value(QStringLiteral("id")).toString());
        QCOMPARE(loaded.count(), 1);
        QVERIFY(c->found());
        QCOMPARE(c->name(), QStringLiteral("Cụm công nghiệp Đồng Hướng"));
        // Fill rate derived: leased ÷ industrial land.
        const QVariantMap row = c->cluster();
        const double expected = row.value(QStringLiteral("leased_land_ha")).toDouble() /
                                row.value(QStringLiteral("industrial_land_ha")).toDouble() * 100.0;
        QVERIFY(qAbs(c->fillRate() - expected) < 1e-9);
        QStringList labels;
        for (const QVariant &f : c->figures())
            labels << f.toMap().value(QStringLiteral("label")).toString();
        QVERIFY(labels.contains(QStringLiteral("Tỷ lệ lấp đầy")));
        QVERIFY(labels.contains(QStringLiteral("Diện tích quy hoạch")));
        QVERIFY(c->tenants().size() >= 9);
        QVERIFY(!c->infrastructure().isEmpty());
        for (const QVariant &i : c->infrastructure())
            QVERIFY(!i.toMap().value(QStringLiteral("percentText")).toString().isEmpty());
        for (const QVariant &v : c->openViolations())
            QVERIFY(v.toMap().value(QStringLiteral("status")).toString() !=
                    QLatin1String("verified_fixed"));
        m_app->clusters()->setSearchText(QString());
    }

    void progressReadingRefusals_data()
    {
        QTest::addColumn<QString>("percent");
        QTest::addColumn<QString>("date");
        QTest::addColumn<QString>("field");
        const QString today = QDate::currentDate().toString(QStringLiteral("dd/MM/yyyy"));
        const QString tomorrow =
            QDate::currentDate().addDays(1).toString(QStringLiteral("dd/MM/yyyy"));
        QTest::newRow("empty percent") << "" << today << "percent";
        QTest::newRow("text percent") << "nửa" << today << "percent";
        QTest::newRow("above 100") << "120" << today << "percent";
        QTest::newRow("negative") << "-5" << today << "percent";
        QTest::newRow("no date") << "50"
                                 << ""
                                 << "date";
        QTest::newRow("31 February") << "50"
                                     << "31/02/2026"
                                     << "date";
        QTest::newRow("tomorrow") << "50" << tomorrow << "date";
        QTest::newRow("1999") << "50"
                              << "01/01/1999"
                              << "date";
    }

    void progressReadingRefusals()
    {
        QFETCH(QString, percent);
        QFETCH(QString, date);
        QFETCH(QString, field);
        ClusterController *c = m_app->cluster();
        c->load(m_app->clusterManager()->clusters({}).first().toMap().value("id").toString());
        QVERIFY(!c->infrastructure().isEmpty());
        const QString item =
            c->infrastructure().first().toMap().value(QStringLiteral("id")).toString();
        const int before = c->progressHistory(item).size();
        const QVariantMap r = c->recordProgress(item, percent, date, QString());
        QVERIFY(!r.value(QStringLiteral("ok")).toBool());
        QCOMPARE(r.value(QStringLiteral("errors")).toMap().keys(), QStringList{field});
        QCOMPARE(c->progressHistory(item).size(), before);
    }

    void progressReadingRecordedAndInHistory()
    {
        ClusterController *c = m_app->cluster();
        c->load(m_app->clusterManager()->clusters({}).first().toMap().value("id").toString());
        const QVariantMap first = c->infrastructure().first().toMap();
        const QString item = first.value(QStringLiteral("id")).toString();
        const int before = c->progressHistory(item).size();
        const QString today = QDate::currentDate().toString(QStringLiteral("dd/MM/yyyy"));
        QSignalSpy loaded(c, &ClusterController::loaded);
        const QVariantMap r = c->recordProgress(item, QStringLiteral("62,5 %"), today,
                                                QStringLiteral(" đã trải nhựa "));
        QVERIFY2(r.value(QStringLiteral("ok")).toBool(),
                 qPrintable(r.value(QStringLiteral("message")).toString()));
        QVERIFY(loaded.count() >= 1);
        const QVariantList history = c->progressHistory(item);
        QCOMPARE(history.size(), before + 1);
        const QVariantMap newest = history.first().toMap();
        QCOMPARE(newest.value(QStringLiteral("percent")).toDouble(), 62.5);
        QCOMPARE(newest.value(QStringLiteral("dateText")).toString(), today);
        QCOMPARE(newest.value(QStringLiteral("note")).toString(), QStringLiteral("đã trải nhựa"));
        QCOMPARE(newest.value(QStringLiteral("inInspection")).toBool(), false);
        // The item now shows the new latest reading.
        for (const QVariant &v : c->infrastructure())
            if (v.toMap().value(QStringLiteral("id")) == item) {
                QCOMPARE(v.toMap().value(QStringLiteral("percent")).toDouble(), 62.5);
                QCOMPARE(v.toMap().value(QStringLiteral("latestText")).toString(), today);
            }
        // Within a progress-verification inspection the reading is linked to it.
        InspectionController *insp = m_app->inspection();
        QVERIFY(insp->start(c->clusterId(), QStringLiteral("progress_verification")));
        QCOMPARE(insp->kind(), QStringLiteral("progress_verification"));
        QVERIFY(
            c->recordProgress(item, QStringLiteral("70"), today, QString(), insp->inspectionId())
                .value(QStringLiteral("ok"))
                .toBool());
        QVERIFY(c->progressHistory(item)
                    .first()
                    .toMap()
                    .value(QStringLiteral("inInspection"))
                    .toBool());
        QVERIFY(insp->discard());
    }

    void violationFollowUpMovesForward()
    {
        // A violation recorded in an inspection that is then submitted.
        ClusterController *c = m_app->cluster();
        InspectionManager *m = m_app->inspectionManager();
        const QString cluster =
            m_app->clusterManager()->clusters({}).first().toMap().value("id").toString();
        InspectionController *insp = m_app->inspection();
        const QString vid = violationIn(cluster, QStringLiteral("Không có cán bộ môi trường"));
        QVERIFY(!vid.isEmpty());
        RecordWriter w(m_app->database()->connection());
        QVERIFY(w.update(QStringLiteral("inspections"), insp->inspectionId(),
                         {{QStringLiteral("status"), QStringLiteral("submitted")}})
                    .ok());
        QVERIFY(insp->open(insp->inspectionId()));
        QVERIFY(!insp->editable());
        c->load(cluster);
        auto row = [&]() -> QVariantMap {
            for (const QVariant &v : c->openViolations())
                if (v.toMap().value(QStringLiteral("id")) == vid)
                    return v.toMap();
            return {};
        };
        QStringList next;
        for (const QVariant &n : row().value(QStringLiteral("nextStatuses")).toList())
            next << n.toMap().value(QStringLiteral("value")).toString();
        QCOMPARE(next, ViolationWorkflow::next(QStringLiteral("open")));
        QCOMPARE(row()
                     .value(QStringLiteral("nextStatuses"))
                     .toList()
                     .first()
                     .toMap()
                     .value(QStringLiteral("label")),
                 QVariant(QStringLiteral("Đang khắc phục")));

        QCOMPARE(c->setViolationStatus(vid, QStringLiteral("fixed_reported")), QString());
        QCOMPARE(row().value(QStringLiteral("status")).toString(),
                 QStringLiteral("fixed_reported"));
        // The inspection's own list (the same inspection is open) follows.
        QCOMPARE(insp->violationForm()->violation(vid).value(QStringLiteral("status")).toString(),
                 QStringLiteral("fixed_reported"));
        QVERIFY(!c->setViolationStatus(vid, QStringLiteral("remedying")).isEmpty());
        QCOMPARE(row().value(QStringLiteral("status")).toString(),
                 QStringLiteral("fixed_reported"));
        // Verified fixed: no longer an open violation.
        QCOMPARE(c->setViolationStatus(vid, QStringLiteral("verified_fixed")), QString());
        QVERIFY(row().isEmpty());
        QCOMPARE(m->violations(insp->inspectionId()).first().toMap().value("status").toString(),
                 QStringLiteral("verified_fixed"));
        insp->close();
    }

    // A teammate's "verified fixed" arrives in a page while this user moves the violation to
    // "remedying": the move waits for the page and is refused as backwards, not written over it.
    void aFollowUpDuringAPulledPageSeesThePage()
    {
        ClusterController *c = m_app->cluster();
        const QString cluster =
            m_app->clusterManager()->clusters({}).first().toMap().value("id").toString();
        InspectionController *insp = m_app->inspection();
        const QString vid = violationIn(cluster, QStringLiteral("Chưa bố trí cán bộ môi trường"));
        QVERIFY(!vid.isEmpty());
        QString refused;
        QVERIFY(pulledWhile(QStringLiteral("violations"), vid, QStringLiteral("status"),
                            QStringLiteral("verified_fixed"), [&] {
                                refused = c->setViolationStatus(vid, QStringLiteral("remedying"));
                            }));
        QVERIFY(!refused.isEmpty());
        QCOMPARE(m_app->inspectionManager()
                     ->violations(insp->inspectionId())
                     .first()
                     .toMap()
                     .value("status")
                     .toString(),
                 QStringLiteral("verified_fixed"));
        insp->discard();
    }

    void unknownCluster()
    {
        m_app->cluster()->load(QStringLiteral("nope"));
        QVERIFY(!m_app->cluster()->found());
        QVERIFY(m_app->cluster()->figures().isEmpty());
        QCOMPARE(m_app->cluster()->fillRate(), -1.0);
    }
};

QTEST_GUILESS_MAIN(TestClusterController)
#include "tst_clustercontroller.moc"
