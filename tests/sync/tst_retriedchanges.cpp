// RetriedChanges: a refused change sent again puts its own values back into the row the pull
// wrote over while it was refused, and nothing else: not a field a later edit carries, not the
// outbox (no new entry), not another entry.
#include "retriedchanges.h"
#include "syncmanager.h"
#include "synctestutil.h"

#include "database.h"
#include "recordwriter.h"

#include <QSqlQuery>
#include <QTemporaryDir>

using namespace synctest;

class TestRetriedChanges : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    // A unit at sync_seq 5 as the registry sent it, and an outbox with nothing in it.
    static bool pulledUnit(QSqlDatabase c, QString *id)
    {
        RecordWriter w(c);
        QSqlQuery q(c);
        return w.insert("admin_units",
                        {{"code", "27"},
                         {"name", "Ninh Bình"},
                         {"level", "province"},
                         {"level_label", "Tỉnh"},
                         {"valid_from", "2025-07-01"}},
                        id)
                   .ok() &&
               q.exec("UPDATE sync_flags SET applying = 1") &&
               q.exec("UPDATE admin_units SET sync_seq = 5") &&
               q.exec("UPDATE sync_flags SET applying = 0") && q.exec("DELETE FROM outbox");
    }

    // A new device database holding that unit.
    bool openWithUnit(Database &db, QString *id)
    {
        return db.open(m_dir.filePath(QStringLiteral("r%1.db").arg(++m_n))).ok() &&
               pulledUnit(db.connection(), id);
    }

    // What a pull writes: the registry's value, the outbox's triggers off.
    static bool pulled(QSqlDatabase c, const QString &id, const char *column, const char *value)
    {
        QSqlQuery q(c);
        q.prepare(QStringLiteral("UPDATE admin_units SET %1 = ? WHERE id = ?")
                      .arg(QLatin1String(column)));
        q.addBindValue(QString::fromUtf8(value));
        q.addBindValue(id);
        return QSqlQuery(c).exec("UPDATE sync_flags SET applying = 1") && q.exec() &&
               QSqlQuery(c).exec("UPDATE sync_flags SET applying = 0");
    }

    static qint64 lastEntry(QSqlDatabase c)
    {
        return scalar(c, "SELECT max(seq) FROM outbox").toLongLong();
    }

    static bool refuse(QSqlDatabase c, qint64 seq, const char *code)
    {
        QSqlQuery q(c);
        q.prepare("UPDATE outbox SET rejected_code = ?, rejected_message = 'bị từ chối' WHERE "
                  "seq = ?");
        q.addBindValue(QString::fromLatin1(code));
        q.addBindValue(seq);
        return q.exec() && q.numRowsAffected() == 1;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // "Gửi lại" on a refused rename: the row shows the name sent again; the refused entry's other
    // field (the label), edited again since, keeps the later edit; nothing new in the outbox.
    void aRetriedChangeShowsWhatItSends()
    {
        Database db;
        QString id;
        QVERIFY(openWithUnit(db, &id));
        QSqlDatabase c = db.connection();
        RecordWriter w(c);
        QVERIFY(w.update("admin_units", id, {{"name", "Ninh Bình mới"}, {"level_label", "Tỉnh "}})
                    .ok());
        const qint64 refused = lastEntry(c);
        QVERIFY(refuse(c, refused, "forbidden"));
        QVERIFY(pulled(c, id, "name", "Ninh Bình")); // the registry's, over the refused one
        QVERIFY(w.update("admin_units", id, {{"level_label", "Thành phố"}}).ok()); // later, pending
        QVERIFY(pulled(c, id, "valid_from", "2025-07-02")); // not the change's: stays
        const int entries = scalar(c, "SELECT count(*) FROM outbox").toInt();
        const CoreError retried = SyncManager(c).retryRejected(refused);
        QVERIFY2(retried.ok(), qPrintable(retried.message()));
        QCOMPARE(
            scalar(c, "SELECT name || '/' || level_label || '/' || valid_from FROM admin_units")
                .toString(),
            QStringLiteral("Ninh Bình mới/Thành phố/2025-07-02"));
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox").toInt(), entries);
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox WHERE rejected_code IS NOT NULL").toInt(),
                 0);
        QCOMPARE(SyncManager(c).retryRejected(refused).code(), CoreError::Code::NotFound);
    }

    // Those refused for want of another row go again at each round: the same.
    void aChangeThatWaitedShowsWhatItSends()
    {
        Database db;
        QString id;
        QVERIFY(openWithUnit(db, &id));
        QSqlDatabase c = db.connection();
        RecordWriter w(c);
        QVERIFY(w.update("admin_units", id, {{"name", "Hoa Lư"}}).ok());
        const qint64 waiting = lastEntry(c);
        QVERIFY(refuse(c, waiting, "unknown_parent"));
        QVERIFY(pulled(c, id, "name", "Ninh Bình"));
        QVERIFY(SyncManager(c).retryWaitingForOtherRows().ok());
        QCOMPARE(scalar(c, "SELECT name FROM admin_units").toString(), QStringLiteral("Hoa Lư"));
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox").toInt(), 1);
        QVERIFY(scalar(c, "SELECT rejected_code IS NULL FROM outbox").toBool());
    }

    // A field the registry refused a change of, whose entry is not sent again, stays as pulled.
    void anotherRefusedChangeIsLeftAlone()
    {
        Database db;
        QString id;
        QVERIFY(openWithUnit(db, &id));
        QSqlDatabase c = db.connection();
        RecordWriter w(c);
        QVERIFY(w.update("admin_units", id, {{"name", "Tam Điệp"}}).ok());
        const qint64 first = lastEntry(c);
        QVERIFY(w.update("admin_units", id, {{"code", "37"}}).ok());
        const qint64 second = lastEntry(c);
        QVERIFY(refuse(c, first, "forbidden"));
        QVERIFY(refuse(c, second, "forbidden"));
        QVERIFY(pulled(c, id, "name", "Ninh Bình"));
        QVERIFY(pulled(c, id, "code", "27"));
        int count = 0;
        QVERIFY(RetriedChanges::retry(c, QStringLiteral("seq = ?"), {second}, true, &count).ok());
        QCOMPARE(count, 1);
        QCOMPARE(scalar(c, "SELECT name || '/' || code FROM admin_units").toString(),
                 QStringLiteral("Ninh Bình/37"));
    }
};

QTEST_GUILESS_MAIN(TestRetriedChanges)
#include "tst_retriedchanges.moc"
