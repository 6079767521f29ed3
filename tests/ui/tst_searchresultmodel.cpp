#include "appcontroller.h"
#include "database.h"
#include "searchbacklog.h"
#include "searchresultmodel.h"
#include "settingsmanager.h"
#include "sqlitehandle.h"
#include "sqlscript.h"
#include "triggersoff.h"
#include "uitest.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

class TestSearchResultModel : public QObject, protected uitest::DemoApp
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(openApp()); }

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

    // Rows just pulled and not indexed yet are counted, so the page can say results may be
    // missing; a reload after the worker indexed them finds them.
    void pulledRowsWaitingForTheIndexAreCounted()
    {
        SearchResultModel *m = m_app->search();
        QSqlDatabase c = m_app->database()->connection();
        {
            // As a pull writes them: triggers and foreign keys off (their clusters are the
            // minimal fixture's, not the demo's).
            QSqlQuery q(c);
            QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys = OFF")));
            const TriggersOff off(SqliteHandle::of(c), true);
            const CoreError e = SqlScript::runFile(
                c, QStringLiteral(CCN_FIXTURES_DIR "/core/pulled_unindexed.sql"));
            QVERIFY2(e.ok(), qPrintable(e.message()));
            QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys = ON")));
        }
        QVERIFY(SearchBacklog::add(c, QStringLiteral("tenants"),
                                   {QStringLiteral("01900000-0000-7000-8000-000000000291")})
                    .ok());
        QSignalSpy unindexed(m, &SearchResultModel::unindexedChanged);
        m->setText(QStringLiteral("bat trang"));
        QCOMPARE(m->rowCount(), 0);
        QCOMPARE(m->unindexed(), 1);
        QCOMPARE(unindexed.size(), 1);
        int left = -1;
        QVERIFY(SearchBacklog::indexSome(c, 100, &left).ok());
        m_app->reloadSearch();
        QCOMPARE(m->rowCount(), 1);
        QCOMPARE(m->unindexed(), 0);
        QCOMPARE(unindexed.size(), 2);
        m->setText(QString());
    }
};

QTEST_GUILESS_MAIN(TestSearchResultModel)
#include "tst_searchresultmodel.moc"
