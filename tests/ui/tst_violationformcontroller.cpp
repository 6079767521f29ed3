#include "appcontroller.h"
#include "clusterlistmodel.h"
#include "database.h"
#include "domainlabels.h"
#include "inspectioncontroller.h"
#include "inspectionmanager.h"
#include "settingsmanager.h"
#include "uitest.h"
#include "violationcatalogmodel.h"
#include "violationformcontroller.h"
#include "violationmodel.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

// A violation's form (app.inspection.violationForm): fields refused beside their field, a save,
// its evidence photo and deletion, and the form against what a sync round writes while it is
// open.
class TestViolationFormController : public QObject, protected uitest::DemoApp
{
    Q_OBJECT
    ViolationFormController *violationForm() { return m_app->inspection()->violationForm(); }
    // The fields of a violation's form as ViolationFormPage.load fills them from violation():
    // the category only when the catalogue offers it, the deadline as a date.
    QVariantMap openForm(const QString &id)
    {
        const QVariantMap v = violationForm()->violation(id);
        const QString category = v.value(QStringLiteral("category")).toString();
        return {{QStringLiteral("category"),
                 m_app->catalog()->indexOf(category) >= 0 ? category : QString()},
                {QStringLiteral("severity"), v.value(QStringLiteral("severity"))},
                {QStringLiteral("observed"), v.value(QStringLiteral("observed"))},
                {QStringLiteral("remedy"), v.value(QStringLiteral("remedy"))},
                {QStringLiteral("deadline"), v.value(QStringLiteral("deadlineText"))},
                {QStringLiteral("responsible_party"), v.value(QStringLiteral("responsibleParty"))}};
    }
    bool dirty(const QString &id, const QVariantMap &form)
    {
        return violationForm()->dirty(id, form);
    }
    static QString photoPath()
    {
        return QStringLiteral(CCN_SHARED_DIR "/data/photos/gps/DSCN0010.jpg");
    }

private slots:
    void initTestCase() { QVERIFY(openApp()); }

    void cleanup()
    {
        if (insp()->editable())
            insp()->discard();
    }

    void violations()
    {
        QVERIFY(insp()->start(m_app->clusters()->get(0).value(QStringLiteral("id")).toString()));
        QVariantMap r = violationForm()->saveViolation(
            {}, {{QStringLiteral("deadline"), QStringLiteral("hôm qua")},
                 {QStringLiteral("observed"), QString(5000, QLatin1Char('x'))}});
        QVERIFY(!r.value(QStringLiteral("ok")).toBool());
        const QVariantMap errors = r.value(QStringLiteral("errors")).toMap();
        for (const char *k : {"category", "severity", "observed", "deadline"})
            QVERIFY2(errors.contains(QLatin1String(k)), k);
        QCOMPARE(insp()->violations()->rowCount(), 0);

        const QVariantMap cat = m_app->catalog()->get(0);
        r = violationForm()->saveViolation(
            {}, {{QStringLiteral("category"), cat.value(QStringLiteral("code"))},
                 {QStringLiteral("severity"), QStringLiteral("serious")},
                 {QStringLiteral("observed"), QStringLiteral("Không có nhật ký vận hành")},
                 {QStringLiteral("deadline"), QStringLiteral("30/6/2027")}});
        QVERIFY2(r.value(QStringLiteral("ok")).toBool(),
                 qPrintable(r.value(QStringLiteral("message")).toString()));
        const QString id = r.value(QStringLiteral("id")).toString();
        QCOMPARE(insp()->violations()->rowCount(), 1);
        const QVariantMap v = violationForm()->violation(id);
        QCOMPARE(v.value(QStringLiteral("deadlineOn")).toString(), QStringLiteral("2027-06-30"));
        QCOMPARE(v.value(QStringLiteral("legalBasis")), cat.value(QStringLiteral("legalBasis")));
        QCOMPARE(v.value(QStringLiteral("fineMin")).toLongLong(),
                 cat.value(QStringLiteral("fineMin")).toLongLong());

        // Evidence photo from a real file (the camera cannot run in tests).
        const QVariantMap p = insp()->attachPhoto(photoPath(), {}, id);
        QVERIFY2(p.value(QStringLiteral("ok")).toBool(),
                 qPrintable(p.value(QStringLiteral("message")).toString()));
        QCOMPARE(violationForm()->violation(id).value(QStringLiteral("photoCount")).toInt(), 1);
        const QVariantMap shown = insp()->photo(p.value(QStringLiteral("id")).toString());
        QVERIFY(shown.value(QStringLiteral("hasPosition")).toBool());
        QVERIFY(shown.value(QStringLiteral("url")).toUrl().isLocalFile());

        QVERIFY(violationForm()->deleteViolation(id).isEmpty());
        QCOMPARE(insp()->violations()->rowCount(), 0);
    }

    // Whether the form holds changes not saved (ViolationFormPage asks before leaving then): a
    // new violation's form against an empty one, then against what violation() gave it, what a
    // save wrote and what a refused save left; never on a read-only inspection.
    void dirtyIsWhatTheFormShowsAgainstWhatItWasGiven()
    {
        QVERIFY(insp()->start(m_app->clusters()->get(0).value(QStringLiteral("id")).toString()));
        const QVariantMap empty{{QStringLiteral("category"), QString()},
                                {QStringLiteral("severity"), QString()},
                                {QStringLiteral("observed"), QString()},
                                {QStringLiteral("remedy"), QString()},
                                {QStringLiteral("deadline"), QString()},
                                {QStringLiteral("responsible_party"), QString()}};
        QVariantMap form = empty;
        QVERIFY(!dirty({}, form));
        form.insert(QStringLiteral("remedy"), QStringLiteral("Lắp biển báo"));
        QVERIFY(dirty({}, form));
        // Refused (no category, severity, nothing seen): the form holds what was typed.
        QVERIFY(!violationForm()->saveViolation({}, form).value(QStringLiteral("ok")).toBool());
        QVERIFY(dirty({}, form));
        form.insert(QStringLiteral("remedy"), QStringLiteral("   "));
        form.insert(QStringLiteral("observed"), QStringLiteral(" "));
        QVERIFY2(!dirty({}, form), "spaces a save trims are not a change");
        form.insert(QStringLiteral("deadline"), QStringLiteral("31/12/20"));
        QVERIFY2(dirty({}, form), "a date half typed is a change");

        // Saved: the form as saved (the date as the user wrote it) is not dirty.
        form.insert(QStringLiteral("category"),
                    m_app->catalog()->get(0).value(QStringLiteral("code")));
        form.insert(QStringLiteral("severity"), QStringLiteral("minor"));
        form.insert(QStringLiteral("observed"), QStringLiteral("Thiếu biển báo"));
        form.insert(QStringLiteral("deadline"), QStringLiteral("30/6/2027"));
        const QVariantMap r = violationForm()->saveViolation({}, form);
        QVERIFY2(r.value(QStringLiteral("ok")).toBool(),
                 qPrintable(r.value(QStringLiteral("message")).toString()));
        const QString id = r.value(QStringLiteral("id")).toString();
        QVERIFY(!dirty(id, form));
        form.insert(QStringLiteral("deadline"), QStringLiteral("2027-06-30"));
        QVERIFY2(!dirty(id, form), "the same date written another way");
        form.insert(QStringLiteral("deadline"), QStringLiteral("1/7/2027"));
        QVERIFY(dirty(id, form));
        form.insert(QStringLiteral("deadline"), QStringLiteral("30/06/2027"));
        form.insert(QStringLiteral("responsible_party"), QStringLiteral("Chủ đầu tư"));
        QVERIFY(dirty(id, form));
        form.insert(QStringLiteral("responsible_party"), QString());

        // Opened again: as violation() gave it (the deadline shown as dd/MM/yyyy).
        form = openForm(id);
        QCOMPARE(form.value(QStringLiteral("deadline")).toString(), QStringLiteral("30/06/2027"));
        QVERIFY(!dirty(id, form));
        form.insert(QStringLiteral("observed"), QStringLiteral("Thiếu biển báo ở cổng chính"));
        QVERIFY(dirty(id, form));
        // Refused for a date that is none: nothing saved, still dirty; corrected and saved: not.
        form.insert(QStringLiteral("deadline"), QStringLiteral("31/02/2027"));
        QVERIFY(!violationForm()->saveViolation(id, form).value(QStringLiteral("ok")).toBool());
        QVERIFY(dirty(id, form));
        form.insert(QStringLiteral("deadline"), QStringLiteral("28/02/2027"));
        QVERIFY(violationForm()->saveViolation(id, form).value(QStringLiteral("ok")).toBool());
        QVERIFY(!dirty(id, form));

        // A category this app's catalogue lacks (a newer app's, brought by a round): the form
        // shows none, and is not dirty for it.
        QVERIFY(pulledInto(QStringLiteral("violations"), id, QStringLiteral("category"),
                           QStringLiteral("danh_muc_moi")));
        insp()->refreshPulled();
        form = openForm(id);
        QCOMPARE(form.value(QStringLiteral("category")).toString(), QString());
        QVERIFY(!dirty(id, form));
        form.insert(QStringLiteral("category"),
                    m_app->catalog()->get(0).value(QStringLiteral("code")));
        QVERIFY(dirty(id, form));

        // Submitted (here by a teammate's tablet): read-only, never dirty; a draft again: dirty.
        const QString inspection = insp()->inspectionId();
        QVERIFY(pulledInto(QStringLiteral("inspections"), inspection, QStringLiteral("status"),
                           QStringLiteral("submitted")));
        insp()->refreshPulled();
        QVERIFY(!insp()->editable());
        QVERIFY(!dirty(id, form));
        QVariantMap typedNew = empty;
        typedNew.insert(QStringLiteral("observed"), QStringLiteral("Mới"));
        QVERIFY(!dirty({}, typedNew));
        QVERIFY(pulledInto(QStringLiteral("inspections"), inspection, QStringLiteral("status"),
                           QStringLiteral("draft")));
        insp()->refreshPulled();
        QVERIFY(dirty(id, form));
        // Opened as a submitted inspection: the same.
        QVERIFY(pulledInto(QStringLiteral("inspections"), inspection, QStringLiteral("status"),
                           QStringLiteral("submitted")));
        QVERIFY(insp()->open(inspection));
        form = openForm(id);
        form.insert(QStringLiteral("observed"), QStringLiteral("Sửa muộn"));
        QVERIFY(!dirty(id, form));
    }

    // After a round: a field it wrote that the form followed is not a change; a field the user
    // changed while the round changed it too stays one, also once its save was refused for it
    // (the field keeps the user's text), until it is saved or set to the round's value.
    void dirtyAfterARound()
    {
        QVERIFY(insp()->start(m_app->clusters()->get(0).value(QStringLiteral("id")).toString()));
        const QVariantMap r = violationForm()->saveViolation(
            {},
            {{QStringLiteral("category"), m_app->catalog()->get(0).value(QStringLiteral("code"))},
             {QStringLiteral("severity"), QStringLiteral("serious")},
             {QStringLiteral("observed"), QStringLiteral("Không có nhật ký vận hành")},
             {QStringLiteral("remedy"), QStringLiteral("Lập nhật ký")},
             {QStringLiteral("deadline"), QStringLiteral("30/6/2027")}});
        QVERIFY(r.value(QStringLiteral("ok")).toBool());
        const QString id = r.value(QStringLiteral("id")).toString();
        QVariantMap form = openForm(id);
        QVERIFY(!dirty(id, form));
        form.insert(QStringLiteral("remedy"), QStringLiteral("Lập nhật ký hằng ngày"));
        const QString vt = QStringLiteral("violations");
        QVERIFY(pulledInto(vt, id, QStringLiteral("observed"), QStringLiteral("Đồng nghiệp ghi")));
        QVERIFY(pulledInto(vt, id, QStringLiteral("deadline_on"), QStringLiteral("2027-03-31")));
        QVERIFY(pulledInto(vt, id, QStringLiteral("remedy"), QStringLiteral("Lắp đồng hồ")));
        insp()->refreshPulled();
        const QVariantMap followed = violationForm()->followPulledViolation(id, form);
        QCOMPARE(followed.keys(),
                 (QStringList{QStringLiteral("deadline"), QStringLiteral("observed")}));
        form.insert(followed);
        QVERIFY(dirty(id, form)); // the remedy being typed
        form.insert(QStringLiteral("remedy"), QStringLiteral("Lập nhật ký"));
        QVERIFY2(!dirty(id, form), "followed fields counted as changes");

        // The remedy changed here and by the round: refused, the form keeps the user's text and
        // is dirty; set to the round's value it is not; saved, it is not.
        form.insert(QStringLiteral("remedy"), QStringLiteral("Lập nhật ký hằng ngày"));
        form.insert(QStringLiteral("severity"), QStringLiteral("minor"));
        QVariantMap saved = violationForm()->saveViolation(id, form);
        QVERIFY(saved.value(QStringLiteral("changedUnder")).toBool());
        QVERIFY(dirty(id, form));
        QVariantMap asTheRound = form;
        asTheRound.insert(QStringLiteral("remedy"), QStringLiteral("Lắp đồng hồ"));
        QVERIFY2(!dirty(id, asTheRound),
                 "what the refused save wrote or named counted as a change");
        saved = violationForm()->saveViolation(id, form);
        QVERIFY2(saved.value(QStringLiteral("ok")).toBool(),
                 qPrintable(saved.value(QStringLiteral("message")).toString()));
        QVERIFY(!dirty(id, form));
    }

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
        QVariantMap r = violationForm()->saveViolation({}, form);
        QVERIFY(r.value(QStringLiteral("ok")).toBool());
        const QString id = r.value(QStringLiteral("id")).toString();
        QVERIFY(!violationForm()->violation(id).isEmpty()); // the form opens it
        QSignalSpy told(insp(), &InspectionController::formsPulled);
        const QString vt = QStringLiteral("violations");
        QVERIFY(pulledInto(vt, id, QStringLiteral("remedy"), QStringLiteral("Lắp đồng hồ")));
        QVERIFY(pulledInto(vt, id, QStringLiteral("deadline_on"), QStringLiteral("2027-03-31")));
        QVERIFY(pulledInto(vt, id, QStringLiteral("observed"), QStringLiteral("Đồng nghiệp ghi")));
        QVERIFY(pulledInto(vt, id, QStringLiteral("severity"), QStringLiteral("very_serious")));
        const QVariantMap roundsCategory = m_app->catalog()->get(1);
        QVERIFY(pulledInto(vt, id, QStringLiteral("category"),
                           roundsCategory.value(QStringLiteral("code")).toString()));
        insp()->refreshPulled();
        QCOMPARE(told.count(), 1);
        // The user is typing the remedy, and a date not yet whole, and chose another category.
        form.insert(QStringLiteral("remedy"), QStringLiteral("Lập nhật ký hằng ngày"));
        form.insert(QStringLiteral("deadline"), QStringLiteral("31/12/20"));
        form.insert(QStringLiteral("severity"), QStringLiteral("minor"));
        form.insert(QStringLiteral("category"),
                    m_app->catalog()->get(2).value(QStringLiteral("code")));
        QVariantMap followed = violationForm()->followPulledViolation(id, form);
        QCOMPARE(followed,
                 (QVariantMap{{QStringLiteral("observed"), QStringLiteral("Đồng nghiệp ghi")}}));
        // The date typed whole again, as it was shown: it follows now, as a date.
        form.insert(QStringLiteral("deadline"), QStringLiteral("30/06/2027"));
        followed = violationForm()->followPulledViolation(id, form);
        QCOMPARE(followed,
                 (QVariantMap{{QStringLiteral("deadline"), QStringLiteral("31/03/2027")}}));
        QVERIFY(violationForm()->followPulledViolation(id, form).isEmpty());
        // Saved as the form now shows it: the remedy and severity the user changed are named,
        // nothing the round wrote is written over.
        form.insert(QStringLiteral("observed"), QStringLiteral("Đồng nghiệp ghi"));
        form.insert(QStringLiteral("deadline"), QStringLiteral("31/03/2027"));
        r = violationForm()->saveViolation(id, form);
        QVERIFY(r.value(QStringLiteral("changedUnder")).toBool());
        const QVariantMap named = r.value(QStringLiteral("errors")).toMap();
        QCOMPARE(named.keys(), (QStringList{QStringLiteral("category"), QStringLiteral("remedy"),
                                            QStringLiteral("severity")}));
        // Each named by what the user knows it as: a category by its title, a severity by its
        // name, not their codes.
        const QString category = named.value(QStringLiteral("category")).toString();
        QVERIFY2(category.contains(roundsCategory.value(QStringLiteral("title")).toString()),
                 qPrintable(category));
        QVERIFY2(!category.contains(roundsCategory.value(QStringLiteral("code")).toString()),
                 qPrintable(category));
        const QString severity = named.value(QStringLiteral("severity")).toString();
        QVERIFY2(severity.contains(m_app->labels()->severity(QStringLiteral("very_serious"))),
                 qPrintable(severity));
        QVERIFY2(!severity.contains(QStringLiteral("very_serious")), qPrintable(severity));
        const QVariantMap v =
            m_app->inspectionManager()->violations(insp()->inspectionId()).value(0).toMap();
        QCOMPARE(v.value(QStringLiteral("remedy")).toString(), QStringLiteral("Lắp đồng hồ"));
        QCOMPARE(v.value(QStringLiteral("observed")).toString(), QStringLiteral("Đồng nghiệp ghi"));
        QCOMPARE(v.value(QStringLiteral("deadline_on")).toString(), QStringLiteral("2027-03-31"));
        // A violation not opened in a form, or gone: nothing to follow.
        QVERIFY(violationForm()->followPulledViolation(QStringLiteral("nope"), form).isEmpty());
    }

    // As the minutes' texts (tst_minutescontroller): fields the user left as violation() gave
    // them keep what a sync round wrote meanwhile.
    // The user changes the remedy while the sync worker writes a page holding a teammate's: the
    // save waits for the page and names the teammate's remedy instead of writing over it unseen.
    void aViolationSavedDuringAPulledPageIsMergedWithThePage()
    {
        QVERIFY(insp()->start(m_app->clusters()->get(1).value(QStringLiteral("id")).toString()));
        const QVariantMap cat = m_app->catalog()->get(0);
        QVariantMap form{{QStringLiteral("category"), cat.value(QStringLiteral("code"))},
                         {QStringLiteral("severity"), QStringLiteral("serious")},
                         {QStringLiteral("observed"), QStringLiteral("Bùn thải để ngoài trời")},
                         {QStringLiteral("remedy"), QStringLiteral("Che chắn bùn thải")}};
        QVariantMap r = violationForm()->saveViolation({}, form);
        QVERIFY(r.value(QStringLiteral("ok")).toBool());
        const QString id = r.value(QStringLiteral("id")).toString();
        QVERIFY(!violationForm()->violation(id).isEmpty()); // the form opens it
        const QString teammates = QStringLiteral("Thuê đơn vị có chức năng xử lý bùn thải");
        form.insert(QStringLiteral("remedy"), QStringLiteral("Xây nhà chứa bùn có mái che"));
        QVERIFY(pulledWhile(QStringLiteral("violations"), id, QStringLiteral("remedy"), teammates,
                            [&] { r = violationForm()->saveViolation(id, form); }));
        QVERIFY(!r.value(QStringLiteral("ok")).toBool());
        QVERIFY(r.value(QStringLiteral("changedUnder")).toBool());
        QCOMPARE(r.value(QStringLiteral("errors")).toMap().keys(),
                 QStringList{QStringLiteral("remedy")});
        QSqlQuery q(m_app->database()->connection());
        q.prepare(QStringLiteral("SELECT remedy FROM violations WHERE id = ?"));
        q.addBindValue(id);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toString(), teammates);
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
        QVariantMap r = violationForm()->saveViolation({}, form);
        QVERIFY(r.value(QStringLiteral("ok")).toBool());
        const QString id = r.value(QStringLiteral("id")).toString();
        QVERIFY(!violationForm()->violation(id).isEmpty()); // the form opens it
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
        r = violationForm()->saveViolation(id, form);
        QVERIFY2(r.value(QStringLiteral("ok")).toBool(),
                 qPrintable(r.value(QStringLiteral("message")).toString()));
        QCOMPARE(stored("observed"), QStringLiteral("Không xuất trình nhật ký"));
        QCOMPARE(stored("remedy"), QStringLiteral("Lắp đồng hồ nước thải"));
        QCOMPARE(stored("deadline_on"), QStringLiteral("2027-03-31"));

        QVERIFY(pulled(QStringLiteral("remedy"), QStringLiteral("Lắp đồng hồ và camera")));
        form.insert(QStringLiteral("remedy"), QStringLiteral("Lập nhật ký vận hành hằng ngày"));
        r = violationForm()->saveViolation(id, form);
        QVERIFY(!r.value(QStringLiteral("ok")).toBool());
        QVERIFY(r.value(QStringLiteral("changedUnder")).toBool());
        QCOMPARE(r.value(QStringLiteral("errors")).toMap().keys(),
                 QStringList{QStringLiteral("remedy")});
        QCOMPARE(stored("remedy"), QStringLiteral("Lắp đồng hồ và camera"));
        QVERIFY(violationForm()->saveViolation(id, form).value(QStringLiteral("ok")).toBool());
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
        const QVariantMap r = violationForm()->saveViolation({}, form);
        QVERIFY(r.value(QStringLiteral("ok")).toBool());
        const QString id = r.value(QStringLiteral("id")).toString();
        QVERIFY(pulledInto(QStringLiteral("violations"), id, QStringLiteral("remedy"),
                           QStringLiteral("Lắp biển báo trước 15/12")));
        form.insert(QStringLiteral("observed"), QStringLiteral("Thiếu biển báo ở cổng chính"));
        QVERIFY(violationForm()->saveViolation(id, form).value(QStringLiteral("ok")).toBool());
        QCOMPARE(violationForm()->violation(id).value(QStringLiteral("remedy")).toString(),
                 QStringLiteral("Lắp biển báo trước 15/12"));
        QCOMPARE(violationForm()->violation(id).value(QStringLiteral("observed")).toString(),
                 QStringLiteral("Thiếu biển báo ở cổng chính"));
    }
};

QTEST_GUILESS_MAIN(TestViolationFormController)
#include "tst_violationformcontroller.moc"
