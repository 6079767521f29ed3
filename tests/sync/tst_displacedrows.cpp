// DisplacedRows: the natural keys read from the device schema, and the rule that settles a
// pulled row against the device's rows and the page's (the lower id holds the key; a key with a
// NULL in it never collides). Through a page: tst_pullapplier, fixture sync/pull_pages.json.
#include "database.h"
#include "displacedrows.h"
#include "synctestutil.h"

#include <QtTest>

using namespace synctest;

class TestDisplacedRows : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void naturalKeysAreTheUniqueIndexesButTheId()
    {
        Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("k.db"))).ok());
        DisplacedRows rows(db.connection());
        QCOMPARE(rows.keysOf("answers"), (QList<QStringList>{{"inspection_id", "question_id"}}));
        QCOMPARE(rows.keysOf("checklist_templates"), (QList<QStringList>{{"code", "version"}}));
        QVERIFY(rows.keysOf("tenants").isEmpty());
        QVERIFY(rows.keysOf("no_such_table").isEmpty());
    }

    void theLowerIdHoldsTheKey()
    {
        Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("s%1.db").arg(++m_n))).ok());
        QSqlDatabase c = db.connection();
        QSqlQuery q(c);
        QVERIFY(q.exec("INSERT INTO checklist_templates(id, code, version, title, created_at, "
                       "updated_at, sync_seq) VALUES ('t-5', 'KT-01', 2, 'Phiếu A', 1, 1, 7)"));
        const auto row = [](const char *id, const QJsonValue &version) {
            return QJsonObject{{"id", id},
                               {"code", "KT-01"},
                               {"version", version},
                               {"title", "Phiếu B"},
                               {"created_at", 1},
                               {"updated_at", 1},
                               {"deleted_at", QJsonValue::Null}};
        };
        QVERIFY(q.exec("UPDATE sync_flags SET applying = 1")); // as a pulled page is written
        DisplacedRows rows(c);
        QSet<QString> skip;
        bool write = true;
        // A higher id than the row held: kept aside, the row held stays.
        QVERIFY(rows.settle("checklist_templates", row("t-9", 2), 30, &write, &skip).ok());
        QVERIFY(!write);
        QCOMPARE(scalar(c, "SELECT count(*) FROM checklist_templates WHERE id = 't-5'").toInt(), 1);
        // Another version is another key.
        QVERIFY(rows.settle("checklist_templates", row("t-7", 3), 31, &write, &skip).ok());
        QVERIFY(write);
        // No version: a NULL never collides.
        QVERIFY(rows.settle("checklist_templates", row("t-8", QJsonValue::Null), 32, &write, &skip)
                    .ok());
        QVERIFY(write);
        // A lower id: the row held goes aside, and so does the page's row t-7 of version 3.
        QVERIFY(rows.settle("checklist_templates", row("t-1", 2), 33, &write, &skip).ok());
        QVERIFY(write);
        QCOMPARE(scalar(c, "SELECT count(*) FROM checklist_templates WHERE id = 't-5'").toInt(), 0);
        QVERIFY(rows.settle("checklist_templates", row("t-2", 3), 34, &write, &skip).ok());
        QVERIFY(write);
        QCOMPARE(skip, (QSet<QString>{"checklist_templates/t-7"}));
        QStringList kept;
        QVERIFY(q.exec("SELECT row_id, version, row_json FROM displaced_rows ORDER BY row_id"));
        while (q.next())
            kept << q.value(0).toString() + "@" + q.value(1).toString();
        QCOMPARE(kept, (QStringList{"t-5@7", "t-7@31", "t-9@30"}));
        QVERIFY(q.exec("SELECT row_json FROM displaced_rows WHERE row_id = 't-5'") && q.next());
        const QJsonObject held = QJsonDocument::fromJson(q.value(0).toByteArray()).object();
        QCOMPARE(held.value("title").toString(), QStringLiteral("Phiếu A"));
        QVERIFY(!held.contains("sync_seq"));
    }
};

QTEST_GUILESS_MAIN(TestDisplacedRows)
#include "tst_displacedrows.moc"
