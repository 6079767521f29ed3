#include "searchbacklog.h"
#include "searchindex.h"
#include "searchtext.h"
#include "sqlitehandle.h"
#include "testdb.h"
#include "triggersoff.h"

// Rows a pulled page wrote wait in the backlog, unsearchable, until indexSome indexes them; a row
// that changes meanwhile (SearchText::refresh) enters the indexes as new. After either, FTS5's
// own integrity check finds the indexes equal to their tables.
class TestSearchBacklog : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    Database m_db;
    const QString tenant = QStringLiteral("01900000-0000-7000-8000-000000000291");
    const QStringList inspections{QStringLiteral("01900000-0000-7000-8000-000000000691"),
                                  QStringLiteral("01900000-0000-7000-8000-000000000692"),
                                  QStringLiteral("01900000-0000-7000-8000-000000000693")};

    int m_outbox = -1; // outbox entries after the fixture
    int outbox() { return testdb::count(m_db, QStringLiteral("SELECT count(*) FROM outbox")); }
    int waiting()
    {
        int n = -1;
        return SearchBacklog::count(m_db.connection(), &n).ok() ? n : -1;
    }
    int hits(const char *text) { return int(SearchIndex(m_db.connection()).search(text).size()); }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(QStringLiteral("device.sqlite")));
        QVERIFY(testdb::openWithFixture(m_db, m_dir));
        QSqlDatabase c = m_db.connection();
        const TriggersOff off(SqliteHandle::of(c), true);
        const CoreError e =
            SqlScript::runFile(c, QStringLiteral(CCN_FIXTURES_DIR "/core/pulled_unindexed.sql"));
        QVERIFY2(e.ok(), qPrintable(e.message()));
        QVERIFY(SearchBacklog::add(c, QStringLiteral("tenants"), {tenant}).ok());
        QVERIFY(SearchBacklog::add(c, QStringLiteral("inspections"), inspections).ok());
        QVERIFY(SearchBacklog::add(c, QStringLiteral("inspections"), inspections).ok()); // twice
        m_outbox = outbox();
    }
    void cleanup() { m_db.close(); }

    void onlyTenantsAndInspectionsWait()
    {
        QVERIFY(SearchBacklog::defers(QStringLiteral("tenants")));
        QVERIFY(SearchBacklog::defers(QStringLiteral("inspections")));
        // The cluster list sorts and filters by clusters' search_text.
        QVERIFY(!SearchBacklog::defers(QStringLiteral("clusters")));
        QVERIFY(!SearchBacklog::defers(QStringLiteral("answers")));
    }

    void waitingRowsAreFoundOnceIndexed()
    {
        QCOMPARE(waiting(), 4);
        QCOMPARE(hits("be lang"), 0);
        QCOMPARE(hits("bat trang"), 0);
        QSqlDatabase c = m_db.connection();
        int left = -1;
        QVERIFY(SearchBacklog::indexSome(c, 3, &left).ok());
        QCOMPARE(left, 1);
        QCOMPARE(waiting(), 1);
        QVERIFY(SearchBacklog::indexSome(c, 3, &left).ok());
        QCOMPARE(left, 0);
        QVERIFY(SearchBacklog::indexSome(c, 3, &left).ok()); // nothing left: nothing happens
        QCOMPARE(left, 0);
        QCOMPARE(hits("be lang"), 1);
        QCOMPARE(hits("bat trang"), 1);
        QCOMPARE(hits("dinh van tam"), 1);
        QCOMPARE(hits("lan"), 2); // the word-prefix index too
        QCOMPARE(testdb::searchIndexFaults(m_db.connection()), QString());
        // search_text is device-only: indexing queues nothing to send.
        QCOMPARE(outbox(), m_outbox);
    }

    // An inspector's edit or a later page changes a row that still waits: it is taken out of
    // the backlog and indexed with its new text (an update through the indexes' triggers would
    // remove text they never held).
    void aWaitingRowThatChangesIsIndexedAsNew()
    {
        QSqlDatabase c = m_db.connection();
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("UPDATE inspections SET findings = 'Khói bụi vượt ngưỡng' "
                                      "WHERE id = '%1'")
                           .arg(inspections.at(0))));
        QVERIFY(SearchText::refresh(c, QStringLiteral("inspections"),
                                    QStringList{inspections.at(0), inspections.at(1)})
                    .ok());
        QCOMPARE(waiting(), 2); // the tenant and the third inspection
        QCOMPARE(hits("khoi bui"), 1);
        QCOMPARE(hits("be lang"), 0);
        QCOMPARE(hits("binh chua chay"), 1);
        QStringList taken;
        QVERIFY(SearchBacklog::take(c, QStringLiteral("inspections"), inspections, &taken).ok());
        QCOMPARE(taken, QStringList{inspections.at(2)});
        QVERIFY(SearchText::indexNew(c, QStringLiteral("inspections"), taken).ok());
        QVERIFY(SearchText::refresh(c, QStringLiteral("tenants"), tenant).ok());
        QCOMPARE(waiting(), 0);
        QCOMPARE(hits("da khac phuc"), 1);
        QCOMPARE(testdb::searchIndexFaults(m_db.connection()), QString());
        // Indexed rows change as any other from then on.
        QVERIFY(q.exec(QStringLiteral("UPDATE inspections SET findings = 'Đã lắp đồng hồ' WHERE "
                                      "id = '%1'")
                           .arg(inspections.at(0))));
        QVERIFY(SearchText::refresh(c, QStringLiteral("inspections"), inspections.at(0)).ok());
        QCOMPARE(hits("khoi bui"), 0);
        QCOMPARE(hits("dong ho"), 1);
        QCOMPARE(testdb::searchIndexFaults(m_db.connection()), QString());
    }
};

QTEST_GUILESS_MAIN(TestSearchBacklog)
#include "tst_searchbacklog.moc"
