#include "answerid.h"
#include "inspectionmanager.h"
#include "recordwriter.h"
#include "testdb.h"
#include "violationworkflow.h"

class TestInspectionManager : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Database m_db;

    QString startDraft(InspectionManager &m)
    {
        QString id;
        InspectionManager::StartPosition pos;
        pos.valid = true;
        pos.lat = 20.055;
        pos.lon = 106.055;
        pos.accuracyM = 4.2;
        pos.at = 1716000000000;
        const CoreError e =
            m.start(testdb::dongHuong, QStringLiteral("periodic"), testdb::templateId,
                    QStringLiteral("Trần Thị Bích Ngọc"), pos, &id);
        if (e.failed())
            qWarning() << e.message();
        return id;
    }

private slots:
    void init() { QVERIFY(testdb::openWithFixture(m_db, m_dir)); }
    void cleanup()
    {
        m_db.close();
        QFile::remove(m_dir.filePath(QStringLiteral("device.sqlite")));
    }

    void startRecordsWhereAndHowAccurately()
    {
        InspectionManager m(m_db.connection());
        const QString id = startDraft(m);
        QVERIFY(!id.isEmpty());
        const QVariantMap i = m.inspection(id);
        QCOMPARE(i.value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
        QCOMPARE(i.value(QStringLiteral("lat")).toDouble(), 20.055);
        QCOMPARE(i.value(QStringLiteral("accuracy_m")).toDouble(), 4.2);
        QCOMPARE(i.value(QStringLiteral("cluster_name")).toString(), QStringLiteral("Đồng Hướng"));
        // A null inspector name is stored as '' (the column is NOT NULL), not refused.
        QString unnamed;
        QVERIFY(m.start(testdb::dongHuong, QStringLiteral("periodic"), testdb::templateId,
                        QString(), {}, &unnamed)
                    .ok());
        QString other;
        QCOMPARE(m.start(testdb::dongHuong, QStringLiteral("surprise"), testdb::templateId,
                         QString(), {}, &other)
                     .code(),
                 CoreError::Code::InvalidInput);
        QCOMPARE(m.start(QStringLiteral("nope"), QStringLiteral("periodic"), testdb::templateId,
                         QString(), {}, &other)
                     .code(),
                 CoreError::Code::NotFound);
    }

    // A new answer's id is AnswerId's, the one every tablet gives that inspection's answer to
    // that question; answering again keeps the row; an inspection saved whole does the same.
    void anAnswerHasTheIdEveryTabletGivesIt()
    {
        InspectionManager m(m_db.connection());
        const QString id = startDraft(m);
        QVERIFY(m.setAnswer(id, testdb::qWwtp, QStringLiteral("yes")).ok());
        QVERIFY(m.setAnswer(id, testdb::qWwtp, QStringLiteral("no")).ok());
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("SELECT id, value FROM answers WHERE inspection_id = ?"));
        q.addBindValue(id);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toString(), AnswerId::of(id, testdb::qWwtp));
        QCOMPARE(q.value(1).toString(), QStringLiteral("no"));
        QVERIFY(!q.next());
        // An inspection saved whole names its answers the same way.
        QString saved;
        QVERIFY(m.saveBundle({{"inspection", QVariantMap{{"cluster_id", testdb::dongHuong},
                                                         {"template_id", testdb::templateId},
                                                         {"kind", "periodic"},
                                                         {"started_at", qint64(1716000000000)}}},
                              {"answers", QVariantList{QVariantMap{{"question_id", testdb::qWwtp},
                                                                   {"value", "yes"}}}}},
                             &saved)
                    .ok());
        q.prepare(QStringLiteral("SELECT id FROM answers WHERE inspection_id = ?"));
        q.addBindValue(saved);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toString(), AnswerId::of(saved, testdb::qWwtp));
    }

    void badAnswerKeepsTheSavedOne()
    {
        InspectionManager m(m_db.connection());
        const QString id = startDraft(m);
        QVERIFY(m.setAnswer(id, testdb::qWwtp, QStringLiteral("yes")).ok());
        QVERIFY(m.setAnswer(id, testdb::qCapacity, QStringLiteral("1200")).ok());
        const CoreError e = m.setAnswer(id, testdb::qCapacity, QStringLiteral("nhiều lắm"));
        QCOMPARE(e.code(), CoreError::Code::InvalidInput);
        QVERIFY(e.message().contains(QStringLiteral("Công suất trạm")));
        QCOMPARE(m.answers(id)
                     .value(testdb::qCapacity)
                     .toMap()
                     .value(QStringLiteral("value"))
                     .toString(),
                 QStringLiteral("1200"));
        QCOMPARE(m.answerValue(id, testdb::qCapacity), QStringLiteral("1200"));
        QCOMPARE(m.answerValue(id, testdb::qWwtp), QStringLiteral("yes"));
        // Clearing an answer is allowed and saved.
        QVERIFY(m.setAnswer(id, testdb::qCapacity, QString()).ok());
        QVERIFY(
            m.answers(id).value(testdb::qCapacity).toMap().value(QStringLiteral("value")).isNull());
        QCOMPARE(m.answerValue(id, testdb::qCapacity), QString());
    }

    void submitNamesEachMissingItem()
    {
        InspectionManager m(m_db.connection());
        const QString id = startDraft(m);
        QCOMPARE(m.missingRequired(id),
                 QStringList{QStringLiteral("Môi trường — Có trạm xử lý nước thải tập trung")});
        QVERIFY(m.setAnswer(id, testdb::qWwtp, QStringLiteral("yes")).ok());
        // The capacity becomes visible and required.
        CoreError e = m.submit(id);
        QCOMPARE(e.code(), CoreError::Code::MissingAnswers);
        QVERIFY2(e.message().contains(QStringLiteral("Công suất trạm")), qPrintable(e.message()));
        QVERIFY(!e.message().contains(QStringLiteral("Ảnh khu vực xả thải")));
        // Answering "no" hides the capacity and requires a photo instead.
        QVERIFY(m.setAnswer(id, testdb::qWwtp, QStringLiteral("no")).ok());
        e = m.submit(id);
        QVERIFY2(e.message().contains(QStringLiteral("Ảnh khu vực xả thải")),
                 qPrintable(e.message()));
        RecordWriter w(m_db.connection());
        QVERIFY(w.insert(QStringLiteral("photos"),
                         {{QStringLiteral("sha256"), QString(64, QLatin1Char('a'))},
                          {QStringLiteral("inspection_id"), id},
                          {QStringLiteral("question_id"), testdb::qPhoto},
                          {QStringLiteral("source"), QStringLiteral("file")},
                          {QStringLiteral("byte_size"), 10}})
                    .ok());
        QVERIFY(m.missingRequired(id).isEmpty());
        // The photo answers its question for the progress bar too: wwtp and the photo of 5 shown.
        QCOMPARE(m.progress(id), qMakePair(5, 2));
        QVERIFY(m.submit(id).ok());
        const QVariantMap i = m.inspection(id);
        QCOMPARE(i.value(QStringLiteral("status")).toString(), QStringLiteral("submitted"));
        QVERIFY(!i.value(QStringLiteral("submitted_at")).isNull());
        // Submitted means final.
        QCOMPARE(m.setAnswer(id, testdb::qGreen, QStringLiteral("20")).code(),
                 CoreError::Code::NotEditable);
        QCOMPARE(m.submit(id).code(), CoreError::Code::NotEditable);
    }

    void progressCountsVisibleQuestions()
    {
        InspectionManager m(m_db.connection());
        const QString id = startDraft(m);
        QCOMPARE(m.progress(id), qMakePair(4, 0));
        QVERIFY(m.setAnswer(id, testdb::qWwtp, QStringLiteral("yes")).ok());
        QCOMPARE(m.progress(id), qMakePair(5, 1));
    }

    void violations()
    {
        InspectionManager m(m_db.connection());
        const QString id = startDraft(m);
        QVariantMap v{{QStringLiteral("category"), QStringLiteral("Không có sổ nhật ký vận hành")},
                      {QStringLiteral("severity"), QStringLiteral("serious")},
                      {QStringLiteral("observed"), QStringLiteral("Không xuất trình được sổ.")},
                      {QStringLiteral("deadline_on"), QStringLiteral("2026-12-31")},
                      {QStringLiteral("fine_min_vnd"), 50000000},
                      {QStringLiteral("fine_max_vnd"), 60000000}};
        QString vid;
        QVERIFY(m.addViolation(id, v, &vid).ok());
        QCOMPARE(m.violations(id).size(), 1);
        QCOMPARE(m.violations(id).first().toMap().value(QStringLiteral("status")).toString(),
                 QStringLiteral("open"));

        QVariantMap bad = v;
        bad.insert(QStringLiteral("deadline_on"), QStringLiteral("31/12/2026"));
        QString none;
        QCOMPARE(m.addViolation(id, bad, &none).code(), CoreError::Code::InvalidInput);
        bad = v;
        bad.remove(QStringLiteral("observed"));
        QVERIFY(m.addViolation(id, bad, &none).message().contains(QStringLiteral("mô tả")));
        bad = v;
        bad.insert(QStringLiteral("fine_min_vnd"), 70000000);
        QCOMPARE(m.addViolation(id, bad, &none).code(), CoreError::Code::InvalidInput);
        bad = v;
        bad.insert(QStringLiteral("severity"), QStringLiteral("catastrophic"));
        QCOMPARE(m.addViolation(id, bad, &none).code(), CoreError::Code::InvalidInput);
        QCOMPARE(m.violations(id).size(), 1);

        QVERIFY(
            m.updateViolation(vid, {{QStringLiteral("remedy"), QStringLiteral("Lập sổ nhật ký.")}})
                .ok());
        QCOMPARE(m.violations(id).first().toMap().value(QStringLiteral("remedy")).toString(),
                 QStringLiteral("Lập sổ nhật ký."));
        QCOMPARE(m.updateViolation(vid, {{QStringLiteral("sql"), QStringLiteral("1")}}).code(),
                 CoreError::Code::InvalidInput);
        QVERIFY(m.deleteViolation(vid).ok());
        QCOMPARE(m.violations(id).size(), 0);
        // An edit of a violation deleted meanwhile (its form was open) says so.
        const CoreError late =
            m.updateViolation(vid, {{QStringLiteral("remedy"), QStringLiteral("Muộn")}});
        QCOMPARE(late.code(), CoreError::Code::NotEditable);
        QVERIFY2(late.message().contains(QStringLiteral("đã bị xoá")), qPrintable(late.message()));
        QCOMPARE(m.updateViolation(QStringLiteral("no-such-id"), {}).code(),
                 CoreError::Code::NotFound);
    }

    void progressReadings()
    {
        InspectionManager m(m_db.connection());
        RecordWriter w(m_db.connection());
        QString item;
        QVERIFY(w.insert(QStringLiteral("infrastructure_items"),
                         {{QStringLiteral("cluster_id"), testdb::khanhHai},
                          {QStringLiteral("kind"), QStringLiteral("roads")},
                          {QStringLiteral("name"), QStringLiteral("Đường nội bộ")}},
                         &item)
                    .ok());
        QVERIFY(
            m.recordProgress(item, QString(), 45, QStringLiteral("2026-11-20"), QString()).ok());
        QCOMPARE(
            m.recordProgress(item, QString(), 140, QStringLiteral("2026-11-20"), QString()).code(),
            CoreError::Code::InvalidInput);
        QCOMPARE(m.recordProgress(item, QString(), 40, QStringLiteral("hôm qua"), QString()).code(),
                 CoreError::Code::InvalidInput);
        QCOMPARE(m.recordProgress(QStringLiteral("nope"), QString(), 40,
                                  QStringLiteral("2026-11-20"), QString())
                     .code(),
                 CoreError::Code::NotFound);
        // History: newest observation first, then the later entry of the same day.
        QVERIFY(m.recordProgress(item, QString(), 30, QStringLiteral("2026-10-01"),
                                 QStringLiteral("trước"))
                    .ok());
        QVERIFY(m.recordProgress(item, QString(), 50, QStringLiteral("2026-11-20"),
                                 QStringLiteral("sau"))
                    .ok());
        const QVariantList history = m.progressReadings(item);
        QCOMPARE(history.size(), 3);
        QCOMPARE(history.at(0).toMap().value(QStringLiteral("percent")).toDouble(), 50.0);
        QCOMPARE(history.at(1).toMap().value(QStringLiteral("percent")).toDouble(), 45.0);
        QCOMPARE(history.at(2).toMap().value(QStringLiteral("note")).toString(),
                 QStringLiteral("trước"));
        // A reading within an inspection: only for an item of the inspected cluster (Đồng Hướng).
        const QString insp = startDraft(m);
        QCOMPARE(m.recordProgress(item, insp, 60, QStringLiteral("2026-11-21"), QString()).code(),
                 CoreError::Code::InvalidInput);
        QString own;
        QVERIFY(w.insert(QStringLiteral("infrastructure_items"),
                         {{QStringLiteral("cluster_id"), testdb::dongHuong},
                          {QStringLiteral("kind"), QStringLiteral("stormwater")},
                          {QStringLiteral("name"), QStringLiteral("Thoát nước mưa")}},
                         &own)
                    .ok());
        QVERIFY(m.recordProgress(own, insp, 60, QStringLiteral("2026-11-21"), QString()).ok());
        QCOMPARE(m.progressReadings(own)
                     .first()
                     .toMap()
                     .value(QStringLiteral("inspection_id"))
                     .toString(),
                 insp);
    }

    void participantsAddEditRemove()
    {
        InspectionManager m(m_db.connection());
        const QString id = startDraft(m);
        QString a, b, c;
        QVERIFY(m.addParticipant(id, QStringLiteral("Nguyễn Văn An"),
                                 QStringLiteral("Phó Giám đốc"), QStringLiteral("Sở Công Thương"),
                                 &a)
                    .ok());
        QVERIFY(m.addParticipant(id, QStringLiteral("Lê Thị Hoa"), QStringLiteral("Giám đốc"),
                                 QStringLiteral("Công ty CP hạ tầng"), &b)
                    .ok());
        QVERIFY(m.addParticipant(id, QStringLiteral("Trần Văn Bình"), QStringLiteral("Chuyên viên"),
                                 QStringLiteral("Sở Công Thương"), &c)
                    .ok());
        // Grouped by agency in the order the agencies first appeared.
        QVariantList rows = m.participants(id);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).toMap().value(QStringLiteral("id")).toString(), a);
        QCOMPARE(rows.at(1).toMap().value(QStringLiteral("id")).toString(), c);
        QCOMPARE(rows.at(2).toMap().value(QStringLiteral("id")).toString(), b);

        QCOMPARE(m.updateParticipant(c, QStringLiteral("  "), QString(), QString()).code(),
                 CoreError::Code::InvalidInput);
        QVERIFY(m.updateParticipant(c, QStringLiteral(" Trần Văn Bình "),
                                    QStringLiteral("Trưởng phòng"),
                                    QStringLiteral("Sở Công Thương"))
                    .ok());
        rows = m.participants(id);
        QCOMPARE(rows.at(1).toMap().value(QStringLiteral("position_title")).toString(),
                 QStringLiteral("Trưởng phòng"));
        QCOMPARE(rows.at(1).toMap().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Trần Văn Bình"));

        // Removal is a soft delete: the row stays (deleted_at set) and an outbox entry says so.
        QVERIFY(m.removeParticipant(b).ok());
        QCOMPARE(m.participants(id).size(), 2);
        QCOMPARE(testdb::count(m_db, QStringLiteral("SELECT count(*) FROM inspection_participants "
                                                    "WHERE deleted_at IS NOT NULL")),
                 1);
        QCOMPARE(testdb::count(m_db, QStringLiteral("SELECT count(*) FROM outbox WHERE entity = "
                                                    "'inspection_participants' AND op = "
                                                    "'delete'")),
                 1);
        QCOMPARE(m.removeParticipant(b).code(), CoreError::Code::NotFound);
        QCOMPARE(m.updateParticipant(b, QStringLiteral("X"), QString(), QString()).code(),
                 CoreError::Code::NotFound);

        // The same person twice is refused, written another way too; removed, they come back as
        // the same row; a participant renamed since leaves their first name free for another.
        const CoreError twice = m.addParticipant(id, QStringLiteral("nguyen van an"), QString(),
                                                 QStringLiteral("SỞ CÔNG THƯƠNG"), nullptr);
        QCOMPARE(twice.code(), CoreError::Code::InvalidInput);
        QVERIFY2(twice.message().contains(QStringLiteral("đã có")), qPrintable(twice.message()));
        QString back;
        QVERIFY(m.addParticipant(id, QStringLiteral("Lê Thị Hoa"), QStringLiteral("Phó Giám đốc"),
                                 QStringLiteral("Công ty CP hạ tầng"), &back)
                    .ok());
        QCOMPARE(back, b);
        QCOMPARE(m.participants(id).size(), 3);
        QVERIFY(m.updateParticipant(a, QStringLiteral("Nguyễn Văn Anh"),
                                    QStringLiteral("Phó Giám đốc"),
                                    QStringLiteral("Sở Công Thương"))
                    .ok());
        QString another;
        QVERIFY(m.addParticipant(id, QStringLiteral("Nguyễn Văn An"), QString(),
                                 QStringLiteral("Sở Công Thương"), &another)
                    .ok());
        QVERIFY(another != a);
        QCOMPARE(m.participants(id).size(), 4);
        QVERIFY(m.removeParticipant(another).ok());
        QVERIFY(m.removeParticipant(b).ok());

        // Submitted: participants are part of the signed minutes and no longer change.
        QVERIFY(m.setAnswer(id, testdb::qWwtp, QStringLiteral("yes")).ok());
        QVERIFY(m.setAnswer(id, testdb::qCapacity, QStringLiteral("500")).ok());
        const CoreError submitted = m.submit(id);
        QVERIFY2(submitted.ok(), qPrintable(submitted.message()));
        QCOMPARE(m.removeParticipant(a).code(), CoreError::Code::NotEditable);
        QCOMPARE(m.updateParticipant(a, QStringLiteral("X"), QString(), QString()).code(),
                 CoreError::Code::NotEditable);
        QCOMPARE(m.participants(id).size(), 2);
    }

    void violationStatusMovesForwardOnly_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QStringList>("next");
        QTest::newRow("open") << "open"
                              << QStringList{"remedying", "fixed_reported", "verified_fixed",
                                             "escalated"};
        QTest::newRow("remedying")
            << "remedying" << QStringList{"fixed_reported", "verified_fixed", "escalated"};
        QTest::newRow("fixed_reported")
            << "fixed_reported" << QStringList{"verified_fixed", "escalated"};
        QTest::newRow("verified_fixed") << "verified_fixed" << QStringList{};
        QTest::newRow("escalated") << "escalated" << QStringList{"verified_fixed"};
        QTest::newRow("unknown") << "lost" << QStringList{};
    }

    void violationStatusMovesForwardOnly()
    {
        QFETCH(QString, from);
        QFETCH(QStringList, next);
        QCOMPARE(ViolationWorkflow::next(from), next);
    }

    void violationFollowUpAfterSubmit()
    {
        InspectionManager m(m_db.connection());
        const QString id = startDraft(m);
        QString vid;
        QVERIFY(m.addViolation(id,
                               {{QStringLiteral("category"), QStringLiteral("Thiếu cây xanh")},
                                {QStringLiteral("severity"), QStringLiteral("serious")},
                                {QStringLiteral("observed"), QStringLiteral("Cây xanh 5 %.")}},
                               &vid)
                    .ok());
        QVERIFY(m.setAnswer(id, testdb::qWwtp, QStringLiteral("yes")).ok());
        QVERIFY(m.setAnswer(id, testdb::qCapacity, QStringLiteral("500")).ok());
        QVERIFY(m.submit(id).ok());
        auto status = [&] {
            return m.violations(id).first().toMap().value(QStringLiteral("status")).toString();
        };
        // The ordinary edit is refused on a submitted inspection...
        QCOMPARE(m.updateViolation(vid, {{QStringLiteral("status"), QStringLiteral("remedying")}})
                     .code(),
                 CoreError::Code::NotEditable);
        QCOMPARE(status(), QStringLiteral("open"));
        // ...the follow-up is not, forward only.
        QSignalSpy changed(&m, &InspectionManager::inspectionChanged);
        QVERIFY(m.setViolationStatus(vid, QStringLiteral("remedying")).ok());
        QCOMPARE(status(), QStringLiteral("remedying"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m.setViolationStatus(vid, QStringLiteral("open")).code(),
                 CoreError::Code::NotEditable);
        QCOMPARE(status(), QStringLiteral("remedying"));
        QCOMPARE(m.setViolationStatus(vid, QStringLiteral("bogus")).code(),
                 CoreError::Code::InvalidInput);
        QVERIFY(m.setViolationStatus(vid, QStringLiteral("remedying")).ok()); // unchanged: fine
        QCOMPARE(changed.count(), 1);
        QVERIFY(m.setViolationStatus(vid, QStringLiteral("escalated")).ok());
        QCOMPARE(m.setViolationStatus(vid, QStringLiteral("fixed_reported")).code(),
                 CoreError::Code::NotEditable);
        QVERIFY(m.setViolationStatus(vid, QStringLiteral("verified_fixed")).ok());
        QCOMPARE(status(), QStringLiteral("verified_fixed"));
        QCOMPARE(m.setViolationStatus(vid, QStringLiteral("escalated")).code(),
                 CoreError::Code::NotEditable);
        // Each move reached the outbox.
        QCOMPARE(testdb::count(m_db, QStringLiteral("SELECT count(*) FROM outbox WHERE entity = "
                                                    "'violations' AND op = 'update'")),
                 3);
        QCOMPARE(m.setViolationStatus(QStringLiteral("nope"), QStringLiteral("remedying")).code(),
                 CoreError::Code::NotFound);
    }

    void violationOfDiscardedDraftIsNotFollowed()
    {
        InspectionManager m(m_db.connection());
        const QString id = startDraft(m);
        QString vid;
        QVERIFY(m.addViolation(id,
                               {{QStringLiteral("category"), QStringLiteral("Thiếu cây xanh")},
                                {QStringLiteral("severity"), QStringLiteral("minor")},
                                {QStringLiteral("observed"), QStringLiteral("Cây xanh 5 %.")}},
                               &vid)
                    .ok());
        QVERIFY(m.discardDraft(id).ok());
        QCOMPARE(m.setViolationStatus(vid, QStringLiteral("remedying")).code(),
                 CoreError::Code::NotEditable);
    }

    void bundleSavesEverythingAtOnce()
    {
        InspectionManager m(m_db.connection());
        const int outboxBefore = testdb::count(m_db, QStringLiteral("SELECT count(*) FROM outbox"));
        QVariantList answers;
        answers << QVariantMap{{QStringLiteral("question_id"), testdb::qWwtp},
                               {QStringLiteral("value"), QStringLiteral("yes")}};
        answers << QVariantMap{{QStringLiteral("question_id"), testdb::qGreen},
                               {QStringLiteral("value"), QStringLiteral("12")}};
        const QVariantMap bundle{
            {QStringLiteral("inspection"),
             QVariantMap{{QStringLiteral("cluster_id"), testdb::dongHuong},
                         {QStringLiteral("template_id"), testdb::templateId},
                         {QStringLiteral("kind"), QStringLiteral("periodic")},
                         {QStringLiteral("started_at"), qint64(1716000000000)}}},
            {QStringLiteral("answers"), answers},
        };
        QString id;
        QVERIFY(m.saveBundle(bundle, &id).ok());
        QCOMPARE(m.answers(id).size(), 2);
        QCOMPARE(testdb::count(m_db, QStringLiteral("SELECT count(*) FROM outbox")),
                 outboxBefore + 3);
        // A bundle with one bad row stores nothing.
        QVariantList bad = answers;
        bad << QVariantMap{{QStringLiteral("question_id"), QStringLiteral("no-such-question")}};
        QVariantMap badBundle = bundle;
        badBundle.insert(QStringLiteral("answers"), bad);
        const int inspectionsBefore =
            testdb::count(m_db, QStringLiteral("SELECT count(*) FROM inspections"));
        QVERIFY(m.saveBundle(badBundle).failed());
        QCOMPARE(testdb::count(m_db, QStringLiteral("SELECT count(*) FROM inspections")),
                 inspectionsBefore);
    }
};

QTEST_GUILESS_MAIN(TestInspectionManager)
#include "tst_inspectionmanager.moc"
