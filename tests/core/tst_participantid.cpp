// ParticipantId: the same id for the same person (name and agency, whatever their case,
// diacritics or spacing) in one inspection, on every tablet; another for another person or
// inspection; the inspection's time bits first, as AnswerId keeps them.
#include "participantid.h"

#include <QtTest>

class TestParticipantId : public QObject
{
    Q_OBJECT

private slots:
    void theSamePersonWrittenAnotherWayIsOneId()
    {
        const QString i = QStringLiteral("019ab3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b");
        const QString id =
            ParticipantId::of(i, QStringLiteral("Nguyễn Văn An"), QStringLiteral("Sở Công Thương"));
        QCOMPARE(ParticipantId::of(i, QStringLiteral("  nguyen van  AN "),
                                   QStringLiteral("so cong thuong")),
                 id);
        QVERIFY(id.startsWith(QStringLiteral("019ab3c4-5d6e-8")));
        QVERIFY(ParticipantId::of(i, QStringLiteral("Nguyễn Văn An"),
                                  QStringLiteral("Sở Xây dựng")) != id);
        QVERIFY(ParticipantId::of(i, QStringLiteral("Nguyễn Văn Anh"),
                                  QStringLiteral("Sở Công Thương")) != id);
        QVERIFY(ParticipantId::of(QStringLiteral("019ab3c4-5d6e-7f80-9a1b-2c3d4e5f6a7c"),
                                  QStringLiteral("Nguyễn Văn An"),
                                  QStringLiteral("Sở Công Thương")) != id);
        // The name and the agency are not simply run together.
        QVERIFY(ParticipantId::of(i, QStringLiteral("An"), QStringLiteral("B")) !=
                ParticipantId::of(i, QStringLiteral("A"), QStringLiteral("nB")));
    }
};

QTEST_GUILESS_MAIN(TestParticipantId)
#include "tst_participantid.moc"
