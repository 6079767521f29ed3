// AnswerId: the same id for the same inspection and question on every tablet (a name-based
// UUID, version 5, checked against what Python's uuid.uuid5 gives for the same namespace and
// name, "<length of the inspection id>:<inspection id><question id>"), another for another
// question or inspection.
#include "answerid.h"

#include <QUuid>
#include <QtTest>

class TestAnswerId : public QObject
{
    Q_OBJECT

private slots:
    void sameInspectionAndQuestionGiveTheSameId()
    {
        const QString id = AnswerId::of(QStringLiteral("01900000-0000-7000-8000-000000000101"),
                                        QStringLiteral("01900000-0000-7000-8000-000000000501"));
        QCOMPARE(id, AnswerId::of(QStringLiteral("01900000-0000-7000-8000-000000000101"),
                                  QStringLiteral("01900000-0000-7000-8000-000000000501")));
        QCOMPARE(id, QStringLiteral("b819e01a-f05c-52a1-8dd8-d68fbe0764c8"));
        QCOMPARE(QUuid::fromString(id).version(), QUuid::Sha1);
    }

    void anotherQuestionOrInspectionGivesAnotherId()
    {
        const QString i = QStringLiteral("i1"), j = QStringLiteral("i2");
        QCOMPARE(AnswerId::of(i, QStringLiteral("q1")),
                 QStringLiteral("12dd646d-4631-5790-9913-5ffa8e6f835b"));
        QVERIFY(AnswerId::of(i, QStringLiteral("q1")) != AnswerId::of(i, QStringLiteral("q2")));
        QVERIFY(AnswerId::of(i, QStringLiteral("q1")) != AnswerId::of(j, QStringLiteral("q1")));
        // Two ids are not simply run together: ("i1/2", "q") is not ("i1", "/2q").
        QVERIFY(AnswerId::of(QStringLiteral("i1/2"), QStringLiteral("q")) !=
                AnswerId::of(QStringLiteral("i1"), QStringLiteral("/2q")));
    }
};

QTEST_GUILESS_MAIN(TestAnswerId)
#include "tst_answerid.moc"
