#include "recordwriter.h"
#include "testdb.h"
#include "uuid7.h"

class TestRecordWriter : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Database m_db;

private slots:
    void initTestCase() { QVERIFY(testdb::openWithFixture(m_db, m_dir)); }

    void insertFillsIdAndTimes()
    {
        RecordWriter w(m_db.connection());
        QString id;
        QVERIFY(w.insert(QStringLiteral("boundary_markers"),
                         {{QStringLiteral("cluster_id"), testdb::dongHuong},
                          {QStringLiteral("code"), QStringLiteral("M1")},
                          {QStringLiteral("lat"), 20.05},
                          {QStringLiteral("lon"), 106.05}},
                         &id)
                    .ok());
        QVERIFY(Uuid7::isValid(id));
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("SELECT created_at, updated_at, deleted_at, sync_seq FROM "
                                 "boundary_markers WHERE id = ?"));
        q.addBindValue(id);
        QVERIFY(q.exec() && q.next());
        QVERIFY(q.value(0).toLongLong() > 1700000000000);
        QCOMPARE(q.value(1), q.value(0));
        QVERIFY(q.value(2).isNull());
        QCOMPARE(q.value(3).toInt(), 0);
    }

    void updateSetsUpdatedAtOnlyWhenSomethingChanged()
    {
        RecordWriter w(m_db.connection());
        QSqlQuery q(m_db.connection());
        QVERIFY(w.update(QStringLiteral("clusters"), testdb::khanhHai,
                         {{QStringLiteral("notes"), QStringLiteral("a")}})
                    .ok());
        QVERIFY(q.exec(QStringLiteral("SELECT updated_at FROM clusters WHERE id = '%1'")
                           .arg(testdb::khanhHai)) &&
                q.next());
        const qint64 first = q.value(0).toLongLong();
        q.finish(); // the next write must not start with this read open (OpenReadAudit)
        QVERIFY(first > 1);
        QVERIFY(w.update(QStringLiteral("clusters"), testdb::khanhHai,
                         {{QStringLiteral("notes"), QStringLiteral("a")}})
                    .ok());
        QVERIFY(q.exec(QStringLiteral("SELECT updated_at FROM clusters WHERE id = '%1'")
                           .arg(testdb::khanhHai)) &&
                q.next());
        QCOMPARE(q.value(0).toLongLong(), first);
    }

    // A NUL pasted into a text is not stored (the registry would refuse the change), nor half
    // of a UTF-16 pair (no UTF-8 form): StoredText, on insert and on update.
    void textIsStoredAsTheRegistryTakesIt()
    {
        RecordWriter w(m_db.connection());
        QString id;
        QVERIFY(w.insert(QStringLiteral("boundary_markers"),
                         {{QStringLiteral("cluster_id"), testdb::dongHuong},
                          {QStringLiteral("code"), QStringLiteral("M") + QChar(0) + "9"},
                          {QStringLiteral("lat"), 20.05},
                          {QStringLiteral("lon"), 106.05}},
                         &id)
                    .ok());
        QVERIFY(w.update(QStringLiteral("clusters"), testdb::khanhHai,
                         {{QStringLiteral("notes"),
                           QStringLiteral("Bể") + QChar(0) + QChar(0xd800) + "lắng"}})
                    .ok());
        QSqlQuery q(m_db.connection());
        QVERIFY(
            q.exec(QStringLiteral("SELECT code FROM boundary_markers WHERE id = '%1'").arg(id)) &&
            q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("M9"));
        QVERIFY(q.exec(QStringLiteral("SELECT notes FROM clusters WHERE id = '%1'")
                           .arg(testdb::khanhHai)) &&
                q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("Bể") + QChar(QChar::ReplacementCharacter) +
                                            QStringLiteral("lắng"));
        q.finish();
    }

    void errorsCarryAMessage()
    {
        RecordWriter w(m_db.connection());
        CoreError e = w.insert(QStringLiteral("tenants"),
                               {{QStringLiteral("cluster_id"), QStringLiteral("missing")},
                                {QStringLiteral("name"), QStringLiteral("x")},
                                {QStringLiteral("status"), QStringLiteral("operating")}});
        QCOMPARE(e.code(), CoreError::Code::Sql);
        QVERIFY(e.message().contains(QStringLiteral("tenants")));
        e = w.insert(QStringLiteral("tenants"),
                     {{QStringLiteral("cluster_id"), testdb::dongHuong},
                      {QStringLiteral("name"), QStringLiteral("x")},
                      {QStringLiteral("status"), QStringLiteral("bankrupt")}});
        QCOMPARE(e.code(), CoreError::Code::Sql);
        e = w.insert(QStringLiteral("no_such_table"), {{QStringLiteral("x"), 1}});
        QCOMPARE(e.code(), CoreError::Code::Sql);
    }

    void softDeleteKeepsTheRow()
    {
        RecordWriter w(m_db.connection());
        QVERIFY(w.softDelete(QStringLiteral("clusters"), testdb::khanhHai).ok());
        QCOMPARE(
            testdb::count(
                m_db, QStringLiteral("SELECT count(*) FROM clusters WHERE deleted_at IS NOT NULL")),
            1);
        QCOMPARE(testdb::count(m_db, QStringLiteral("SELECT count(*) FROM clusters")), 2);
    }
};

QTEST_GUILESS_MAIN(TestRecordWriter)
#include "tst_recordwriter.moc"
