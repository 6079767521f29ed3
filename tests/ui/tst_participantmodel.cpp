#include "appcontroller.h"
#include "clusterlistmodel.h"
#include "inspectioncontroller.h"
#include "inspectionmanager.h"
#include "minutescontroller.h"
#include "participantmodel.h"
#include "settingsmanager.h"
#include "uitest.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

// The participants list of the minutes: grouped by agency, empty agency labelled, removal gone
// from the list and the minutes of a submitted inspection unchanged.
class TestParticipantModel : public QObject, protected uitest::DemoApp
{
    Q_OBJECT

    QVariantMap person(const char *name, const char *position, const char *agency)
    {
        return {{QStringLiteral("name"), QString::fromUtf8(name)},
                {QStringLiteral("position_title"), QString::fromUtf8(position)},
                {QStringLiteral("agency"), QString::fromUtf8(agency)}};
    }

private slots:
    void initTestCase() { QVERIFY(openApp()); }

    void groupedByAgency()
    {
        InspectionController *insp = m_app->inspection();
        QVERIFY(insp->start(m_app->clusters()->get(0).value(QStringLiteral("id")).toString()));
        MinutesController *minutes = insp->minutes();
        ParticipantModel *model = minutes->participants();
        QCOMPARE(model->rowCount(), 0);
        QSignalSpy count(model, &ParticipantModel::countChanged);
        const QString a =
            minutes->saveParticipant({}, person("Nguyễn Văn An", "Phó Giám đốc", "Sở Công Thương"))
                .value(QStringLiteral("id"))
                .toString();
        const QString b =
            minutes->saveParticipant({}, person("Lê Văn Minh", "Phó Chủ tịch", "UBND xã"))
                .value(QStringLiteral("id"))
                .toString();
        const QString c =
            minutes
                ->saveParticipant({}, person("Trần Thị Ngọc", "Chuyên viên", "  Sở Công Thương "))
                .value(QStringLiteral("id"))
                .toString();
        const QString d = minutes->saveParticipant({}, person("Phạm Hoa", "", ""))
                              .value(QStringLiteral("id"))
                              .toString();
        QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty() && !d.isEmpty());
        QCOMPARE(count.count(), 4);
        QCOMPARE(model->rowCount(), 4);
        // Sở Công Thương first (it came first), its two people together, then UBND xã.
        QCOMPARE(model->get(0).value(QStringLiteral("id")).toString(), a);
        QCOMPARE(model->get(1).value(QStringLiteral("id")).toString(), c);
        QCOMPARE(model->get(1).value(QStringLiteral("agency")).toString(),
                 QStringLiteral("Sở Công Thương"));
        QCOMPARE(model->get(2).value(QStringLiteral("id")).toString(), b);
        QCOMPARE(model->get(3).value(QStringLiteral("agency")).toString(), QString());
        QCOMPARE(model->get(3).value(QStringLiteral("agencyLabel")).toString(),
                 QStringLiteral("Chưa ghi cơ quan"));
        QCOMPARE(model->get(0).value(QStringLiteral("positionTitle")).toString(),
                 QStringLiteral("Phó Giám đốc"));

        // Moving someone to another agency moves the row to that group.
        QVERIFY(minutes->saveParticipant(d, person("Phạm Hoa", "Giám đốc", "UBND xã"))
                    .value(QStringLiteral("ok"))
                    .toBool());
        QCOMPARE(model->get(3).value(QStringLiteral("id")).toString(), d);
        QCOMPARE(model->get(2).value(QStringLiteral("agencyLabel")).toString(),
                 QStringLiteral("UBND xã"));

        QCOMPARE(minutes->removeParticipant(b), QString());
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->indexOf(b), -1);
        QVERIFY(!minutes->removeParticipant(b).isEmpty());

        // Another inspection has its own list; closing empties it.
        insp->close();
        QCOMPARE(model->rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestParticipantModel)
#include "tst_participantmodel.moc"
