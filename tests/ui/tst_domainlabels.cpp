#include "clustermanager.h"
#include "database.h"
#include "domainlabels.h"
#include "outboxtriggers.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

class TestDomainLabels : public QObject
{
    Q_OBJECT
private slots:
    void everyClusterStatusHasALabel()
    {
        DomainLabels labels;
        for (const QString &s : ClusterManager::statuses()) {
            const QString l = labels.clusterStatus(s);
            QVERIFY2(!l.isEmpty() && l != s, qPrintable(s));
        }
    }

    // The sync page names synced tables and columns (refused changes, conflicts): a table or a
    // column added without a label would show its SQL name to inspectors and supervisors.
    void everySyncedTableAndColumnHasALabel()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Database db;
        const CoreError e = db.open(dir.filePath("device.sqlite"));
        QVERIFY2(e.ok(), qPrintable(e.message()));
        const QHash<QString, QStringList> synced = OutboxTriggers::syncedColumns(db.connection());
        QVERIFY(synced.size() >= 16);
        DomainLabels labels;
        QSet<QString> tables;
        int columns = 0;
        for (auto it = synced.constBegin(); it != synced.constEnd(); ++it) {
            const QString table = labels.tableName(it.key());
            QVERIFY2(table != it.key() && !table.contains('_'), qPrintable(it.key()));
            QVERIFY2(!tables.contains(table), qPrintable(it.key() + ": " + table + " twice"));
            tables.insert(table);
            QHash<QString, QString> seen; // label -> column, within one table
            for (const QString &c : it.value()) {
                if (c == QLatin1String("id"))
                    continue;
                ++columns;
                const QString label = labels.fieldName(c);
                QVERIFY2(label != c && !label.contains('_'), qPrintable(it.key() + "." + c));
                QVERIFY2(!seen.contains(label),
                         qPrintable(it.key() + ": " + c + " and " + seen.value(label) +
                                    " are both " + label));
                seen.insert(label, c);
            }
        }
        QVERIFY(columns > 150);
    }

    void syncNamesItDoesNotKnowPassThrough()
    {
        DomainLabels labels;
        QCOMPARE(labels.tableName("site_visits"), QStringLiteral("site_visits"));
        QCOMPARE(labels.fieldName("site_visit_id"), QStringLiteral("site_visit_id"));
        QCOMPARE(labels.changeOp("merge"), QStringLiteral("merge"));
        QCOMPARE(labels.changeOp("insert"), QStringLiteral("thêm mới"));
        QCOMPARE(labels.changeOp("update"), QStringLiteral("sửa"));
        QCOMPARE(labels.changeOp("delete"), QStringLiteral("xoá"));
        QCOMPARE(labels.tableName("progress_readings"), QStringLiteral("Số liệu tiến độ"));
        QCOMPARE(labels.fieldName("findings"),
                 QStringLiteral("Nội dung làm việc, kết quả kiểm tra"));
    }

    void numbers_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("expected");
        QTest::newRow("vi decimal comma") << "vi" << QVariant(12.5) << 1 << "12,5";
        QTest::newRow("vi whole number") << "vi" << QVariant(67.0) << 2 << "67";
        QTest::newRow("vi thousands") << "vi" << QVariant(6050) << 0 << "6.050";
        QTest::newRow("en decimal point") << "en" << QVariant(12.5) << 1 << "12.5";
        QTest::newRow("null") << "vi" << QVariant() << 1 << "";
        QTest::newRow("not a number") << "vi" << QVariant(QStringLiteral("abc")) << 1 << "";
    }

    void numbers()
    {
        QFETCH(QString, locale);
        QFETCH(QVariant, value);
        QFETCH(int, decimals);
        QFETCH(QString, expected);
        DomainLabels labels;
        QSignalSpy spy(&labels, &DomainLabels::localeChanged);
        labels.setLocale(locale == QLatin1String("en")
                             ? QLocale(QLocale::English)
                             : QLocale(QLocale::Vietnamese, QLocale::Vietnam));
        QCOMPARE(labels.number(value, decimals), expected);
    }

    void fines()
    {
        DomainLabels labels;
        QCOMPARE(labels.fineRange(10000000, 20000000), QStringLiteral("10–20 triệu đồng"));
        QCOMPARE(labels.fineRange(QVariant(), QVariant()), QString());
        QCOMPARE(labels.date(QStringLiteral("2026-12-31")), QStringLiteral("31/12/2026"));
        QCOMPARE(labels.dateTime(QVariant()), QString());
    }
};

QTEST_GUILESS_MAIN(TestDomainLabels)
#include "tst_domainlabels.moc"
