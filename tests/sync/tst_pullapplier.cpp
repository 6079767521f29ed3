// PullApplier: pulled pages -> device rows (fixture tests/fixtures/sync/pull_pages.json):
// pending local fields kept, tombstones applied, the cursor stored with its page, nothing echoed.
#include "../core/testdb.h"
#include "bodymutator.h"
#include "protocolversion.h"
#include "pullapplier.h"
#include "searchbacklog.h"
#include "searchindex.h"
#include "searchtext.h"
#include "synctestutil.h"

#include <QTemporaryDir>

using namespace synctest;

namespace {
QJsonObject run(const char *entity, const QStringList &columns, const QList<QJsonArray> &rows)
{
    QJsonArray r;
    for (const QJsonArray &a : rows)
        r.append(a);
    return {{"entity", entity}, {"columns", QJsonArray::fromStringList(columns)}, {"rows", r}};
}

// A page of one admin unit, p1, named `name` at seq `seq`.
QJsonObject unitPage(int seq, const char *name, bool more)
{
    const QStringList columns{"id",         "code",       "name",       "level",     "level_label",
                              "valid_from", "created_at", "updated_at", "deleted_at"};
    return {{"protocol", ProtocolVersion::current},
            {"next", seq},
            {"more", more},
            {"runs",
             QJsonArray{run(
                 "admin_units", columns,
                 {QJsonArray{
                     seq, 0, "p1", "01", name, "province", "Tỉnh", "2025-07-01", 1, seq, {}}})}}};
}

int backlog(QSqlDatabase c)
{
    int n = -1;
    return SearchBacklog::count(c, &n).ok() ? n : -1;
}

// What the sync worker does after a round: indexes the SearchBacklog (in chunks of 7 here, to
// go through more than one); false when a chunk fails or the backlog does not shrink.
bool indexBacklog(QSqlDatabase c)
{
    for (int before = backlog(c); before > 0;) {
        int left = -1;
        if (SearchBacklog::indexSome(c, 7, &left).failed() || left >= before)
            return false;
        before = left;
    }
    return backlog(c) == 0;
}

// A last page (more: false) with these runs.
QJsonObject lastPage(int next, const QJsonArray &runs)
{
    return {
        {"protocol", ProtocolVersion::current}, {"next", next}, {"more", false}, {"runs", runs}};
}

// The cluster c1, "Gia Lập", as a run of one row at seq 1.
QJsonObject giaLapRun()
{
    return run(
        "clusters",
        {"id", "code", "name", "province_id", "status", "created_at", "updated_at", "deleted_at"},
        {QJsonArray{1, 0, "c1", "NB-GL", "Gia Lập", "p1", "operating", 1, 1, {}}});
}

const QStringList inspectionColumns{"id",         "cluster_id",     "template_id",
                                    "kind",       "inspector_name", "started_at",
                                    "created_at", "updated_at",     "deleted_at"};
} // namespace

class TestPullApplier : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void apply_data() { QVERIFY(addFixtureCases(QStringLiteral("sync/pull_pages.json")) > 0); }

    void apply()
    {
        QFETCH(QJsonObject, fixture);
        Database db;
        const QString why = openWithSteps(db, m_dir.filePath(QStringLiteral("p%1.db").arg(++m_n)),
                                          fixture.value("local").toArray());
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QSqlDatabase c = db.connection();
        const QStringList outboxBefore = outboxSnapshot(c);

        PullApplier applier(c);
        PullApplier::Page page;
        const CoreError e = applier.apply(fixture.value("page").toObject(),
                                          fixture.value("since").toInteger(), &page);
        QCOMPARE(e.failed(), fixture.value("expect_error").toBool());
        if (e.failed())
            QVERIFY2(e.message().contains(fixture.value("expect_message").toString()),
                     qPrintable(e.message()));
        QCOMPARE(scalar(c, "SELECT applying FROM sync_flags").toInt(), 0);
        QCOMPARE(scalar(c, "PRAGMA foreign_keys").toInt(), 1);
        QCOMPARE(scalar(c, "PRAGMA synchronous").toInt(), 2); // FULL, as Database opens it
        QCOMPARE(scalar(c, "PRAGMA cache_size").toInt(), -2000);
        if (e.ok()) {
            QCOMPARE(page.next, fixture.value("expect_cursor").toInteger());
            QCOMPARE(page.more, fixture.value("page").toObject().value("more").toBool());
        }
        QCOMPARE(scalar(c, "SELECT coalesce((SELECT value FROM sync_state WHERE key = "
                           "'pull_cursor'), '0')")
                     .toString(),
                 QString::number(fixture.value("expect_cursor").toInteger()));
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox").toInt(),
                 fixture.value("expect_outbox").toInt());
        QCOMPARE(outboxSnapshot(c), outboxBefore);

        for (const QJsonValue &rv : fixture.value("expect_rows").toArray()) {
            const QString wrong = rowMismatch(c, rv.toObject());
            QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
        }
        for (const QJsonValue &av : fixture.value("absent").toArray()) {
            const QJsonObject a = av.toObject();
            QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM %1 WHERE id = '%2'")
                                   .arg(a.value("table").toString(), a.value("id").toString()))
                         .toInt(),
                     0);
        }
        QStringList displaced, expected;
        QSqlQuery q(c);
        QVERIFY(q.exec("SELECT entity, row_id, version, row_json FROM displaced_rows ORDER BY "
                       "entity, row_id"));
        while (q.next()) {
            displaced << QStringLiteral("%1/%2@%3")
                             .arg(q.value(0).toString(), q.value(1).toString(),
                                  q.value(2).toString());
            // The row as it was, whole: its id and the question it answers.
            const QJsonObject row = QJsonDocument::fromJson(q.value(3).toByteArray()).object();
            QCOMPARE(row.value("id").toString(), q.value(1).toString());
            QVERIFY(!row.value("question_id").toString().isEmpty() || q.value(0) != "answers");
        }
        for (const QJsonValue &d : fixture.value("expect_displaced").toArray())
            expected << QStringLiteral("%1/%2@%3")
                            .arg(d.toArray().at(0).toString(), d.toArray().at(1).toString())
                            .arg(d.toArray().at(2).toInteger());
        QCOMPARE(displaced, expected);
    }

    void photoRowsAskForThumbnails()
    {
        Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("ph.db"))).ok());
        QSqlDatabase c = db.connection();
        const QString sha(64, QLatin1Char('a'));
        const QJsonObject page = lastPage(
            3,
            {run("photos",
                 {"id", "sha256", "source", "byte_size", "created_at", "updated_at", "deleted_at"},
                 {QJsonArray{2, 0, "ph1", sha, "camera", 1234, 1, 1, {}},
                  QJsonArray{3, 1, "ph2", QString(64, QLatin1Char('b')), "camera", 1, 1, 1, 1}})});
        PullApplier applier(c);
        QVERIFY(applier.apply(page, 0, nullptr).ok());
        QCOMPARE(scalar(c, "SELECT thumb_state FROM photo_transfers").toString(),
                 QStringLiteral("wanted"));
        QCOMPARE(scalar(c, "SELECT on_server FROM photo_transfers").toInt(), 0);
        QCOMPARE(scalar(c, "SELECT count(*) FROM photo_transfers").toInt(), 1); // not a tombstone's
    }

    // The registry's versions of rows whose refused changes were given up (POST
    // /api/v1/discards): written as a page, the cursor left where it is, a column the registry's
    // row does not carry emptied (a local tombstone of a row alive on the registry undone), the
    // discards answered off refetch_rows.
    void refetchedRowsLeaveTheCursor()
    {
        Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("refetch.db"))).ok());
        QSqlDatabase c = db.connection();
        PullApplier applier(c);
        QVERIFY(applier.apply(unitPage(3, "Hà Nam", false), 0, nullptr).ok());
        QSqlQuery q(c);
        QVERIFY(q.exec("UPDATE sync_flags SET applying = 1"));
        // A tombstone and a value that changes given up had left (the registry's row has neither).
        QVERIFY(q.exec("UPDATE admin_units SET deleted_at = 5, valid_to = '2030-01-01' WHERE id "
                       "= 'p1'"));
        QVERIFY(q.exec("UPDATE sync_flags SET applying = 0"));
        QVERIFY(q.exec("INSERT INTO refetch_rows(change_seq, entity, row_id) VALUES "
                       "(7, 'admin_units', 'p1'), (8, 'admin_units', 'p9')"));
        const QStringList columns{"id",          "code",       "name",       "level",
                                  "level_label", "valid_from", "created_at", "updated_at"};
        const QJsonObject page =
            lastPage(10, {run("admin_units", columns,
                              {QJsonArray{10, 0, "p1", "01", "Ninh Bình", "province", "Tỉnh",
                                          "2025-07-01", 1, 10}})});
        PullApplier::Page result;
        const CoreError e = applier.applyRefetched(PulledPage::fromObject(page), {7}, &result);
        QVERIFY2(e.ok(), qPrintable(e.message()));
        QCOMPARE(result.applied, 1);
        QCOMPARE(scalar(c, "SELECT name FROM admin_units WHERE id = 'p1'").toString(),
                 QStringLiteral("Ninh Bình"));
        QCOMPARE(scalar(c, "SELECT sync_seq FROM admin_units WHERE id = 'p1'").toInt(), 10);
        QVERIFY(scalar(c, "SELECT deleted_at FROM admin_units WHERE id = 'p1'").isNull());
        QVERIFY(scalar(c, "SELECT valid_to FROM admin_units WHERE id = 'p1'").isNull());
        QCOMPARE(scalar(c, "SELECT value FROM sync_state WHERE key = 'pull_cursor'").toString(),
                 QStringLiteral("3"));
        QCOMPARE(scalar(c, "SELECT group_concat(change_seq) FROM refetch_rows").toString(),
                 QStringLiteral("8"));
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox").toInt(), 0);
        QCOMPARE(scalar(c, "SELECT applying FROM sync_flags").toInt(), 0);
    }

    void pulledRowsAreSearchable()
    {
        Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("search.db"))).ok());
        QSqlDatabase c = db.connection();
        const QStringList stamps{"created_at", "updated_at", "deleted_at"};
        const QJsonObject page{
            {"protocol", ProtocolVersion::current},
            {"next", 3},
            {"more", false},
            {"runs",
             QJsonArray{
                 run("admin_units",
                     QStringList{"id", "code", "name", "level", "level_label", "valid_from"} +
                         stamps,
                     {QJsonArray{1,
                                 0,
                                 "p1",
                                 "37",
                                 "Ninh Bình",
                                 "province",
                                 "Tỉnh",
                                 "2025-07-01",
                                 1,
                                 1,
                                 {}}}),
                 run("clusters",
                     QStringList{"id", "code", "name", "province_id", "status"} + stamps,
                     {QJsonArray{2, 0, "c1", "NB-GL", "Gia Lập", "p1", "operating", 1, 1, {}}}),
                 run("tenants",
                     QStringList{"id", "cluster_id", "name", "tax_code", "status"} + stamps,
                     {QJsonArray{3,
                                 0,
                                 "t1",
                                 "c1",
                                 "Công ty Đá Mỹ Nghệ Ninh Vân",
                                 "2700999888",
                                 "slow",
                                 1,
                                 1,
                                 {}}})}}};
        PullApplier applier(c);
        PullApplier::Page result;
        QVERIFY(applier.apply(page, 0, &result).ok());
        // The cluster at once (the cluster list filters by its search_text); the tenant once
        // the backlog is indexed.
        QCOMPARE(result.deferred, 1);
        QCOMPARE(backlog(c), 1);
        QCOMPARE(SearchIndex(c).search(QStringLiteral("gia lap")).size(), 1);
        QCOMPARE(SearchIndex(c).unindexed(), 1);
        QVERIFY(indexBacklog(c));
        QCOMPARE(SearchIndex(c).unindexed(), 0);
        const QVariantList hits = SearchIndex(c).search(QStringLiteral("gia lap"));
        QCOMPARE(hits.size(), 2); // the cluster, and the tenant through its cluster's name
        QCOMPARE(hits.first().toMap().value("title").toString(), QStringLiteral("Gia Lập"));
        QCOMPARE(SearchIndex(c).search(QStringLiteral("my nghe")).size(), 1);
        QCOMPARE(testdb::searchIndexFaults(c), QString());
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox").toInt(), 0);
    }

    // New rows of a searched table whose only triggers keep the full-text indexes are inserted
    // with triggers off and indexed after the round (inspections: SearchBacklog); a trigger of
    // such a table's own (here one that logs inserted inspections) puts the table back on the
    // path where every trigger fires.
    void newRowsIndexedPerPageUnlessTheTableHasTriggersOfItsOwn_data()
    {
        QTest::addColumn<bool>("ownTrigger");
        QTest::newRow("full-text triggers only") << false;
        QTest::newRow("a trigger of its own") << true;
    }
    void newRowsIndexedPerPageUnlessTheTableHasTriggersOfItsOwn()
    {
        QFETCH(bool, ownTrigger);
        Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("per-page-%1.db").arg(++m_n))).ok());
        QSqlDatabase c = db.connection();
        QSqlQuery q(c);
        QVERIFY(q.exec("CREATE TABLE inserted(id TEXT)"));
        if (ownTrigger)
            QVERIFY(q.exec("CREATE TRIGGER inspections_log AFTER INSERT ON inspections BEGIN "
                           "INSERT INTO inserted VALUES (NEW.id); END"));
        const QStringList stamps{"created_at", "updated_at", "deleted_at"};
        QList<QJsonArray> inspections;
        for (int i = 1; i <= 40; ++i) // more than one multi-row INSERT
            inspections << QJsonArray{i + 1,
                                      0,
                                      QStringLiteral("i%1").arg(i, 2, 10, QChar('0')),
                                      "c1",
                                      "t1",
                                      "periodic",
                                      "Nguyễn Văn Hải",
                                      0,
                                      1,
                                      1,
                                      {}};
        const QJsonObject page =
            lastPage(41, {giaLapRun(), run("inspections", inspectionColumns, inspections)});
        PullApplier applier(c);
        const CoreError e = applier.apply(page, 0, nullptr);
        QVERIFY2(e.ok(), qPrintable(e.message()));
        QCOMPARE(scalar(c, "SELECT count(*) FROM inserted").toInt(), ownTrigger ? 40 : 0);
        // Inserted with triggers off, they wait for the indexes; with every trigger firing, the
        // full-text triggers indexed them on insert.
        QCOMPARE(backlog(c), ownTrigger ? 0 : 40);
        QCOMPARE(SearchIndex(c).search(QStringLiteral("van hai"), 100).size(), ownTrigger ? 40 : 0);
        QVERIFY(indexBacklog(c));
        QCOMPARE(testdb::searchIndexFaults(c), QString());
        QCOMPARE(SearchIndex(c).search(QStringLiteral("van hai"), 100).size(), 40);
        QCOMPARE(SearchIndex(c).search(QStringLiteral("h"), 100).size(), 40); // word prefixes
        QCOMPARE(scalar(c, "SELECT count(*) FROM inspections WHERE search_text NOT LIKE "
                           "'gia lap nb-gl nguyen van hai %'")
                     .toInt(),
                 0);
        // Indexed rows change as any other: their old text leaves the indexes.
        const QJsonObject later = lastPage(
            42,
            {run("inspections", inspectionColumns,
                 {QJsonArray{42, 0, "i07", "c1", "t1", "periodic", "Lò Thị Mai", 0, 1, 2, {}}})});
        const CoreError e2 = applier.apply(later, 41, nullptr);
        QVERIFY2(e2.ok(), qPrintable(e2.message()));
        QCOMPARE(testdb::searchIndexFaults(c), QString());
        QCOMPARE(SearchIndex(c).search(QStringLiteral("van hai"), 100).size(), 39);
        QCOMPARE(SearchIndex(c).search(QStringLiteral("lo thi mai")).size(), 1);
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox").toInt(), 0);
    }

    // A cluster's name is in its tenants' and inspections' search_text: a pulled rename reaches
    // them too, and search finds them by the new name only.
    void clusterRenameReachesItsTenantsAndInspections()
    {
        Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("rename.db"))).ok());
        QSqlDatabase c = db.connection();
        const QStringList stamps{"created_at", "updated_at", "deleted_at"};
        const QStringList clusterCols =
            QStringList{"id", "code", "name", "province_id", "status"} + stamps;
        const QJsonObject first{
            {"protocol", ProtocolVersion::current},
            {"next", 3},
            {"more", false},
            {"runs",
             QJsonArray{
                 run("clusters", clusterCols,
                     {QJsonArray{1, 0, "c1", "NB-GL", "Gia Lập", "p1", "operating", 1, 1, {}}}),
                 run("tenants",
                     QStringList{"id", "cluster_id", "name", "tax_code", "status"} + stamps,
                     {QJsonArray{
                         2, 0, "t1", "c1", "Công ty Đá Ninh Vân", "2700999888", "slow", 1, 1, {}}}),
                 run("inspections",
                     QStringList{"id", "cluster_id", "template_id", "kind", "inspector_name",
                                 "started_at"} +
                         stamps,
                     {QJsonArray{
                         3, 0, "i1", "c1", "t1", "periodic", "Trần Thị Bình", 0, 1, 1, {}}})}}};
        PullApplier applier(c);
        QVERIFY(applier.apply(first, 0, nullptr).ok());
        const QJsonObject rename{
            {"protocol", ProtocolVersion::current},
            {"next", 4},
            {"more", false},
            {"runs",
             QJsonArray{run(
                 "clusters", clusterCols,
                 {QJsonArray{4, 0, "c1", "NB-GL", "Khánh Vân", "p1", "operating", 1, 2, {}}})}}};
        const CoreError e = applier.apply(rename, 3, nullptr);
        QVERIFY2(e.ok(), qPrintable(e.message()));
        for (const char *table : {"tenants", "inspections"}) {
            const QString text =
                scalar(c, QStringLiteral("SELECT search_text FROM %1").arg(QLatin1String(table)))
                    .toString();
            QVERIFY2(text.contains("khanh van") && !text.contains("gia lap"),
                     qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(table), text)));
        }
        QCOMPARE(SearchIndex(c).search(QStringLiteral("khanh van")).size(), 3);
        QCOMPARE(SearchIndex(c).search(QStringLiteral("gia lap")).size(), 0);
        QCOMPARE(testdb::searchIndexFaults(c), QString());
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox").toInt(), 0);
    }

    // An inspection's search_text holds its participants' names: it is built once, after all the
    // page's rows are written (a new one when the backlog is indexed), not once per pulled row.
    void searchTextOncePerInspectionPerPage()
    {
        Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("search-once.db"))).ok());
        QSqlDatabase c = db.connection();
        QSqlQuery q(c);
        QVERIFY(q.exec("CREATE TEMP TABLE rebuilt(id TEXT)"));
        QVERIFY(q.exec("CREATE TEMP TRIGGER count_rebuilt AFTER UPDATE OF search_text ON "
                       "inspections BEGIN INSERT INTO rebuilt VALUES (NEW.id); END"));
        const QStringList stamps{"created_at", "updated_at", "deleted_at"};
        const QJsonObject page = lastPage(
            5, {giaLapRun(),
                run("inspections",
                    QStringList{"id", "cluster_id", "template_id", "kind", "inspector_name",
                                "started_at"} +
                        stamps,
                    {QJsonArray{2, 0, "i1", "c1", "t1", "periodic", "Trần Thị Bình", 0, 1, 1, {}}}),
                run("inspection_participants",
                    QStringList{"id", "inspection_id", "name", "agency"} + stamps,
                    {QJsonArray{3, 0, "pa1", "i1", "Lê Văn Cường", "Sở Công Thương", 1, 1, {}},
                     QJsonArray{4, 0, "pa2", "i1", "Phạm Thu Dung", "UBND xã", 1, 1, {}},
                     QJsonArray{5, 1, "pa3", "i1", "Đỗ Đã Xoá", "UBND xã", 1, 1, 1}})});
        PullApplier applier(c);
        const CoreError e = applier.apply(page, 0, nullptr);
        QVERIFY2(e.ok(), qPrintable(e.message()));
        QCOMPARE(scalar(c, "SELECT count(*) FROM rebuilt").toInt(), 0); // new: it waits
        QVERIFY(indexBacklog(c));
        QCOMPARE(scalar(c, "SELECT group_concat(id) FROM rebuilt").toString(),
                 QStringLiteral("i1"));
        const QString text =
            scalar(c, "SELECT search_text FROM inspections WHERE id = 'i1'").toString();
        QVERIFY2(text.contains("gia lap") && text.contains("tran thi binh") &&
                     text.contains("le van cuong") && text.contains("pham thu dung") &&
                     !text.contains("do da xoa"),
                 qPrintable(text));
        QCOMPARE(SearchIndex(c).search(QStringLiteral("thu dung")).size(), 1);
        QCOMPARE(testdb::searchIndexFaults(c), QString());
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox").toInt(), 0);
    }

    // Tables whose only triggers are the outbox's are written with the connection's triggers off
    // (they would do nothing); a trigger of a table's own still fires for every pulled row, and
    // triggers are on again after a page, also after one that failed half way.
    void ownTriggersFireAndTriggersComeBack()
    {
        Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("triggers.db"))).ok());
        QSqlDatabase c = db.connection();
        QSqlQuery q(c);
        QVERIFY(q.exec("CREATE TABLE pulled_log(id TEXT)"));
        QVERIFY(q.exec("CREATE TRIGGER violations_log AFTER INSERT ON violations BEGIN INSERT "
                       "INTO pulled_log VALUES (NEW.id); END"));
        const QStringList stamps{"created_at", "updated_at", "deleted_at"};
        auto page = [&](int first, const QJsonValue &inspectionId) {
            QList<QJsonArray> answers, violations;
            for (int i = 0; i < 3; ++i) {
                const QString n = QString::number(first + i);
                answers << QJsonArray{first + i, 0, "a" + n, inspectionId, "q" + n, "yes",
                                      1,         1, {}};
                violations << QJsonArray{first + 3 + i, 0,       "v" + n, "i1", "c1", "fire",
                                         "minor",       "smoke", 1,       1,    {}};
            }
            return QJsonObject{
                {"protocol", ProtocolVersion::current},
                {"next", first + 5},
                {"more", false},
                {"runs",
                 QJsonArray{run("answers",
                                QStringList{"id", "inspection_id", "question_id", "value"} + stamps,
                                answers),
                            run("violations",
                                QStringList{"id", "inspection_id", "cluster_id", "category",
                                            "severity", "observed"} +
                                    stamps,
                                violations)}}};
        };
        PullApplier applier(c);
        QVERIFY(applier.apply(page(1, QStringLiteral("i1")), 0, nullptr).ok());
        QCOMPARE(scalar(c, "SELECT group_concat(id) FROM (SELECT id FROM pulled_log ORDER BY id)")
                     .toString(),
                 QStringLiteral("v1,v2,v3"));
        QCOMPARE(scalar(c, "SELECT count(*) FROM answers").toInt(), 3);
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox").toInt(), 0);

        // An answer without its inspection (NOT NULL) fails the page after rows were written.
        const CoreError e = applier.apply(page(11, QJsonValue::Null), 6, nullptr);
        QVERIFY(e.failed());
        QCOMPARE(scalar(c, "SELECT count(*) FROM answers").toInt(), 3);
        QString why;
        const QJsonObject unit{{"id", "local1"},        {"code", "01"},
                               {"name", "A"},           {"level", "province"},
                               {"level_label", "Tỉnh"}, {"valid_from", "2025-07-01"}};
        QVERIFY2(runSteps(c,
                          QJsonArray{QJsonObject{
                              {"do", "insert"}, {"table", "admin_units"}, {"values", unit}}},
                          &why),
                 qPrintable(why));
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox WHERE row_id = 'local1'").toInt(), 1);
    }

    // One applier serves many pages (its statements are kept): the second page updates rows of
    // the first and the cursor follows each page.
    void oneApplierManyPages()
    {
        Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("pages.db"))).ok());
        QSqlDatabase c = db.connection();
        PullApplier applier(c);
        PullApplier::Page p;
        QVERIFY(applier.apply(unitPage(1, "Một", true), 0, &p).ok());
        QCOMPARE(p.applied, 1);
        QVERIFY(p.more);
        QVERIFY(applier.apply(unitPage(2, "Hai", false), 1, &p).ok());
        QCOMPARE(p.next, 2);
        QVERIFY(!p.more);
        QCOMPARE(scalar(c, "SELECT name || '/' || sync_seq || '/' || updated_at FROM admin_units")
                     .toString(),
                 QStringLiteral("Hai/2/2"));
        QCOMPARE(scalar(c, "SELECT value FROM sync_state WHERE key = 'pull_cursor'").toString(),
                 QStringLiteral("2"));
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox").toInt(), 0);
    }

    // Rows pushed in a batch the registry stored up to server_seq (PushBatch) are held as
    // stored once the cursor passes server_seq and the row holds that version: p1 comes back in
    // the page (at 3), p2 is on no device. p4 was written again by another device after the
    // batch, so it comes once, at its newest version, in a page after this one: until then its
    // entry stays (a registry restored in between must still get it again).
    void aCursorPastABatchClearsItsUnpulledRows()
    {
        Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("unpulled.db"))).ok());
        QSqlDatabase c = db.connection();
        QSqlQuery q(c);
        QVERIFY(q.exec("UPDATE sync_flags SET applying = 1"));
        QVERIFY(q.exec("INSERT INTO admin_units(id, code, name, level, level_label, valid_from, "
                       "created_at, updated_at, sync_seq) VALUES ('p4', '04', 'Bốn', 'province', "
                       "'Tỉnh', '2025-07-01', 1, 1, 1)"));
        QVERIFY(q.exec("UPDATE sync_flags SET applying = 0"));
        QVERIFY(q.exec("INSERT INTO pushed_unpulled(entity, row_id, server_seq) VALUES "
                       "('admin_units', 'p1', 2), ('admin_units', 'p2', 3), ('admin_units', "
                       "'p4', 3), ('clusters', 'c9', 5)"));
        PullApplier applier(c);
        PullApplier::Page p;
        QVERIFY(applier.apply(unitPage(1, "Một", true), 0, &p).ok());
        QCOMPARE(scalar(c, "SELECT count(*) FROM pushed_unpulled").toInt(), 4);
        QVERIFY(applier.apply(unitPage(3, "Một", false), 1, &p).ok());
        QCOMPARE(scalar(c, "SELECT group_concat(row_id) FROM (SELECT row_id FROM pushed_unpulled "
                           "ORDER BY row_id)")
                     .toString(),
                 QStringLiteral("c9,p4"));
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox").toInt(), 0);
    }

    // The fixture's pages, each changed a hundred ways (seeded; a network or proxy that mangles
    // a reply): each is read and applied whole, or refused with a message leaving every table of
    // the device as it was, with the applier's switches back (no crash, no half page).
    void mutatedPagesAreWholeOrNothing_data() { apply_data(); }

    void mutatedPagesAreWholeOrNothing()
    {
        QFETCH(QJsonObject, fixture);
        Database db;
        const QString why = openWithSteps(db, m_dir.filePath(QStringLiteral("m%1.db").arg(++m_n)),
                                          fixture.value("local").toArray());
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QSqlDatabase c = db.connection();
        const QByteArray text = QJsonDocument(fixture.value("page").toObject()).toJson();
        BodyMutator mutator{quint32(m_n)};
        PullApplier applier(c);
        int refused = 0;
        for (int i = 0; i < 100; ++i) {
            const QByteArray mutated = mutator.mutate(text);
            PulledPage page;
            if (!page.read(mutated)) {
                QVERIFY(!page.errorMessage().isEmpty());
                ++refused;
                continue;
            }
            const QByteArray before = wholeState(c);
            PullApplier::Page result;
            const CoreError e = applier.apply(page, fixture.value("since").toInteger(), &result);
            QCOMPARE(scalar(c, "SELECT applying FROM sync_flags").toInt(), 0);
            QCOMPARE(scalar(c, "PRAGMA foreign_keys").toInt(), 1);
            if (e.ok())
                continue;
            ++refused;
            QVERIFY(!e.message().isEmpty());
            QVERIFY2(wholeState(c) == before, qPrintable(e.message()));
        }
        QVERIFY(refused > 0); // the check can fail
    }
};

QTEST_GUILESS_MAIN(TestPullApplier)
#include "tst_pullapplier.moc"
