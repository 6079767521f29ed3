#include "appcontroller.h"
#include "clustercontroller.h"
#include "clusterlistmodel.h"
#include "settingsmanager.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

class TestClusterController : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<SettingsManager> m_settings;
    std::unique_ptr<AppController> m_app;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_settings = std::make_unique<SettingsManager>(m_dir.filePath(QStringLiteral("s.ini")));
        m_app = std::make_unique<AppController>(m_settings.get());
        QVERIFY(m_app->open(m_dir.path(), true).ok());
    }

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
