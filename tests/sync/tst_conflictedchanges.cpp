// ConflictedChanges: an outbox entry the registry stored with a conflict is kept for its author
// (PushBatch::applyReply keeps it as it takes it out of the outbox), listed with the fields it set
// until the author has read it, and only to its author.
#include "conflictedchanges.h"
#include "protocolversion.h"
#include "pushbatch.h"
#include "syncmanager.h"
#include "synctestutil.h"

#include <QTemporaryDir>

using namespace synctest;

class TestConflictedChanges : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_n = 0;
    Database m_db;

    // Pushes what the user logged in has waiting; the registry answers `conflict` (with the
    // record `conflictId`) for the entries of `conflicted` (by position) and applied for the rest.
    static bool pushWithConflicts(QSqlDatabase c, const QList<int> &conflicted,
                                  const QString &conflictId)
    {
        PushBatch batch;
        if (PushBatch::build(c, QStringLiteral("dev-1"), 500, &batch).failed())
            return false;
        QJsonArray results;
        for (int i : conflicted)
            results.append(QJsonObject{{"change", double(batch.entries().at(i).outboxSeq)},
                                       {"status", "conflict"},
                                       {"seq", 40 + i},
                                       {"conflict_ids", QJsonArray{conflictId}}});
        PushBatch::Outcome o;
        const QJsonObject reply{
            {"protocol", ProtocolVersion::current}, {"server_seq", 50}, {"results", results}};
        return batch.applyReply(c, reply, &o).ok() && o.conflicts == conflicted.size();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }
    void init()
    {
        QVERIFY(m_db.open(m_dir.filePath(QStringLiteral("d%1.db").arg(++m_n))).ok());
        QVERIFY(SyncManager(m_db.connection()).setAuthor("user-a", "a.inspector").ok());
        QVERIFY(runSteps(m_db.connection(), R"([
          {"do": "insert", "table": "admin_units", "values": {"id": "p1", "code": "01", "name": "A", "level": "province", "level_label": "Tỉnh", "valid_from": "2025-07-01"}},
          {"do": "update", "table": "admin_units", "id": "p1", "values": {"name": "A2", "code": "011"}}
        ])"));
    }
    void cleanup() { m_db.close(); }

    // The entry leaves the outbox and is kept with the registry's record ids; the user is shown
    // what it set (device clocks left out) until they have read it. A second answer for the same
    // entry (a reply repeated) keeps nothing twice.
    void aConflictIsKeptUntilRead()
    {
        QSqlDatabase c = m_db.connection();
        QVERIFY(pushWithConflicts(c, {1}, "conflict-7"));
        QCOMPARE(scalar(c, "SELECT count(*) FROM outbox").toInt(), 0);
        QCOMPARE(scalar(c, "SELECT conflict_ids FROM conflicted_changes").toString(),
                 QStringLiteral("[\"conflict-7\"]"));
        ConflictedChanges kept(c);
        const QVariantList unread = kept.unread(20);
        QCOMPARE(kept.unreadCount(), 1);
        QCOMPARE(unread.size(), 1);
        const QVariantMap e = unread.first().toMap();
        QCOMPARE(e.value("entity").toString(), QStringLiteral("admin_units"));
        QCOMPARE(e.value("rowId").toString(), QStringLiteral("p1"));
        QCOMPARE(e.value("op").toString(), QStringLiteral("update"));
        QStringList fields = e.value("fields").toStringList();
        fields.sort();
        QCOMPARE(fields, QStringList({"code", "name"}));
        QString why;
        QVERIFY(ConflictedChanges::keep(c, e.value("seq").toLongLong(), {"again"}, 1, &why));
        QCOMPARE(scalar(c, "SELECT count(*) FROM conflicted_changes").toInt(), 1);
        QVERIFY(kept.markRead(1000).ok());
        QVERIFY(kept.unread(20).isEmpty());
        QCOMPARE(kept.unreadCount(), 0);
        QCOMPARE(scalar(c, "SELECT seen_at FROM conflicted_changes").toLongLong(), 1000);
    }

    // Each field an edit set is listed with the user's value and the one the row holds now (the
    // value that won, once pulled), and whether the row is deleted now.
    void eachFieldShowsTheUsersValueAndTheCurrentOne()
    {
        QSqlDatabase c = m_db.connection();
        QVERIFY(pushWithConflicts(c, {1}, "conflict-9"));
        QSqlQuery pulled(c);
        QVERIFY(pulled.exec("UPDATE admin_units SET name = 'Tỉnh Bắc Ninh' WHERE id = 'p1'"));
        auto valuesOf = [&c] {
            QMap<QString, QPair<QVariant, QVariant>> out;
            const QVariantList unread = ConflictedChanges(c).unread(20);
            for (const QVariant &v : unread.first().toMap().value("values").toList()) {
                const QVariantMap m = v.toMap();
                out.insert(m.value("field").toString(), {m.value("mine"), m.value("current")});
            }
            return out;
        };
        auto values = valuesOf();
        QCOMPARE(values.keys(), QStringList({"code", "name"}));
        QCOMPARE(values.value("name").first.toString(), QStringLiteral("A2"));
        QCOMPARE(values.value("name").second.toString(), QStringLiteral("Tỉnh Bắc Ninh"));
        QCOMPARE(values.value("code").first.toString(), QStringLiteral("011"));
        QCOMPARE(values.value("code").second.toString(), QStringLiteral("011"));
        QVERIFY(!ConflictedChanges(c).unread(20).first().toMap().value("deleted").toBool());
        QVERIFY(pulled.exec("UPDATE admin_units SET deleted_at = 5 WHERE id = 'p1'"));
        QVERIFY(ConflictedChanges(c).unread(20).first().toMap().value("deleted").toBool());
    }

    // A new row stored with a conflict (merged into a row the registry had) names no fields.
    void aNewRowNamesNoFields()
    {
        QSqlDatabase c = m_db.connection();
        QVERIFY(pushWithConflicts(c, {0}, "conflict-8"));
        const QVariantList unread = ConflictedChanges(c).unread(20);
        QCOMPARE(ConflictedChanges(c).unreadCount(), 1);
        QCOMPARE(unread.first().toMap().value("op").toString(), QStringLiteral("insert"));
        QVERIFY(unread.first().toMap().value("fields").toStringList().isEmpty());
    }

    // Each user is told of their own changes: another user logged in on the tablet does not see
    // them, nor mark them read.
    void eachUserSeesTheirOwn()
    {
        QSqlDatabase c = m_db.connection();
        QVERIFY(pushWithConflicts(c, {0, 1}, "conflict-9"));
        QVERIFY(SyncManager(c).setAuthor("user-b", "b.inspector").ok());
        QVERIFY(runSteps(c, R"([
          {"do": "update", "table": "admin_units", "id": "p1", "values": {"name": "B"}}
        ])"));
        QVERIFY(pushWithConflicts(c, {0}, "conflict-10"));
        ConflictedChanges kept(c);
        const QVariantList unread = kept.unread(20);
        QCOMPARE(kept.unreadCount(), 1);
        QCOMPARE(unread.first().toMap().value("fields").toStringList(), QStringList{"name"});
        QVERIFY(kept.markRead(5).ok());
        QVERIFY(SyncManager(c).setAuthor("user-a", "a.inspector").ok());
        QCOMPARE(kept.unreadCount(), 2);
        QCOMPARE(kept.unread(20).size(), 2);
        // Newest first, at most the limit.
        const QVariantList one = kept.unread(1);
        QCOMPARE(one.size(), 1);
        QCOMPARE(one.first().toMap().value("op").toString(), QStringLiteral("update"));
    }
};

QTEST_GUILESS_MAIN(TestConflictedChanges)
#include "tst_conflictedchanges.moc"
