// AnswerId: the same id for the same inspection and question on every tablet, another for
// another question or inspection. Checked against what Python's uuid module gives: uuid5 of the
// namespace and "<length of the inspection id>:<inspection id><question id>", and for an
// inspection id that is a UUIDv7 that hash with the inspection's first 48 bits and version 8.
#include "answerid.h"

#include <QtTest>

class TestAnswerId : public QObject
{
    Q_OBJECT

private slots:
    void anInspectionWithATimeOrderedIdLendsItsTime()
    {
        const QString inspection = QStringLiteral("019ab3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b");
        const QString id = AnswerId::of(inspection, QStringLiteral("q1"));
        QCOMPARE(id, QStringLiteral("019ab3c4-5d6e-894d-b3e1-a33c6bc3e718"));
        QCOMPARE(id, AnswerId::of(inspection, QStringLiteral("q1")));
        QCOMPARE(AnswerId::of(inspection, QStringLiteral("q2")),
                 QStringLiteral("019ab3c4-5d6e-8d3b-b563-e42ffde6010f"));
        QCOMPARE(AnswerId::of(QStringLiteral("01900000-0000-7000-8000-000000000101"),
                              QStringLiteral("01900000-0000-7000-8000-000000000501")),
                 QStringLiteral("01900000-0000-82a1-8dd8-d68fbe0764c8"));
    }

    void anotherInspectionIdIsHashedWhole()
    {
        QCOMPARE(AnswerId::of(QStringLiteral("i1"), QStringLiteral("q1")),
                 QStringLiteral("12dd646d-4631-5790-9913-5ffa8e6f835b"));
    }

    void anotherQuestionOrInspectionGivesAnotherId()
    {
        const QString i = QStringLiteral("019ab3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b");
        const QString j = QStringLiteral("019ab3c4-5d6e-7f80-9a1b-2c3d4e5f6a7c"); // same time
        QVERIFY(AnswerId::of(i, QStringLiteral("q1")) != AnswerId::of(i, QStringLiteral("q2")));
        QVERIFY(AnswerId::of(i, QStringLiteral("q1")) != AnswerId::of(j, QStringLiteral("q1")));
        // Two ids are not simply run together: ("i1/2", "q") is not ("i1", "/2q").
        QVERIFY(AnswerId::of(QStringLiteral("i1/2"), QStringLiteral("q")) !=
                AnswerId::of(QStringLiteral("i1"), QStringLiteral("/2q")));
    }
};

QTEST_GUILESS_MAIN(TestAnswerId)
#include "tst_answerid.moc"
