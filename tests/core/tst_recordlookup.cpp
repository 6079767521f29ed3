// RecordLookup: every synced table's rows described from the device's own copy (name, what they
// belong to, their time or day), rows it does not hold not found, and the columns that refer to
// another table.
#include "recordlookup.h"
#include "testdb.h"

class TestRecordLookup : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Database m_db;

private slots:
    void initTestCase()
    {
        QVERIFY(testdb::openWithFixture(m_db, m_dir));
        QSqlDatabase c = m_db.connection();
        const CoreError e =
            SqlScript::runFile(c, QStringLiteral(CCN_FIXTURES_DIR "/core/record_lookup.sql"));
        QVERIFY2(e.ok(), qPrintable(e.message()));
    }

    void describesEveryTable_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("place");
        QTest::addColumn<qint64>("at");
        QTest::addColumn<QString>("on");
        const auto id = [](int n) {
            return QStringLiteral("01900000-0000-7000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
        };
        const qint64 started = 1773277200000;
        QTest::newRow("province") << "admin_units" << id(1) << "Ninh Bình"
                                  << "" << qint64(0) << "";
        QTest::newRow("commune") << "admin_units" << id(2) << "Xã Gia Sinh"
                                 << "Ninh Bình" << qint64(0) << "";
        QTest::newRow("mapping") << "admin_unit_mappings" << id(701)
                                 << "Huyện Gia Viễn → Xã Gia Sinh"
                                 << "" << qint64(0) << "2025-07-01";
        QTest::newRow("cluster") << "clusters" << id(101) << "Đồng Hướng"
                                 << "Ninh Bình" << qint64(0) << "";
        QTest::newRow("cluster unit") << "cluster_units" << id(702) << "Xã Gia Sinh"
                                      << "Đồng Hướng" << qint64(0) << "";
        QTest::newRow("marker") << "boundary_markers" << id(703) << "M3"
                                << "Đồng Hướng" << qint64(0) << "";
        QTest::newRow("tenant") << "tenants" << id(201) << "Công ty TNHH May Đức Thành"
                                << "Đồng Hướng" << qint64(0) << "";
        QTest::newRow("item") << "infrastructure_items" << id(704) << "Đường trục chính"
                              << "Khánh Hải 1" << qint64(0) << "";
        QTest::newRow("reading") << "progress_readings" << id(705) << "Đường trục chính"
                                 << "Khánh Hải 1" << qint64(0) << "2026-03-12";
        QTest::newRow("template") << "checklist_templates" << id(301) << "Phiếu thử"
                                  << "" << qint64(0) << "2024-05-01";
        QTest::newRow("section") << "checklist_sections" << id(401) << "Môi trường"
                                 << "Phiếu thử" << qint64(0) << "";
        QTest::newRow("question") << "checklist_questions" << id(501)
                                  << "Có trạm xử lý nước thải tập trung"
                                  << "Môi trường" << qint64(0) << "";
        QTest::newRow("inspection") << "inspections" << id(706) << ""
                                    << "Đồng Hướng" << started << "";
        QTest::newRow("inspection of a tenant")
            << "inspections" << id(707) << "Công ty TNHH May Đức Thành"
            << "Đồng Hướng" << started << "";
        QTest::newRow("participant") << "inspection_participants" << id(708) << "Nguyễn Văn An"
                                     << "Đồng Hướng" << started << "";
        QTest::newRow("answer") << "answers" << id(709) << "Có trạm xử lý nước thải tập trung"
                                << "Đồng Hướng" << started << "";
        QTest::newRow("deleted violation, cut")
            << "violations" << id(710)
            << "Nước thải từ khu nhà xưởng phía bắc chảy thẳng ra mương tiêu thủy lợi, chưa qua…"
            << "Đồng Hướng" << started << "";
        QTest::newRow("photo of a violation") << "photos" << id(711) << "Cửa xả"
                                              << "Đồng Hướng" << qint64(1773280800000) << "";
    }
    void describesEveryTable()
    {
        QFETCH(QString, table);
        QFETCH(QString, id);
        QFETCH(QString, name);
        QFETCH(QString, place);
        QFETCH(qint64, at);
        QFETCH(QString, on);
        const RecordLookup lookup(m_db.connection());
        const RecordLookup::Description d = lookup.describe(table, id);
        QVERIFY(d.found);
        QCOMPARE(d.name, name);
        QCOMPARE(d.place, place);
        QCOMPARE(d.at, at);
        QCOMPARE(d.on, on);
        QVERIFY(d.name.size() <= RecordLookup::maxNameLength);
    }

    void rowsNotHeldAreNotFound()
    {
        const RecordLookup lookup(m_db.connection());
        QVERIFY(!lookup.describe("clusters", "01900000-0000-7000-8000-000000000999").found);
        QVERIFY(!lookup.describe("clusters", QString()).found);
        QVERIFY(!lookup.describe("outbox", "1").found);
        QVERIFY(!lookup.describe("no_such_table", testdb::dongHuong).found);
        QVERIFY(!lookup.describe("clusters", "' OR 1 = 1 --").found);
    }

    // The list of references is the schema's: every REFERENCES of the device's tables (every
    // migration applied) is in it, and it names nothing the schema does not.
    void referencesAreTheSchemas()
    {
        QSqlDatabase c = m_db.connection();
        QSqlQuery tables(c);
        QVERIFY(tables.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                            "LIKE 'sqlite_%'"));
        int references = 0;
        while (tables.next()) {
            const QString table = tables.value(0).toString();
            QHash<QString, QString> declared;
            QSqlQuery fk(c);
            QVERIFY(fk.exec(QStringLiteral("SELECT \"from\", \"table\" FROM "
                                           "pragma_foreign_key_list('%1')")
                                .arg(table)));
            while (fk.next())
                declared.insert(fk.value(0).toString(), fk.value(1).toString());
            references += int(declared.size());
            QSqlQuery cols(c);
            QVERIFY(
                cols.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1')").arg(table)));
            while (cols.next()) {
                const QString column = cols.value(0).toString();
                QCOMPARE(RecordLookup::referencedTable(table, column), declared.value(column));
            }
        }
        QVERIFY(references >= 25);
    }

    void columnsReferToTheirTables_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("referenced");
        QTest::newRow("cluster") << "violations"
                                 << "cluster_id"
                                 << "clusters";
        QTest::newRow("tenant") << "inspections"
                                << "tenant_id"
                                << "tenants";
        QTest::newRow("question") << "photos"
                                  << "question_id"
                                  << "checklist_questions";
        QTest::newRow("item") << "progress_readings"
                              << "item_id"
                              << "infrastructure_items";
        QTest::newRow("unit") << "cluster_units"
                              << "unit_id"
                              << "admin_units";
        QTest::newRow("province") << "clusters"
                                  << "province_id"
                                  << "admin_units";
        QTest::newRow("old unit") << "admin_unit_mappings"
                                  << "old_unit_id"
                                  << "admin_units";
        QTest::newRow("parent unit") << "admin_units"
                                     << "parent_id"
                                     << "admin_units";
        QTest::newRow("parent elsewhere") << "clusters"
                                          << "parent_id"
                                          << "";
        QTest::newRow("not a reference") << "clusters"
                                         << "name"
                                         << "";
        QTest::newRow("own id") << "clusters"
                                << "id"
                                << "";
    }
    void columnsReferToTheirTables()
    {
        QFETCH(QString, table);
        QFETCH(QString, column);
        QFETCH(QString, referenced);
        QCOMPARE(RecordLookup::referencedTable(table, column), referenced);
    }
};

QTEST_GUILESS_MAIN(TestRecordLookup)
#include "tst_recordlookup.moc"
