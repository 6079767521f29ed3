#include "appcontroller.h"
#include "clusterlistmodel.h"
#include "inspectioncontroller.h"
#include "inspectionmanager.h"
#include "minutescontroller.h"
#include "participantmodel.h"
#include "settingsmanager.h"
#include "uitest.h"

#include <QTemporaryDir>
#include <QtTest>

// The minutes of the open inspection (app.inspection.minutes): participants refused beside
// their field, and the participant form and the findings and conclusions texts against what a
// sync round writes while they are open.
class TestMinutesController : public QObject, protected uitest::DemoApp
{
    Q_OBJECT
    MinutesController *minutes() { return m_app->inspection()->minutes(); }

private slots:
    void initTestCase() { QVERIFY(openApp()); }

    void cleanup()
    {
        if (insp()->editable())
            insp()->discard();
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
            minutes()->saveParticipant({}, {{QStringLiteral("name"), name},
                                            {QStringLiteral("position_title"), position},
                                            {QStringLiteral("agency"), agency}});
        QVERIFY(!r.value(QStringLiteral("ok")).toBool());
        const QVariantMap errors = r.value(QStringLiteral("errors")).toMap();
        QCOMPARE(errors.keys(), QStringList{field});
        QVERIFY(!errors.value(field).toString().isEmpty());
        QCOMPARE(minutes()->participants()->rowCount(), 0);
    }

    // A sync round writes a teammate's text into the open inspection (here: SQL on the device's
    // database, as the pull writes it). The user's next save leaves an untouched text as the
    // round left it; a text both changed is not written but named, with its value now, and
    // written when saved again.
    // The autosave fires while the sync worker writes a page holding a teammate's conclusions:
    // the save waits for the page, merges with it, and writes only the findings typed.
    void aSaveDuringAPulledPageKeepsThePagesText()
    {
        QVERIFY(insp()->start(m_app->clusters()->get(1).value(QStringLiteral("id")).toString()));
        const QString id = insp()->inspectionId();
        const QString f0 = QStringLiteral("Đoàn đã kiểm tra trạm xử lý nước thải.");
        const QString c0 = QStringLiteral("Một là, vận hành trạm đúng quy trình.");
        QVERIFY(minutes()->saveFindings(f0, c0).value(QStringLiteral("ok")).toBool());
        const QString teammates = QStringLiteral("Một là, đồng nghiệp ghi kết luận khác.");
        const QString f1 = f0 + QStringLiteral(" Nhật ký vận hành chưa ghi đủ.");
        QVariantMap r;
        QVERIFY(pulledWhile(QStringLiteral("inspections"), id, QStringLiteral("conclusions"),
                            teammates, [&] { r = minutes()->saveFindings(f1, c0); }));
        QVERIFY2(r.value(QStringLiteral("ok")).toBool(),
                 qPrintable(r.value(QStringLiteral("message")).toString()));
        const QVariantMap row = m_app->inspectionManager()->inspection(id);
        QCOMPARE(row.value(QStringLiteral("findings")).toString(), f1);
        QCOMPARE(row.value(QStringLiteral("conclusions")).toString(), teammates);
    }

    // The same for a participant's row: a teammate's new title survives a save of the name.
    void aParticipantSavedDuringAPulledPageKeepsThePagesTitle()
    {
        QVERIFY(insp()->start(m_app->clusters()->get(2).value(QStringLiteral("id")).toString()));
        QVariantMap r = minutes()->saveParticipant(
            QString(), {{QStringLiteral("name"), QStringLiteral("Nguyễn Văn Bình")},
                        {QStringLiteral("position_title"), QStringLiteral("Chuyên viên")},
                        {QStringLiteral("agency"), QStringLiteral("Sở Công Thương")}});
        QVERIFY2(r.value(QStringLiteral("ok")).toBool(),
                 qPrintable(r.value(QStringLiteral("message")).toString()));
        const QString pid = r.value(QStringLiteral("id")).toString();
        QVERIFY(!pid.isEmpty());
        QVERIFY(!minutes()->participant(pid).isEmpty()); // the form opens it
        const QString title = QStringLiteral("Phó Trưởng phòng Quản lý Công nghiệp");
        QVERIFY(pulledWhile(
            QStringLiteral("inspection_participants"), pid, QStringLiteral("position_title"), title,
            [&] {
                r = minutes()->saveParticipant(
                    pid, {{QStringLiteral("name"), QStringLiteral("Nguyễn Văn Bính")},
                          {QStringLiteral("position_title"), QStringLiteral("Chuyên viên")},
                          {QStringLiteral("agency"), QStringLiteral("Sở Công Thương")}});
            }));
        QVERIFY2(r.value(QStringLiteral("ok")).toBool(),
                 qPrintable(r.value(QStringLiteral("message")).toString()));
        QSqlQuery q(m_app->database()->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT name, position_title FROM inspection_participants "
                                      "WHERE id = '%1'")
                           .arg(pid)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("Nguyễn Văn Bính"));
        QCOMPARE(q.value(1).toString(), title);
    }

    void aTextChangedBySyncIsNotOverwrittenUnseen()
    {
        QVERIFY(insp()->start(m_app->clusters()->get(0).value(QStringLiteral("id")).toString()));
        const QString id = insp()->inspectionId();
        const QString f0 = QStringLiteral("Đoàn đã kiểm tra hiện trường.");
        const QString c0 = QStringLiteral("Một là, hoàn thành thoát nước mưa.");
        QVERIFY(minutes()->saveFindings(f0, c0).value(QStringLiteral("ok")).toBool());
        auto pulled = [&](const QString &column, const QString &text) {
            return pulledInto(QStringLiteral("inspections"), id, column, text);
        };
        auto stored = [&](const char *column) {
            return m_app->inspectionManager()
                ->inspection(id)
                .value(QLatin1String(column))
                .toString();
        };
        const QString teammates = QStringLiteral("Một là, đồng nghiệp ghi kết luận này.");
        QVERIFY(pulled(QStringLiteral("conclusions"), teammates));
        const QString f1 = f0 + QStringLiteral(" Hệ thống thoát nước mưa chưa xong.");
        QVariantMap r = minutes()->saveFindings(f1, c0); // the form still shows c0
        QVERIFY2(r.value(QStringLiteral("ok")).toBool(),
                 qPrintable(r.value(QStringLiteral("message")).toString()));
        QCOMPARE(stored("findings"), f1);
        QCOMPARE(stored("conclusions"), teammates);

        const QString again = QStringLiteral("Một là, đồng nghiệp sửa lại kết luận.");
        QVERIFY(pulled(QStringLiteral("conclusions"), again));
        const QString mine = QStringLiteral("Một là, kết luận của tôi.");
        r = minutes()->saveFindings(f1, mine);
        QVERIFY(!r.value(QStringLiteral("ok")).toBool());
        QVERIFY(r.value(QStringLiteral("changedUnder")).toBool());
        const QVariantMap errors = r.value(QStringLiteral("errors")).toMap();
        QCOMPARE(errors.keys(), QStringList{QStringLiteral("conclusions")});
        QVERIFY2(errors.value(QStringLiteral("conclusions")).toString().contains(again),
                 qPrintable(errors.value(QStringLiteral("conclusions")).toString()));
        QCOMPARE(stored("conclusions"), again);
        // Saved again, knowing it: written.
        QVERIFY(minutes()->saveFindings(f1, mine).value(QStringLiteral("ok")).toBool());
        QCOMPARE(stored("conclusions"), mine);
    }

    // A round writes the texts of the open inspection: the form is told (formsPulled), a text
    // it shows unchanged follows the new one, a text its user is changing stays theirs and its
    // save names the round's.
    void aTextNotBeingChangedFollowsWhatARoundWrote()
    {
        QVERIFY(insp()->start(m_app->clusters()->get(0).value(QStringLiteral("id")).toString()));
        const QString id = insp()->inspectionId();
        const QString f0 = QStringLiteral("Đoàn đã kiểm tra hiện trường.");
        const QString c0 = QStringLiteral("Một là, hoàn thành thoát nước mưa.");
        QVERIFY(minutes()->saveFindings(f0, c0).value(QStringLiteral("ok")).toBool());
        QSignalSpy told(insp(), &InspectionController::formsPulled);
        insp()->refreshPulled();
        QCOMPARE(told.count(), 1);
        QVERIFY(minutes()->followPulledTexts(f0, c0).isEmpty()); // nothing new to follow

        const QString f1 = QStringLiteral("Đồng nghiệp ghi: bể lắng đầy bùn.");
        const QString c1 = QStringLiteral("Một là, nạo vét bể lắng.");
        QVERIFY(pulledInto(QStringLiteral("inspections"), id, QStringLiteral("findings"), f1));
        QVERIFY(pulledInto(QStringLiteral("inspections"), id, QStringLiteral("conclusions"), c1));
        insp()->refreshPulled();
        QCOMPARE(told.count(), 2);
        // The user is typing in the conclusions; the findings are as shown.
        const QString typing = c0 + QStringLiteral(" Hai là, …");
        QSignalSpy changed(minutes(), &MinutesController::findingsChanged);
        const QVariantMap followed = minutes()->followPulledTexts(f0, typing);
        QCOMPARE(followed, (QVariantMap{{QStringLiteral("findings"), f1}}));
        QCOMPARE(minutes()->findings(), f1);
        QCOMPARE(minutes()->conclusions(), c0);
        QCOMPARE(changed.count(), 1);
        // Nothing more to follow: nothing said.
        QVERIFY(minutes()->followPulledTexts(f1, typing).isEmpty());
        QCOMPARE(changed.count(), 1);
        // The conclusions being typed are not written over the round's unseen.
        const QVariantMap r = minutes()->saveFindings(f1, typing);
        QVERIFY(r.value(QStringLiteral("changedUnder")).toBool());
        QCOMPARE(m_app->inspectionManager()->inspection(id).value("conclusions").toString(), c1);
        QCOMPARE(m_app->inspectionManager()->inspection(id).value("findings").toString(), f1);
    }

    // A round writes the participant whose form is open: the fields left as shown follow, the
    // one being typed stays.
    void aParticipantFormFollowsWhatARoundWrote()
    {
        QVERIFY(insp()->start(m_app->clusters()->get(0).value(QStringLiteral("id")).toString()));
        QVariantMap form{{QStringLiteral("name"), QStringLiteral("Nguyễn Văn An")},
                         {QStringLiteral("position_title"), QStringLiteral("Chuyên viên")},
                         {QStringLiteral("agency"), QStringLiteral("Sở Công Thương")}};
        const QString id =
            minutes()->saveParticipant({}, form).value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());
        QVERIFY(!minutes()->participant(id).isEmpty()); // the form opens it
        const QString pt = QStringLiteral("inspection_participants");
        QVERIFY(pulledInto(pt, id, QStringLiteral("agency"), QStringLiteral("Sở Công Thương NB")));
        QVERIFY(
            pulledInto(pt, id, QStringLiteral("position_title"), QStringLiteral("Trưởng phòng")));
        QSignalSpy told(insp(), &InspectionController::formsPulled);
        // The list is read again before the forms are told: what they read then is the round's.
        QString listedWhenTold;
        QObject listening;
        connect(insp(), &InspectionController::formsPulled, &listening, [&] {
            listedWhenTold = minutes()->participants()->get(0).value("agency").toString();
        });
        insp()->refreshPulled();
        QCOMPARE(told.count(), 1);
        QCOMPARE(listedWhenTold, QStringLiteral("Sở Công Thương NB"));
        form.insert(QStringLiteral("position_title"), QStringLiteral("Phó Trưởng phòng"));
        QCOMPARE(minutes()->followPulledParticipant(id, form),
                 (QVariantMap{{QStringLiteral("agency"), QStringLiteral("Sở Công Thương NB")}}));
        QVERIFY(minutes()->followPulledParticipant(id, form).isEmpty());
        form.insert(QStringLiteral("agency"), QStringLiteral("Sở Công Thương NB"));
        const QVariantMap r = minutes()->saveParticipant(id, form);
        QVERIFY(r.value(QStringLiteral("changedUnder")).toBool());
        QCOMPARE(r.value(QStringLiteral("errors")).toMap().keys(),
                 QStringList{QStringLiteral("position_title")});
    }

    // The participant form too: an agency a sync round corrected while the form was open stays;
    // a name both changed is named, not written, then written when saved again.
    void aParticipantFieldChangedBySyncIsNotOverwrittenUnseen()
    {
        QVERIFY(insp()->start(m_app->clusters()->get(0).value(QStringLiteral("id")).toString()));
        QVariantMap form{{QStringLiteral("name"), QStringLiteral("Nguyễn Văn An")},
                         {QStringLiteral("position_title"), QStringLiteral("Chuyên viên")},
                         {QStringLiteral("agency"), QStringLiteral("Sở Công Thương")}};
        QVariantMap r = minutes()->saveParticipant({}, form);
        QVERIFY(r.value(QStringLiteral("ok")).toBool());
        const QString id = r.value(QStringLiteral("id")).toString();
        QCOMPARE(minutes()->participant(id).value(QStringLiteral("name")).toString(),
                 QStringLiteral("Nguyễn Văn An"));
        QVERIFY(pulledInto(QStringLiteral("inspection_participants"), id, QStringLiteral("agency"),
                           QStringLiteral("Sở Công Thương tỉnh Ninh Bình")));
        form.insert(QStringLiteral("position_title"), QStringLiteral("Phó Trưởng phòng"));
        r = minutes()->saveParticipant(id, form);
        QVERIFY2(r.value(QStringLiteral("ok")).toBool(),
                 qPrintable(r.value(QStringLiteral("message")).toString()));
        const auto stored = [&](const char *key) {
            for (const QVariant &v :
                 m_app->inspectionManager()->participants(insp()->inspectionId()))
                if (v.toMap().value(QStringLiteral("id")).toString() == id)
                    return v.toMap().value(QLatin1String(key)).toString();
            return QStringLiteral("<none>");
        };
        QCOMPARE(stored("agency"), QStringLiteral("Sở Công Thương tỉnh Ninh Bình"));
        QCOMPARE(stored("position_title"), QStringLiteral("Phó Trưởng phòng"));

        QVERIFY(pulledInto(QStringLiteral("inspection_participants"), id, QStringLiteral("name"),
                           QStringLiteral("Nguyễn Văn Ân")));
        form.insert(QStringLiteral("name"), QStringLiteral("Nguyễn Văn Anh"));
        r = minutes()->saveParticipant(id, form);
        QVERIFY(!r.value(QStringLiteral("ok")).toBool());
        QCOMPARE(r.value(QStringLiteral("errors")).toMap().keys(),
                 QStringList{QStringLiteral("name")});
        QCOMPARE(stored("name"), QStringLiteral("Nguyễn Văn Ân"));
        QVERIFY(minutes()->saveParticipant(id, form).value(QStringLiteral("ok")).toBool());
        QCOMPARE(stored("name"), QStringLiteral("Nguyễn Văn Anh"));
        QCOMPARE(stored("agency"), QStringLiteral("Sở Công Thương tỉnh Ninh Bình"));
    }

    void findingsSavedAndFinalOnSubmit()
    {
        QVERIFY(insp()->start(m_app->clusters()->get(0).value(QStringLiteral("id")).toString()));
        QSignalSpy changed(minutes(), &MinutesController::findingsChanged);
        const QString findings = QStringLiteral("Đoàn đã kiểm tra hiện trường.");
        const QString conclusions = QStringLiteral("Một là, hoàn thành thoát nước mưa.\nHai là, "
                                                   "bố trí cán bộ môi trường.");
        QVariantMap r = minutes()->saveFindings(findings, conclusions);
        QVERIFY2(r.value(QStringLiteral("ok")).toBool(),
                 qPrintable(r.value(QStringLiteral("message")).toString()));
        QCOMPARE(changed.count(), 1);
        // Stored: read back through a fresh open.
        const QString id = insp()->inspectionId();
        insp()->close();
        QVERIFY(insp()->open(id));
        QCOMPARE(minutes()->findings(), findings);
        QCOMPARE(minutes()->conclusions(), conclusions);
        // Unchanged texts write nothing.
        changed.clear();
        QVERIFY(
            minutes()->saveFindings(findings, conclusions).value(QStringLiteral("ok")).toBool());
        QCOMPARE(changed.count(), 0);
        // Too long: the error names the field; the stored text stays.
        r = minutes()->saveFindings(findings, QString(20001, QLatin1Char('x')));
        QVERIFY(!r.value(QStringLiteral("ok")).toBool());
        QCOMPARE(r.value(QStringLiteral("errors")).toMap().keys(),
                 QStringList{QStringLiteral("conclusions")});
        QCOMPARE(minutes()->conclusions(), conclusions);
        QCOMPARE(m_app->inspectionManager()
                     ->inspection(id)
                     .value(QStringLiteral("conclusions"))
                     .toString(),
                 conclusions);
    }
};

QTEST_GUILESS_MAIN(TestMinutesController)
#include "tst_minutescontroller.moc"
