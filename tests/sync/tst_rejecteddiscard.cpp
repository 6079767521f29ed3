// RejectedDiscard: a refused change given up (fixture tests/fixtures/sync/rejected_discards.json):
// kept as it was, off the outbox, the row as it was before that change (a later change of the
// tablet kept), nothing echoed, the row asked for again; only refused changes of the user logged
// in can be given up.
#include "rejecteddiscard.h"
#include "synctestutil.h"

#include "database.h"
#include "recordwriter.h"

#include <QTemporaryDir>

using namespace synctest;

class TestRejectedDiscard : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    // The seq of the refused entry at `index` (by seq), 0 when there is none.
    static qint64 refused(QSqlDatabase c, int index)
    {
        return scalar(c, QStringLiteral("SELECT seq FROM outbox WHERE rejected_code IS NOT NULL "
                                        "ORDER BY seq LIMIT 1 OFFSET %1")
                             .arg(index))
            .toLongLong();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void discard_data()
    {
        QVERIFY(addFixtureCases(QStringLiteral("sync/rejected_discards.json")) > 0);
    }

    void discard()
    {
        QFETCH(QJsonObject, fixture);
        Database db;
        const QString why = openWithSteps(db, m_dir.filePath(QStringLiteral("d%1.db").arg(++m_n)),
                                          fixture.value("local").toArray());
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QSqlDatabase c = db.connection();
        // `discard`: the index of the refused entry given up, or a list of them given up in turn.
        const QJsonValue order = fixture.value("discard");
        const QJsonArray indexes = order.isArray() ? order.toArray() : QJsonArray{order};
        qint64 first = 0;
        for (const QJsonValue &index : indexes) {
            const qint64 seq = refused(c, index.toInt());
            QVERIFY(seq > 0);
            if (first == 0)
                first = seq;
            const QStringList entry =
                outboxSnapshot(c).filter(QRegularExpression(QStringLiteral("^%1\\|").arg(seq)));
            QCOMPARE(entry.size(), 1);
            QVERIFY(RejectedDiscard::discard(c, seq, 1700000000000).ok());
            QCOMPARE(scalar(c, "SELECT applying FROM sync_flags").toInt(), 0);
            QCOMPARE(
                scalar(c, QStringLiteral("SELECT count(*) FROM outbox WHERE seq = %1").arg(seq))
                    .toInt(),
                0);
            // Kept as it was, with when it was given up.
            const QStringList kept = entry.first().split(QLatin1Char('|'));
            QSqlQuery q(c);
            QVERIFY(q.exec(QStringLiteral("SELECT entity, row_id, op, base_seq, old_json, "
                                          "new_json, rejected_code, discarded_at FROM "
                                          "discarded_changes WHERE seq = %1")
                               .arg(seq)));
            QVERIFY(q.next());
            for (int i = 0; i < 7; ++i)
                QCOMPARE(q.value(i).toString(), kept.at(i + 2));
            QCOMPARE(q.value(7).toLongLong(), 1700000000000);
        }
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox").toInt(),
                 fixture.value("expect_outbox").toInt());
        for (const QJsonValue &rv : fixture.value("expect_rows").toArray()) {
            const QString wrong = rowMismatch(c, rv.toObject());
            QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
        }
        QStringList refetch;
        for (const RejectedDiscard::Row &r : RejectedDiscard::rowsToFetch(c, 10))
            refetch << r.entity + '/' + r.rowId;
        QStringList expected;
        for (const QJsonValue &v : fixture.value("expect_refetch").toArray())
            expected << v.toArray().at(0).toString() + '/' + v.toArray().at(1).toString();
        QCOMPARE(refetch, expected);
        QCOMPARE(RejectedDiscard::rowsToFetch(c, 10).value(0).changeSeq, first);
    }

    // A waiting change is not given up (it may be on its way), nor another user's refused change,
    // nor one given up already: NotFound, and nothing changes.
    void onlyTheUsersRefusedChanges()
    {
        Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("own.db"))).ok());
        QSqlDatabase c = db.connection();
        QString why;
        const QJsonArray steps = readJson(QStringLiteral("sync/rejected_discards.json"))
                                     .object()
                                     .value("cases")
                                     .toArray()
                                     .at(0)
                                     .toObject()
                                     .value("local")
                                     .toArray();
        QVERIFY2(runSteps(c, steps, &why), qPrintable(why));
        const qint64 seq = refused(c, 0);
        QVERIFY(seq > 0);
        QSqlQuery q(c);
        QVERIFY(q.exec("UPDATE outbox SET rejected_code = NULL"));
        QStringList before = outboxSnapshot(c);
        QCOMPARE(RejectedDiscard::discard(c, seq, 1).code(), CoreError::Code::NotFound);
        QCOMPARE(outboxSnapshot(c), before);
        QVERIFY(q.exec("UPDATE outbox SET rejected_code = 'forbidden', author = 'someone-else'"));
        QVERIFY(q.exec("UPDATE sync_flags SET author = 'me'"));
        before = outboxSnapshot(c);
        QCOMPARE(RejectedDiscard::discard(c, seq, 1).code(), CoreError::Code::NotFound);
        QCOMPARE(outboxSnapshot(c), before);
        QCOMPARE(scalar(c, "SELECT workers FROM tenants WHERE id = 't1'").toInt(), 50);
        QVERIFY(q.exec("UPDATE outbox SET author = 'me'"));
        QVERIFY(RejectedDiscard::discard(c, seq, 1).ok());
        QCOMPARE(RejectedDiscard::discard(c, seq, 1).code(), CoreError::Code::NotFound);
        QCOMPARE(scalar(c, "SELECT count(*) FROM discarded_changes").toInt(), 1);
        QCOMPARE(RejectedDiscard::rowsToFetch(c, 10).size(), 1);
        QCOMPARE(scalar(c, "SELECT workers FROM tenants WHERE id = 't1'").toInt(), 40);
    }
};

QTEST_GUILESS_MAIN(TestRejectedDiscard)
#include "tst_rejecteddiscard.moc"
