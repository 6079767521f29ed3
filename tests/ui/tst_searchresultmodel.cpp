#include "appcontroller.h"
#include "searchresultmodel.h"
#include "settingsmanager.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

class TestSearchResultModel : public QObject
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

    void findsAcrossKinds()
    {
        SearchResultModel *m = m_app->search();
        m->setText(QStringLiteral("dong huong"));
        QVERIFY(m->rowCount() > 0);
        QSet<QString> kinds;
        bool cluster = false;
        for (int i = 0; i < m->rowCount(); ++i) {
            const QVariantMap r = m->get(i);
            kinds.insert(r.value(QStringLiteral("kind")).toString());
            QVERIFY(!r.value(QStringLiteral("clusterId")).toString().isEmpty());
            cluster =
                cluster ||
                r.value(QStringLiteral("title")).toString().contains(QStringLiteral("Đồng Hướng"));
        }
        QVERIFY(cluster);
        QVERIFY(kinds.contains(QStringLiteral("cluster")));
    }

    void emptyTextClears()
    {
        SearchResultModel *m = m_app->search();
        m->setText(QStringLiteral("khanh"));
        QVERIFY(m->rowCount() > 0);
        m->setText(QStringLiteral("   "));
        QCOMPARE(m->rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSearchResultModel)
#include "tst_searchresultmodel.moc"
