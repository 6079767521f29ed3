// SyncLabels: every table a device syncs has a name for people; unknown names pass through.
#include "database.h"
#include "outboxtriggers.h"
#include "synclabels.h"

#include <QTemporaryDir>
#include <QtTest>

class TestSyncLabels : public QObject
{
    Q_OBJECT
private slots:
    // A table added to the schema without a label here would show its SQL name to inspectors.
    void everySyncedTableHasALabel()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Database db;
        const CoreError e = db.open(dir.filePath("device.sqlite"));
        QVERIFY2(e.ok(), qPrintable(e.message()));
        const QStringList tables = OutboxTriggers::syncedColumns(db.connection()).keys();
        QVERIFY(tables.size() >= 16);
        QSet<QString> seen;
        for (const QString &t : tables) {
            const QString label = SyncLabels::entity(t);
            QVERIFY2(label != t && !label.contains('_'), qPrintable(t));
            QVERIFY2(!seen.contains(label), qPrintable(t + ": " + label + " twice"));
            seen.insert(label);
        }
    }

    // Every column that travels: a conflict record names one of them.
    void everySyncedColumnHasALabel()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Database db;
        const CoreError e = db.open(dir.filePath("device.sqlite"));
        QVERIFY2(e.ok(), qPrintable(e.message()));
        const QHash<QString, QStringList> synced = OutboxTriggers::syncedColumns(db.connection());
        int columns = 0;
        for (auto it = synced.constBegin(); it != synced.constEnd(); ++it) {
            QHash<QString, QString> seen; // label -> column, within one table
            for (const QString &c : it.value()) {
                if (c == QLatin1String("id"))
                    continue;
                ++columns;
                const QString label = SyncLabels::field(c);
                QVERIFY2(label != c && !label.contains('_'), qPrintable(it.key() + "." + c));
                QVERIFY2(!seen.contains(label),
                         qPrintable(it.key() + ": " + c + " and " + seen.value(label) +
                                    " are both " + label));
                seen.insert(label, c);
            }
        }
        QVERIFY(columns > 150);
    }

    void unknownNamesPassThrough()
    {
        QCOMPARE(SyncLabels::entity("site_visits"), QStringLiteral("site_visits"));
        QCOMPARE(SyncLabels::op("merge"), QStringLiteral("merge"));
        QCOMPARE(SyncLabels::field("site_visit_id"), QStringLiteral("site_visit_id"));
    }

    void ops()
    {
        QCOMPARE(SyncLabels::op("insert"), QStringLiteral("thêm mới"));
        QCOMPARE(SyncLabels::op("update"), QStringLiteral("sửa"));
        QCOMPARE(SyncLabels::op("delete"), QStringLiteral("xoá"));
    }
};

QTEST_GUILESS_MAIN(TestSyncLabels)
#include "tst_synclabels.moc"
