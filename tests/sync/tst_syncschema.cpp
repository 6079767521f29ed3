#include "syncschema.h"
#include "synctestutil.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

// SyncSchema: the synced tables and columns come from the device schema, and validateRow checks
// a whole row against the device's constraints (in an in-memory copy that keeps scratch rows
// between calls).
class TestSyncSchema : public QObject
{
    Q_OBJECT

private:
    static QJsonObject answer(const QString &id, const QString &inspectionId,
                              const QString &questionId)
    {
        return {{QStringLiteral("id"), id},
                {QStringLiteral("inspection_id"), inspectionId},
                {QStringLiteral("question_id"), questionId},
                {QStringLiteral("value"), QStringLiteral("yes")},
                {QStringLiteral("created_at"), 1700000000000.0},
                {QStringLiteral("updated_at"), 1700000000000.0}};
    }
    static QJsonObject violation(const QString &id, const QString &severity)
    {
        return {{QStringLiteral("id"), id},
                {QStringLiteral("inspection_id"), QStringLiteral("i1")},
                {QStringLiteral("cluster_id"), QStringLiteral("c1")},
                {QStringLiteral("category"), QStringLiteral("fire_safety")},
                {QStringLiteral("severity"), severity},
                {QStringLiteral("observed"), QStringLiteral("Lối thoát hiểm bị chặn")},
                {QStringLiteral("created_at"), 1700000000000.0},
                {QStringLiteral("updated_at"), 1700000000000.0}};
    }

private slots:
    void tablesAndColumnsComeFromTheDeviceSchema()
    {
        SyncSchema s;
        QVERIFY2(s.isValid(), qPrintable(s.error()));
        QVERIFY(s.deviceSchemaVersion() > 0);
        QVERIFY(s.hasTable(QStringLiteral("answers")));
        QVERIFY(s.hasTable(QStringLiteral("violations")));
        QVERIFY(!s.hasTable(QStringLiteral("outbox")));
        QVERIFY(s.hasColumn(QStringLiteral("answers"), QStringLiteral("value")));
        QVERIFY(!s.hasColumn(QStringLiteral("answers"), QStringLiteral("no_such_column")));
    }

    // The foreign keys between synced tables, from the device schema: a violation names its
    // inspection, cluster and tenant; nothing refers to an answer.
    void referencesComeFromTheDeviceSchema()
    {
        SyncSchema s;
        QStringList refs;
        for (const SyncSchema::Reference &r : s.references(QStringLiteral("violations")))
            refs << r.column + QLatin1Char('>') + r.parent;
        refs.sort();
        QCOMPARE(refs, QStringList({"cluster_id>clusters", "inspection_id>inspections",
                                    "tenant_id>tenants"}));
        QVERIFY(s.isReferenced(QStringLiteral("inspections")));
        QVERIFY(s.isReferenced(QStringLiteral("violations")));
        QVERIFY(!s.isReferenced(QStringLiteral("answers")));
        QVERIFY(s.references(QStringLiteral("no_such_table")).isEmpty());
    }

    void checkValueNamesTheProblem()
    {
        SyncSchema s;
        QVERIFY(
            s.checkValue(QStringLiteral("answers"), QStringLiteral("value"), QStringLiteral("yes"))
                .isEmpty());
        QVERIFY(s.checkValue(QStringLiteral("answers"), QStringLiteral("created_at"), 1.5)
                    .contains(QLatin1String("created_at")));
        QVERIFY(s.checkValue(QStringLiteral("answers"), QStringLiteral("inspection_id"),
                             QJsonValue::Null)
                    .contains(QLatin1String("inspection_id")));
        QVERIFY(s.checkValue(QStringLiteral("answers"), QStringLiteral("value"), 3.0)
                    .contains(QLatin1String("value")));
        QVERIFY(s.checkValue(QStringLiteral("answers"), QStringLiteral("nope"), 1.0)
                    .contains(QLatin1String("nope")));
        // Text as Qt reads it from JSON: a pair is a character, half of one is refused.
        const QJsonObject texts =
            QJsonDocument::fromJson(R"({"pair": "\ud83d\ude00", "half": "tr\ud800ng"})").object();
        QVERIFY(s.checkValue(QStringLiteral("answers"), QStringLiteral("note"),
                             texts.value(QLatin1String("pair")))
                    .isEmpty());
        QVERIFY(s.checkValue(QStringLiteral("answers"), QStringLiteral("note"),
                             texts.value(QLatin1String("half")))
                    .contains(QLatin1String("note")));
    }

    void validRowsPass()
    {
        SyncSchema s;
        QCOMPARE(
            s.validateRow(QStringLiteral("answers"),
                          answer(QStringLiteral("a1"), QStringLiteral("i1"), QStringLiteral("q1"))),
            QString());
        QCOMPARE(s.validateRow(QStringLiteral("violations"),
                               violation(QStringLiteral("v1"), QStringLiteral("serious"))),
                 QString());
    }

    void checkConstraintsFail()
    {
        SyncSchema s;
        // Named by the column the CHECK reads, not by the table's code or SQLite's words (a
        // value it lists is no column: 'serious' would be none even if it were one's name).
        const QString e = s.validateRow(QStringLiteral("violations"),
                                        violation(QStringLiteral("v1"), QStringLiteral("huge")));
        QCOMPARE(e, QStringLiteral("'severity' có giá trị nằm ngoài phạm vi cho phép"));
        const QJsonObject reading{{"id", "r1"},        {"item_id", "it1"},
                                  {"percent", 140},    {"observed_on", "2026-11-24"},
                                  {"created_at", 1.0}, {"updated_at", 1.0}};
        QCOMPARE(s.validateRow(QStringLiteral("progress_readings"), reading),
                 QStringLiteral("'percent' có giá trị nằm ngoài phạm vi cho phép"));
    }

    void nullsAndMissingRequiredColumnsFail()
    {
        SyncSchema s;
        QJsonObject a = answer(QStringLiteral("a1"), QStringLiteral("i1"), QStringLiteral("q1"));
        a.insert(QStringLiteral("question_id"), QJsonValue::Null);
        QVERIFY(s.validateRow(QStringLiteral("answers"), a).contains(QLatin1String("question_id")));
        a.remove(QStringLiteral("question_id"));
        QVERIFY(s.validateRow(QStringLiteral("answers"), a).contains(QLatin1String("question_id")));
        // A NOT NULL column with a default may be left out, but not sent as null.
        QJsonObject v = violation(QStringLiteral("v1"), QStringLiteral("minor"));
        QCOMPARE(s.validateRow(QStringLiteral("violations"), v), QString());
        v.insert(QStringLiteral("status"), QJsonValue::Null);
        QVERIFY(s.validateRow(QStringLiteral("violations"), v).contains(QLatin1String("status")));
    }

    void checkedRowsSkipOnlyTheValueChecks()
    {
        // validateCheckedRow trusts the values (the caller ran checkValue on each) but refuses a
        // missing required column and a CHECK violation with validateRow's very message.
        SyncSchema s;
        QJsonObject a = answer(QStringLiteral("a1"), QStringLiteral("i1"), QStringLiteral("q1"));
        QCOMPARE(s.validateCheckedRow(QStringLiteral("answers"), a), QString());
        a.remove(QStringLiteral("question_id"));
        QCOMPARE(s.validateCheckedRow(QStringLiteral("answers"), a),
                 s.validateRow(QStringLiteral("answers"), a));
        QVERIFY(s.validateCheckedRow(QStringLiteral("answers"), a)
                    .contains(QLatin1String("question_id")));
        const QJsonObject v = violation(QStringLiteral("v1"), QStringLiteral("huge"));
        const QString e = s.validateCheckedRow(QStringLiteral("violations"), v);
        QVERIFY(e.contains(QLatin1String("'severity'")));
        QCOMPARE(e, s.validateRow(QStringLiteral("violations"), v));
        // A value checkValue would refuse is not looked at again.
        QJsonObject bad = answer(QStringLiteral("a2"), QStringLiteral("i1"), QStringLiteral("q1"));
        bad.insert(QStringLiteral("value"), 3.0);
        QVERIFY(!s.validateRow(QStringLiteral("answers"), bad).isEmpty());
        QCOMPARE(s.validateCheckedRow(QStringLiteral("answers"), bad), QString());
    }

    void scratchRowsNeverMeetEachOther()
    {
        // Scratch rows stay in the copy between calls: the same row again (a row changed twice in
        // one batch), or another row with the same unique key, must still pass; and a bad row
        // after many good ones still fails. 600 rows cross the clearing point twice.
        SyncSchema s;
        for (int i = 0; i < 600; ++i) {
            const QString e =
                s.validateRow(QStringLiteral("answers"),
                              answer(QStringLiteral("a%1").arg(i % 7), QStringLiteral("i1"),
                                     QStringLiteral("q%1").arg(i % 3)));
            QVERIFY2(e.isEmpty(), qPrintable(QStringLiteral("row %1: %2").arg(i).arg(e)));
        }
        QVERIFY(!s.validateRow(QStringLiteral("violations"),
                               violation(QStringLiteral("v9"), QStringLiteral("huge")))
                     .isEmpty());
        QCOMPARE(s.validateRow(QStringLiteral("violations"),
                               violation(QStringLiteral("v9"), QStringLiteral("minor"))),
                 QString());
    }

    void scratchInsertOnlyWhereItCanRefuse_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<bool>("needsInsert");
        const QList<QList<QByteArray>> rows =
            synctest::fixtureRows(QStringLiteral("scratch_insert.tsv"));
        QVERIFY(!rows.isEmpty());
        for (const QList<QByteArray> &c : rows) {
            QCOMPARE(c.size(), 2);
            QTest::newRow(c[0].constData()) << QString::fromUtf8(c[0]) << (c[1].trimmed() == "1");
        }
    }

    void scratchInsertOnlyWhereItCanRefuse()
    {
        // The insert into the scratch copy is what checks CHECK constraints; a table without any
        // is validated by the value and required-column checks alone (answers: 20 of the 23 rows
        // of an inspection), and those still refuse what the insert would have.
        QFETCH(QString, table);
        QFETCH(bool, needsInsert);
        SyncSchema s;
        QVERIFY(s.hasTable(table));
        QCOMPARE(s.needsScratchInsert(table), needsInsert);
    }

    void unknownTableFails()
    {
        SyncSchema s;
        QVERIFY(s.validateRow(QStringLiteral("users; DROP TABLE answers"), {})
                    .contains(QLatin1String("users")));
        QCOMPARE(
            s.validateRow(QStringLiteral("answers"),
                          answer(QStringLiteral("a1"), QStringLiteral("i1"), QStringLiteral("q1"))),
            QString());
    }
};

QTEST_GUILESS_MAIN(TestSyncSchema)
#include "tst_syncschema.moc"
