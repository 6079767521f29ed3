// DiscardCascade (fixture tests/fixtures/sync/discard_cascades.json): a refused new row given up
// takes with it the new rows that cannot exist without it (NOT NULL references, in turn), as
// tombstones whose entries are kept in discarded_changes; rows that only may name it, rows the
// registry holds and other users' rows stay.
#include "discardcascade.h"
#include "rejecteddiscard.h"
#include "synctestutil.h"

#include "database.h"

#include <QTemporaryDir>

using namespace synctest;

class TestDiscardCascade : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    static QStringList pairs(const QJsonValue &v)
    {
        QStringList out;
        for (const QJsonValue &p : v.toArray())
            out << p.toArray().at(0).toString() + '/' + p.toArray().at(1).toString();
        return out;
    }

    static QStringList rowsOf(QSqlDatabase c, const QString &sql)
    {
        QStringList out;
        QSqlQuery q(c);
        if (!q.exec(sql))
            qWarning("%s", qPrintable(q.lastError().text()));
        while (q.next())
            out << q.value(0).toString() + '/' + q.value(1).toString();
        return out;
    }

    static bool deleted(QSqlDatabase c, const QString &table, const QString &id)
    {
        return !scalar(c,
                       QStringLiteral("SELECT deleted_at FROM %1 WHERE id = '%2'").arg(table, id))
                    .isNull();
    }

    // The first refused entry of (table, id).
    static qint64 entryOf(QSqlDatabase c, const QString &table, const QString &id)
    {
        return scalar(c, QStringLiteral("SELECT min(seq) FROM outbox WHERE entity = '%1' AND "
                                        "row_id = '%2' AND rejected_code IS NOT NULL")
                             .arg(table, id))
            .toLongLong();
    }

    QSqlDatabase fresh(Database &db, const QJsonObject &fixture)
    {
        if (!db.open(m_dir.filePath(QStringLiteral("d%1.db").arg(++m_n))).ok())
            qFatal("open");
        QSqlDatabase c = db.connection();
        QString why;
        if (!runSteps(c, fixture.value("local").toArray(), &why))
            qWarning("steps: %s", qPrintable(why));
        return c;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void giveUp_data()
    {
        QVERIFY(addFixtureCases(QStringLiteral("sync/discard_cascades.json")) > 0);
    }

    void giveUp()
    {
        QFETCH(QJsonObject, fixture);
        Database db;
        QSqlDatabase c = fresh(db, fixture);
        const QJsonArray target = fixture.value("discard").toArray();
        const QString table = target.at(0).toString(), id = target.at(1).toString();
        const qint64 seq = entryOf(c, table, id);
        QVERIFY(seq > 0);
        const int outboxBefore = scalar(c, "SELECT count(*) FROM outbox").toInt();

        CoreError e;
        QCOMPARE(RejectedDiscard::newRowsGivenUpWith(c, seq, &e),
                 fixture.value("expect_count").toInt());
        QVERIFY(e.ok());
        QVERIFY2(RejectedDiscard::discard(c, seq, 1700000000000).ok(), "discard");
        QCOMPARE(scalar(c, "SELECT applying FROM sync_flags").toInt(), 0);

        const QStringList givenUp = pairs(fixture.value("expect_given_up"));
        for (const QString &row : givenUp)
            QVERIFY2(deleted(c, row.section('/', 0, 0), row.section('/', 1)), qPrintable(row));
        for (const QString &row : pairs(fixture.value("expect_alive")))
            QVERIFY2(!deleted(c, row.section('/', 0, 0), row.section('/', 1)), qPrintable(row));
        // Their entries kept as they were, with when they were given up; none written anew.
        QCOMPARE(rowsOf(c, "SELECT DISTINCT entity, row_id FROM discarded_changes WHERE seq <> " +
                               QString::number(seq) + " ORDER BY seq"),
                 givenUp);
        QCOMPARE(scalar(c, "SELECT count(*) FROM discarded_changes WHERE discarded_at <> "
                           "1700000000000")
                     .toInt(),
                 0);
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox").toInt() +
                     scalar(c, "SELECT count(*) FROM discarded_changes").toInt(),
                 outboxBefore);
        QCOMPARE(rowsOf(c, "SELECT entity, row_id FROM outbox ORDER BY seq"),
                 pairs(fixture.value("expect_outbox")));
        QCOMPARE(rowsOf(c, "SELECT entity, row_id FROM refetch_rows ORDER BY change_seq"),
                 pairs(fixture.value("expect_refetch")));
    }

    // Another user's new rows on this tablet stay: that user gives them up, or sends them.
    void anotherUsersRowsStay()
    {
        const QJsonObject fixture = readJson(QStringLiteral("sync/discard_cascades.json"))
                                        .object()
                                        .value("cases")
                                        .toArray()
                                        .at(0)
                                        .toObject();
        Database db;
        QSqlDatabase c = fresh(db, fixture);
        QSqlQuery q(c);
        QVERIFY(q.exec("UPDATE sync_flags SET author = 'me'"));
        QVERIFY(q.exec("UPDATE outbox SET author = 'me'"));
        QVERIFY(q.exec("UPDATE outbox SET author = 'someone-else' WHERE row_id = 'a2'"));
        const qint64 seq = entryOf(c, "inspections", "i1");
        QCOMPARE(RejectedDiscard::newRowsGivenUpWith(c, seq), 4);
        QVERIFY(RejectedDiscard::discard(c, seq, 1).ok());
        QVERIFY(deleted(c, "answers", "a1"));
        QVERIFY(deleted(c, "photos", "ph1"));
        QVERIFY(deleted(c, "photos", "ph2"));
        QVERIFY(!deleted(c, "answers", "a2"));
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox WHERE row_id = 'a2'").toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDiscardCascade)
#include "tst_discardcascade.moc"
