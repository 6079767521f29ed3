#include "appcontroller.h"
#include "checklistmodel.h"
#include "clusterlistmodel.h"
#include "inspectioncontroller.h"
#include "inspectionmanager.h"
#include "settingsmanager.h"
#include "uitest.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

class TestChecklistModel : public QObject, protected uitest::DemoApp
{
    Q_OBJECT
    ChecklistModel *model() { return m_app->inspection()->checklist(); }
    QVariant role(const QString &code, int r)
    {
        return model()->data(model()->index(model()->rowOfCode(code)), r);
    }
    QString stored(const QString &code)
    {
        const QString qid = role(code, ChecklistModel::QuestionIdRole).toString();
        return m_app->inspectionManager()
            ->answers(m_app->inspection()->inspectionId())
            .value(qid)
            .toMap()
            .value(QStringLiteral("value"))
            .toString();
    }

    // A sync round's write of an answer under the open checklist (the manager writes it, as the
    // pull writes the database, without the model knowing).
    bool behind(const char *code, const char *value)
    {
        const QString qid = role(QLatin1String(code), ChecklistModel::QuestionIdRole).toString();
        return m_app->inspectionManager()
            ->setAnswer(m_app->inspection()->inspectionId(), qid, QLatin1String(value))
            .ok();
    }

private slots:
    void initTestCase() { QVERIFY(openApp()); }

    void init()
    {
        QVERIFY(m_app->inspection()->start(
            m_app->clusters()->get(0).value(QStringLiteral("id")).toString()));
        QVERIFY(model()->rowCount() > 10);
    }

    void cleanup() { m_app->inspection()->discard(); }

    void savedAtOnce()
    {
        QSignalSpy progress(model(), &ChecklistModel::progressChanged);
        QVERIFY(
            model()->setValue(model()->rowOfCode(QStringLiteral("PL01")), QStringLiteral("yes")));
        QCOMPARE(stored(QStringLiteral("PL01")), QStringLiteral("yes"));
        QCOMPARE(model()->answeredCount(), 1);
        QCOMPARE(progress.count(), 1);
        // Reloading from the database gives the same answers (nothing kept only in memory).
        model()->load(m_app->inspection()->inspectionId());
        QCOMPARE(role(QStringLiteral("PL01"), ChecklistModel::ValueRole).toString(),
                 QStringLiteral("yes"));
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("good");
        QTest::addColumn<QString>("bad");
        QTest::addColumn<QString>("storedGood");
        QTest::newRow("text in a percentage") << "HT01"
                                              << "45"
                                              << "bốn lăm"
                                              << "45";
        QTest::newRow("percentage over 100") << "HT01"
                                             << "12,5"
                                             << "101"
                                             << "12.5";
        QTest::newRow("negative count") << "DN01"
                                        << "3"
                                        << "-1"
                                        << "3";
        QTest::newRow("unknown choice") << "PL06"
                                        << "per_plan"
                                        << "maybe"
                                        << "per_plan";
        QTest::newRow("very long text") << "PL02"
                                        << "QĐ 477" << QString(5000, QLatin1Char('x')) << "QĐ 477";
    }

    void badInput()
    {
        QFETCH(QString, code);
        QFETCH(QString, good);
        QFETCH(QString, bad);
        QFETCH(QString, storedGood);
        // PL02 (the decision's number) shows only once PL01 says there is a decision.
        QVERIFY(
            model()->setValue(model()->rowOfCode(QStringLiteral("PL01")), QStringLiteral("yes")));
        const int row = model()->rowOfCode(code);
        QVERIFY(row >= 0);
        QVERIFY(model()->setValue(row, good));
        QCOMPARE(stored(code), storedGood);
        QVERIFY(!model()->setValue(row, bad));
        // The message is on the row, the typed text stays on screen, the stored answer is kept.
        QVERIFY(!role(code, ChecklistModel::ErrorRole).toString().isEmpty());
        QCOMPARE(role(code, ChecklistModel::ValueRole).toString(), bad);
        QCOMPARE(stored(code), storedGood);
        QVERIFY(model()->setValue(row, good));
        QVERIFY(role(code, ChecklistModel::ErrorRole).toString().isEmpty());
    }

    void showIfInsertsAndRemovesRows()
    {
        QCOMPARE(model()->rowOfCode(QStringLiteral("HT08")), -1);
        QSignalSpy inserted(model(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(model(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(model(), &QAbstractItemModel::modelReset);
        const int before = model()->rowCount();
        QVERIFY(
            model()->setValue(model()->rowOfCode(QStringLiteral("HT06")), QStringLiteral("yes")));
        QVERIFY(model()->rowOfCode(QStringLiteral("HT07")) >
                model()->rowOfCode(QStringLiteral("HT06")));
        QVERIFY(model()->rowOfCode(QStringLiteral("HT08")) >= 0);
        QCOMPARE(model()->rowCount(), before + inserted.count());
        QVERIFY(inserted.count() >= 2);
        QCOMPARE(reset.count(), 0); // the field being edited keeps its delegate
        QVERIFY(
            model()->setValue(model()->rowOfCode(QStringLiteral("HT06")), QStringLiteral("no")));
        QCOMPARE(model()->rowOfCode(QStringLiteral("HT08")), -1);
        QCOMPARE(model()->rowCount(), before);
        QCOMPARE(removed.count(), inserted.count());
    }

    // A sync round wrote a teammate's answers under the open checklist (here: the manager writes
    // them, as the pull writes the database). The answers are shown, picked and typed, the
    // questions they show come, no row is reset.
    void refreshShowsTheAnswersASyncRoundWrote()
    {
        QCOMPARE(model()->rowOfCode(QStringLiteral("HT08")), -1);
        QVERIFY(behind("HT06", "yes"));
        QVERIFY(behind("PL06", "per_plan"));
        QVERIFY(behind("HT01", "45"));
        QCOMPARE(role(QStringLiteral("HT06"), ChecklistModel::ValueRole).toString(), QString());
        QSignalSpy changed(model(), &QAbstractItemModel::dataChanged);
        QSignalSpy reset(model(), &QAbstractItemModel::modelReset);
        QSignalSpy progress(model(), &ChecklistModel::progressChanged);
        model()->refreshAnswers();
        QCOMPARE(role(QStringLiteral("HT06"), ChecklistModel::ValueRole).toString(),
                 QStringLiteral("yes"));
        QCOMPARE(role(QStringLiteral("PL06"), ChecklistModel::ValueRole).toString(),
                 QStringLiteral("per_plan"));
        QVERIFY(model()->rowOfCode(QStringLiteral("HT08")) >= 0);
        QCOMPARE(role(QStringLiteral("HT01"), ChecklistModel::ValueRole).toString(),
                 QStringLiteral("45"));
        QCOMPARE(changed.count(), 3);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(progress.count(), 1);
        // Nothing new: nothing said.
        model()->refreshAnswers();
        QCOMPARE(changed.count(), 3);
    }

    // The user is typing in a field (beginEdit) when a round brings a teammate's value for it:
    // the row shows the teammate's (the field keeps the user's text, QuestionDelegate), and the
    // user's save is compared with what they started from, not with what the row shows now.
    void aTypedAnswerBeingEditedIsComparedWithWhatItsUserStartedFrom()
    {
        const int typed = model()->rowOfCode(QStringLiteral("HT01"));
        QVERIFY(model()->setValue(typed, QStringLiteral("45")));
        model()->beginEdit(typed);
        QVERIFY(behind("HT01", "60"));
        model()->refreshAnswers();
        QCOMPARE(role(QStringLiteral("HT01"), ChecklistModel::ValueRole).toString(),
                 QStringLiteral("60"));
        QVERIFY(!model()->setValue(typed, QStringLiteral("50")));
        QVERIFY2(role(QStringLiteral("HT01"), ChecklistModel::ErrorRole).toString().contains("60"),
                 qPrintable(role(QStringLiteral("HT01"), ChecklistModel::ErrorRole).toString()));
        QCOMPARE(stored(QStringLiteral("HT01")), QStringLiteral("60"));
        QVERIFY(model()->setValue(typed, QStringLiteral("50")));
        QCOMPARE(stored(QStringLiteral("HT01")), QStringLiteral("50"));

        // Still in the field after saving (Enter): the next round's value is not written over
        // by the next save either.
        QVERIFY(behind("HT01", "70"));
        model()->refreshAnswers();
        QVERIFY(!model()->setValue(typed, QStringLiteral("55")));
        QCOMPARE(stored(QStringLiteral("HT01")), QStringLiteral("70"));
        QVERIFY(model()->setValue(typed, QStringLiteral("55")));

        // Left as the user found it: nothing is written, the row shows the round's value.
        model()->beginEdit(typed);
        QVERIFY(behind("HT01", "80"));
        model()->refreshAnswers();
        QVERIFY(model()->setValue(typed, QStringLiteral("55")));
        QCOMPARE(stored(QStringLiteral("HT01")), QStringLiteral("80"));
        QCOMPARE(role(QStringLiteral("HT01"), ChecklistModel::ValueRole).toString(),
                 QStringLiteral("80"));
        QVERIFY(role(QStringLiteral("HT01"), ChecklistModel::ErrorRole).toString().isEmpty());

        // A value the app refused stays on screen; a round's value meanwhile is not written
        // over when the user corrects theirs.
        model()->beginEdit(typed);
        QVERIFY(!model()->setValue(typed, QStringLiteral("abc")));
        QVERIFY(behind("HT01", "90"));
        model()->refreshAnswers();
        QCOMPARE(role(QStringLiteral("HT01"), ChecklistModel::ValueRole).toString(),
                 QStringLiteral("abc"));
        QVERIFY(!model()->setValue(typed, QStringLiteral("85")));
        QCOMPARE(stored(QStringLiteral("HT01")), QStringLiteral("90"));
        QVERIFY2(role(QStringLiteral("HT01"), ChecklistModel::ErrorRole).toString().contains("90"),
                 qPrintable(role(QStringLiteral("HT01"), ChecklistModel::ErrorRole).toString()));
    }

    // A teammate's answer written under the open checklist, and the user changes the same
    // answer: not written over it unseen. The row shows the message (a typed answer stays as
    // typed); saved again, the user's answer is written.
    // The user changes an answer while the sync worker writes a page holding a teammate's: the
    // save waits for the page and names the teammate's value instead of writing over it unseen.
    void anAnswerSavedDuringAPulledPageIsComparedWithThePage()
    {
        const int typed = model()->rowOfCode(QStringLiteral("HT01"));
        QVERIFY(model()->setValue(typed, QStringLiteral("45")));
        const QString qid = role(QStringLiteral("HT01"), ChecklistModel::QuestionIdRole).toString();
        QSqlQuery q(m_app->database()->connection());
        q.prepare(QStringLiteral("SELECT id FROM answers WHERE inspection_id = ? AND question_id "
                                 "= ? AND deleted_at IS NULL"));
        q.addBindValue(m_app->inspection()->inspectionId());
        q.addBindValue(qid);
        QVERIFY(q.exec() && q.next());
        const QString answerId = q.value(0).toString();
        q.finish();
        bool saved = true;
        QVERIFY(pulledWhile(QStringLiteral("answers"), answerId, QStringLiteral("value"),
                            QStringLiteral("60"),
                            [&] { saved = model()->setValue(typed, QStringLiteral("50")); }));
        QVERIFY(!saved);
        QCOMPARE(stored(QStringLiteral("HT01")), QStringLiteral("60"));
        QVERIFY2(role(QStringLiteral("HT01"), ChecklistModel::ErrorRole).toString().contains("60"),
                 qPrintable(role(QStringLiteral("HT01"), ChecklistModel::ErrorRole).toString()));
    }

    void anAnswerChangedBySyncIsNotOverwrittenUnseen()
    {
        const int typed = model()->rowOfCode(QStringLiteral("HT01"));
        QVERIFY(model()->setValue(typed, QStringLiteral("45")));
        QVERIFY(behind("HT01", "60"));
        QVERIFY(!model()->setValue(typed, QStringLiteral("50")));
        QVERIFY2(role(QStringLiteral("HT01"), ChecklistModel::ErrorRole).toString().contains("60"),
                 qPrintable(role(QStringLiteral("HT01"), ChecklistModel::ErrorRole).toString()));
        QCOMPARE(role(QStringLiteral("HT01"), ChecklistModel::ValueRole).toString(),
                 QStringLiteral("50"));
        QCOMPARE(stored(QStringLiteral("HT01")), QStringLiteral("60"));
        QVERIFY(model()->setValue(typed, QStringLiteral("50")));
        QCOMPARE(stored(QStringLiteral("HT01")), QStringLiteral("50"));
        QVERIFY(role(QStringLiteral("HT01"), ChecklistModel::ErrorRole).toString().isEmpty());

        // A choice: the row shows the teammate's; picked again, the user's is written.
        const int picked = model()->rowOfCode(QStringLiteral("PL01"));
        QVERIFY(behind("PL01", "no"));
        QVERIFY(!model()->setValue(picked, QStringLiteral("yes")));
        QCOMPARE(role(QStringLiteral("PL01"), ChecklistModel::ValueRole).toString(),
                 QStringLiteral("no"));
        QCOMPARE(stored(QStringLiteral("PL01")), QStringLiteral("no"));
        QVERIFY(model()->setValue(picked, QStringLiteral("yes")));
        QCOMPARE(stored(QStringLiteral("PL01")), QStringLiteral("yes"));
        // The same value as the teammate's: nothing to refuse.
        QVERIFY(behind("PL01", "na"));
        QVERIFY(model()->setValue(picked, QStringLiteral("na")));
    }

    void missingMarked()
    {
        const QStringList missing = model()->missingQuestionIds();
        QVERIFY(!missing.isEmpty());
        model()->markMissing();
        const int row = model()->rowOf(missing.first());
        QVERIFY(
            !model()->data(model()->index(row), ChecklistModel::ErrorRole).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestChecklistModel)
#include "tst_checklistmodel.moc"
