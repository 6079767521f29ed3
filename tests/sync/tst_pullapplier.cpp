// PullApplier: pulled pages -> device rows (fixture tests/fixtures/sync/pull_pages.json):
// pending local fields kept, tombstones applied, the cursor stored with its page, nothing echoed.
#include "protocolversion.h"
#include "pullapplier.h"
#include "searchindex.h"
#include "synctestutil.h"

#include <QTemporaryDir>

using namespace synctest;

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

    void apply_data()
    {
        QTest::addColumn<QJsonObject>("fixture");
        const QJsonArray cases =
            readJson(QStringLiteral("sync/pull_pages.json")).object().value("cases").toArray();
        QVERIFY(!cases.isEmpty());
        for (const QJsonValue &c : cases)
            QTest::newRow(qPrintable(c.toObject().value("name").toString())) << c.toObject();
    }

    void apply()
    {
        QFETCH(QJsonObject, fixture);
        Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("p%1.db").arg(++m_n))).ok());
        QSqlDatabase c = db.connection();
        QString why;
        QVERIFY2(runSteps(c, fixture.value("local").toArray(), &why), qPrintable(why));
        const QStringList outboxBefore = outboxSnapshot(c);

        PullApplier applier(c);
        PullApplier::Page page;
        const CoreError e = applier.apply(fixture.value("page").toObject(),
                                          fixture.value("since").toInteger(), &page);
        QCOMPARE(e.failed(), fixture.value("expect_error").toBool());
        QCOMPARE(scalar(c, "SELECT applying FROM sync_flags").toInt(), 0);
        QCOMPARE(scalar(c, "PRAGMA foreign_keys").toInt(), 1);
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
            const QJsonObject r = rv.toObject();
            const QJsonObject values = r.value("values").toObject();
            for (auto it = values.begin(); it != values.end(); ++it) {
                QSqlQuery q(c);
                q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?")
                              .arg(it.key(), r.value("table").toString()));
                q.addBindValue(r.value("id").toString());
                QVERIFY(q.exec());
                QVERIFY2(q.next(), qPrintable(r.value("id").toString()));
                const QVariant got = q.value(0);
                const QString label =
                    r.value("id").toString() + "." + it.key() + " = " + got.toString();
                if (it.value().isNull())
                    QVERIFY2(got.isNull(), qPrintable(label));
                else if (it.value() == QJsonValue(QStringLiteral("*")))
                    QVERIFY2(!got.isNull(), qPrintable(label));
                else if (it.value().isDouble())
                    QVERIFY2(got.toDouble() == it.value().toDouble(), qPrintable(label));
                else
                    QVERIFY2(got.toString() == it.value().toString(), qPrintable(label));
            }
        }
        for (const QJsonValue &av : fixture.value("absent").toArray()) {
            const QJsonObject a = av.toObject();
            QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM %1 WHERE id = '%2'")
                                   .arg(a.value("table").toString(), a.value("id").toString()))
                         .toInt(),
                     0);
        }
    }

    void photoRowsAskForThumbnails()
    {
        Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("ph.db"))).ok());
        QSqlDatabase c = db.connection();
        const QString sha(64, QLatin1Char('a'));
        const QJsonObject page{
            {"protocol", ProtocolVersion::current},
            {"next", 2},
            {"more", false},
            {"changes",
             QJsonArray{QJsonObject{{"seq", 2},
                                    {"entity", "photos"},
                                    {"row_id", "ph1"},
                                    {"deleted", false},
                                    {"row", QJsonObject{{"id", "ph1"},
                                                        {"sha256", sha},
                                                        {"source", "camera"},
                                                        {"byte_size", 1234},
                                                        {"created_at", 1},
                                                        {"updated_at", 1},
                                                        {"deleted_at", QJsonValue::Null}}}}}}};
        PullApplier applier(c);
        QVERIFY(applier.apply(page, 0, nullptr).ok());
        QCOMPARE(scalar(c, "SELECT thumb_state FROM photo_transfers").toString(),
                 QStringLiteral("wanted"));
        QCOMPARE(scalar(c, "SELECT on_server FROM photo_transfers").toInt(), 0);
    }

    void pulledRowsAreSearchable()
    {
        Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("search.db"))).ok());
        QSqlDatabase c = db.connection();
        auto change = [](int seq, const char *entity, const char *id, QJsonObject row) {
            row.insert("id", id);
            row.insert("created_at", 1);
            row.insert("updated_at", 1);
            row.insert("deleted_at", QJsonValue::Null);
            return QJsonObject{
                {"seq", seq}, {"entity", entity}, {"row_id", id}, {"deleted", false}, {"row", row}};
        };
        const QJsonObject page{
            {"protocol", ProtocolVersion::current},
            {"next", 3},
            {"more", false},
            {"changes", QJsonArray{change(1, "admin_units", "p1",
                                          {{"code", "37"},
                                           {"name", "Ninh Bình"},
                                           {"level", "province"},
                                           {"level_label", "Tỉnh"},
                                           {"valid_from", "2025-07-01"}}),
                                   change(2, "clusters", "c1",
                                          {{"code", "NB-GL"},
                                           {"name", "Gia Lập"},
                                           {"province_id", "p1"},
                                           {"status", "operating"}}),
                                   change(3, "tenants", "t1",
                                          {{"cluster_id", "c1"},
                                           {"name", "Công ty Đá Mỹ Nghệ Ninh Vân"},
                                           {"tax_code", "2700999888"},
                                           {"status", "slow"}})}}};
        PullApplier applier(c);
        QVERIFY(applier.apply(page, 0, nullptr).ok());
        const QVariantList hits = SearchIndex(c).search(QStringLiteral("gia lap"));
        QCOMPARE(hits.size(), 2); // the cluster, and the tenant through its cluster's name
        QCOMPARE(hits.first().toMap().value("title").toString(), QStringLiteral("Gia Lập"));
        QCOMPARE(SearchIndex(c).search(QStringLiteral("my nghe")).size(), 1);
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox").toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPullApplier)
#include "tst_pullapplier.moc"
