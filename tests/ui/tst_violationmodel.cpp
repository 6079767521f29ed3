#include "appcontroller.h"
#include "clusterlistmodel.h"
#include "inspectioncontroller.h"
#include "settingsmanager.h"
#include "uitest.h"
#include "violationcatalogmodel.h"
#include "violationformcontroller.h"
#include "violationmodel.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

class TestViolationModel : public QObject, protected uitest::DemoApp
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(openApp());
        QVERIFY(m_app->inspection()->start(
            m_app->clusters()->get(0).value(QStringLiteral("id")).toString()));
    }

    void rowsWithLabels()
    {
        ViolationModel *m = m_app->inspection()->violations();
        QCOMPARE(m->rowCount(), 0);
        QSignalSpy count(m, &ViolationModel::countChanged);
        const QVariantMap cat = m_app->catalog()->get(0);
        const QVariantMap r = m_app->inspection()->violationForm()->saveViolation(
            {}, {{QStringLiteral("category"), cat.value(QStringLiteral("code"))},
                 {QStringLiteral("severity"), QStringLiteral("very_serious")},
                 {QStringLiteral("observed"), QStringLiteral("Xả thải chưa qua xử lý")},
                 {QStringLiteral("deadline"), QStringLiteral("2027-01-15")}});
        QVERIFY(r.value(QStringLiteral("ok")).toBool());
        QCOMPARE(m->rowCount(), 1);
        QCOMPARE(count.count(), 1);
        const QVariantMap v = m->get(0);
        QCOMPARE(v.value(QStringLiteral("severityLabel")).toString(),
                 QStringLiteral("Rất nghiêm trọng"));
        QCOMPARE(v.value(QStringLiteral("statusLabel")).toString(),
                 QStringLiteral("Chưa khắc phục"));
        QCOMPARE(v.value(QStringLiteral("deadlineText")).toString(), QStringLiteral("15/01/2027"));
        QCOMPARE(v.value(QStringLiteral("categoryTitle")), cat.value(QStringLiteral("title")));
        QCOMPARE(m->data(m->index(0), m->roleFor("observed")).toString(),
                 QStringLiteral("Xả thải chưa qua xử lý"));
    }
};

QTEST_GUILESS_MAIN(TestViolationModel)
#include "tst_violationmodel.moc"
