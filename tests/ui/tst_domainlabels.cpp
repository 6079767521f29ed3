#include "clustermanager.h"
#include "database.h"
#include "domainlabels.h"
#include "outboxtriggers.h"
#include "recordlookup.h"
#include "sqlscript.h"

#include <QJSEngine>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {
// A violation's status changed on 21/11/2025 (a conflict record's times are ms since epoch).
const qint64 kChangedAt = 1763712000000;

QString shownTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("dd/MM/yyyy HH:mm"));
}

QLocale localeNamed(const QString &name)
{
    return name == QLatin1String("en") ? QLocale(QLocale::English)
                                       : QLocale(QLocale::Vietnamese, QLocale::Vietnam);
}
} // namespace

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

    // A supervisor may settle a conflict of these columns with text of their own: each is a
    // synced column, and codes, numbers, dates and references are not among them.
    void freeTextColumnsAreSyncedWords()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath("device.sqlite")).ok());
        const QHash<QString, QStringList> synced = OutboxTriggers::syncedColumns(db.connection());
        QSet<QString> columns;
        for (const QStringList &c : synced)
            columns.unite(QSet<QString>(c.begin(), c.end()));
        DomainLabels labels;
        int free = 0;
        for (const QString &c : std::as_const(columns)) {
            if (!labels.isFreeText(c))
                continue;
            ++free;
            QVERIFY2(!c.endsWith("_id") && !c.endsWith("_at") && !c.endsWith("_on") &&
                         c != "status" && c != "kind" && c != "severity",
                     qPrintable(c));
        }
        QCOMPARE(free, 17); // every listed column is synced
        for (const char *c : {"findings", "conclusions", "remedy", "observed", "name"})
            QVERIFY2(labels.isFreeText(c), c);
        for (const char *c : {"status", "severity", "tenant_id", "started_at", "deadline_on",
                              "workers", "value", "category", "code"})
            QVERIFY2(!labels.isFreeText(c), c);
    }

    // A refused change reads in the app's words, never with a table's code; a refusal the app
    // has no words for keeps the registry's message, with the app's names of the fields it
    // quotes; a value the registry does not take says what may help.
    void refusalsInTheAppsWords()
    {
        DomainLabels labels;
        const QString registry = QStringLiteral("Bạn không được sửa dòng tenants này.");
        for (const char *code : {"forbidden", "unknown_parent", "unknown_row"}) {
            const QString words = labels.refusal(code, registry);
            QVERIFY2(!words.isEmpty() && words != registry && !words.contains('_'), code);
        }
        const QString invalid = labels.refusal("invalid_value", "'workers' phải là số.");
        QVERIFY2(invalid.startsWith(QStringLiteral("Máy chủ không nhận thay đổi này («") +
                                    labels.fieldName("workers") + QStringLiteral("» phải là số)")),
                 qPrintable(invalid));
        QVERIFY2(invalid.contains(QStringLiteral("cập nhật ứng dụng")), qPrintable(invalid));
        QVERIFY(!invalid.endsWith('.'));
        // A column the app does not know stays quoted as the registry wrote it; a table is named
        // as the app names that kind of record.
        const QString unknown =
            labels.refusal("unknown_field", "'inspections' không có trường 'site_visit'");
        QVERIFY2(unknown.contains(QStringLiteral("(«") + labels.tableName("inspections") +
                                  QStringLiteral("» không có trường 'site_visit')")),
                 qPrintable(unknown));
        // A failed CHECK names the columns it reads (SyncSchema::validateRow).
        QVERIFY(labels.refusal("invalid_value", "'severity' có giá trị nằm ngoài phạm vi cho phép")
                    .contains(QStringLiteral("(«") + labels.fieldName("severity") +
                              QStringLiteral("» có giá trị")));
        QCOMPARE(labels.refusal("inspection_submitted", "Đã gửi, trường 'findings' khoá."),
                 QStringLiteral("Đã gửi, trường «") + labels.fieldName("findings") +
                     QStringLiteral("» khoá"));
        QCOMPARE(labels.refusal("storage_error", "Lỗi lưu. "), QStringLiteral("Lỗi lưu"));
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
        // The registry's roles in words (the sync page named them by code).
        QCOMPARE(labels.role("inspector"), QStringLiteral("Thanh tra viên"));
        QCOMPARE(labels.role("local_officer"), QStringLiteral("Cán bộ địa phương"));
        QCOMPARE(labels.role("supervisor"), QStringLiteral("Giám sát viên"));
        QCOMPARE(labels.role("admin"), QStringLiteral("Quản trị viên"));
        QCOMPARE(labels.role("auditor"), QStringLiteral("auditor"));
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
        labels.setLocale(localeNamed(locale));
        QCOMPARE(labels.number(value, decimals), expected);
    }

    // The sync page's search among the tablets of the users a supervisor looks after.
    void matches_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("expected");
        const QString line = QStringLiteral("Máy tính bảng Đội 2 · của nguyen.van.an");
        QTest::newRow("empty query") << line << "" << true;
        QTest::newRow("spaces only") << line << "   " << true;
        QTest::newRow("user name") << line << "nguyen.van" << true;
        QTest::newRow("without diacritics") << line << "may tinh" << true;
        QTest::newRow("đ typed as d") << line << "doi 2" << true;
        QTest::newRow("upper case") << line << "ĐỘI" << true;
        QTest::newRow("words in any order") << line << "an bảng" << true;
        QTest::newRow("one word missing") << line << "bảng 3" << false;
        QTest::newRow("not there") << line << "inspector" << false;
        QTest::newRow("empty text") << ""
                                    << "a" << false;
    }

    void matches()
    {
        QFETCH(QString, text);
        QFETCH(QString, query);
        QFETCH(bool, expected);
        QCOMPARE(DomainLabels().matches(text, query), expected);
    }

    void fines()
    {
        DomainLabels labels;
        QCOMPARE(labels.fineRange(10000000, 20000000), QStringLiteral("10–20 triệu đồng"));
        QCOMPARE(labels.fineRange(QVariant(), QVariant()), QString());
        QCOMPARE(labels.date(QStringLiteral("2026-12-31")), QStringLiteral("31/12/2026"));
        QCOMPARE(labels.dateTime(QVariant()), QString());
    }

    // The conflicts list on the sync page: a supervisor chooses between two values, so each reads
    // as people write it, never as JSON ("remedying" in quotes, 1763712000000, null, true).
    void fieldValues_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("expected");
        const QVariant none;
        // Codes: the label of the table's own code list.
        QTest::newRow("violation status") << "vi"
                                          << "violations"
                                          << "status" << QVariant("remedying") << "Đang khắc phục";
        QTest::newRow("severity") << "vi"
                                  << "violations"
                                  << "severity" << QVariant("very_serious") << "Rất nghiêm trọng";
        QTest::newRow("cluster status")
            << "vi"
            << "clusters"
            << "status" << QVariant("under_construction") << "Đang xây dựng hạ tầng";
        QTest::newRow("wwtp status")
            << "vi"
            << "clusters"
            << "wwtp_status" << QVariant("none") << "Chưa có trạm xử lý nước thải";
        QTest::newRow("tenant status") << "vi"
                                       << "tenants"
                                       << "status" << QVariant("slow") << "Chậm tiến độ";
        QTest::newRow("inspection kind") << "vi"
                                         << "inspections"
                                         << "kind" << QVariant("follow_up") << "Kiểm tra lại";
        QTest::newRow("inspection status") << "vi"
                                           << "inspections"
                                           << "status" << QVariant("submitted") << "Đã gửi";
        QTest::newRow("infrastructure kind") << "vi"
                                             << "infrastructure_items"
                                             << "kind" << QVariant("roads") << "Đường nội bộ";
        QTest::newRow("unit level") << "vi"
                                    << "admin_units"
                                    << "level" << QVariant("commune") << "Xã, phường";
        QTest::newRow("question kind")
            << "vi"
            << "checklist_questions"
            << "kind" << QVariant("yes_no_na") << "Có / Không / Không áp dụng";
        QTest::newRow("photo source") << "vi"
                                      << "photos"
                                      << "source" << QVariant("camera") << "Chụp bằng máy";
        QTest::newRow("answer no") << "vi"
                                   << "answers"
                                   << "value" << QVariant("no") << "Không";
        QTest::newRow("answer not applicable") << "vi"
                                               << "answers"
                                               << "value" << QVariant("na") << "Không áp dụng";
        QTest::newRow("answer as typed") << "vi"
                                         << "answers"
                                         << "value" << QVariant("1200") << "1200";
        QTest::newRow("reference with no database")
            << "vi"
            << "violations"
            << "tenant_id" << QVariant("01900000-0000-7000-8000-000000000201")
            << "một bản ghi chưa có trên máy này (mã 01900000…)";
        QTest::newRow("unknown code as it is") << "vi"
                                               << "violations"
                                               << "status" << QVariant("on_hold") << "on_hold";
        QTest::newRow("another table's code") << "vi"
                                              << "violations"
                                              << "status" << QVariant("draft") << "draft";
        QTest::newRow("code-like text in a text column")
            << "vi"
            << "violations"
            << "category" << QVariant("open") << "open";
        // Nothing.
        QTest::newRow("undefined") << "vi"
                                   << "violations"
                                   << "remedy" << none << "(trống)";
        QTest::newRow("null") << "vi"
                              << "violations"
                              << "deadline_on" << QVariant::fromValue(nullptr) << "(trống)";
        QTest::newRow("json null")
            << "vi"
            << "inspections"
            << "ended_at" << QVariant(QJsonValue(QJsonValue::Null)) << "(trống)";
        QTest::newRow("empty text") << "vi"
                                    << "inspections"
                                    << "findings" << QVariant(QString()) << "(trống)";
        QTest::newRow("spaces only") << "vi"
                                     << "inspections"
                                     << "findings" << QVariant("  ") << "(trống)";
        // Times and dates.
        QTest::newRow("timestamp as JSON gives it")
            << "vi"
            << "inspections"
            << "submitted_at" << QVariant(double(kChangedAt)) << shownTime(kChangedAt);
        QTest::newRow("timestamp as an integer")
            << "en"
            << "violations"
            << "updated_at" << QVariant(kChangedAt) << shownTime(kChangedAt);
        QTest::newRow("iso date") << "vi"
                                  << "violations"
                                  << "deadline_on" << QVariant("2026-12-31") << "31/12/2026";
        QTest::newRow("valid_from") << "en"
                                    << "admin_units"
                                    << "valid_from" << QVariant("2025-07-01") << "01/07/2025";
        QTest::newRow("date column, not a date")
            << "vi"
            << "violations"
            << "deadline_on" << QVariant("sắp tới") << "sắp tới";
        // Booleans: JSON true/false, and the 0/1 flags SQLite stores.
        QTest::newRow("true") << "vi"
                              << "clusters"
                              << "detailed_plan_approved" << QVariant(true) << "Có";
        QTest::newRow("false") << "vi"
                               << "cluster_units"
                               << "is_lead" << QVariant(false) << "Không";
        QTest::newRow("flag 1") << "vi"
                                << "clusters"
                                << "wwtp_meets_standard" << QVariant(1.0) << "Có";
        QTest::newRow("flag 0") << "en"
                                << "tenants"
                                << "foreign_invested" << QVariant(0) << "Không";
        QTest::newRow("flag neither 0 nor 1") << "vi"
                                              << "boundary_markers"
                                              << "placed" << QVariant(2) << "2";
        QTest::newRow("1 in a number column") << "vi"
                                              << "clusters"
                                              << "workers" << QVariant(1) << "1";
        // Numbers in the current language, as many decimals as they have.
        QTest::newRow("vi area") << "vi"
                                 << "clusters"
                                 << "planned_area_ha" << QVariant(12.5) << "12,5";
        QTest::newRow("en area") << "en"
                                 << "clusters"
                                 << "planned_area_ha" << QVariant(12.5) << "12.5";
        QTest::newRow("vi fine") << "vi"
                                 << "violations"
                                 << "fine_max_vnd" << QVariant(20000000.0) << "20.000.000";
        QTest::newRow("en fine") << "en"
                                 << "violations"
                                 << "fine_max_vnd" << QVariant(20000000) << "20,000,000";
        QTest::newRow("whole percent") << "vi"
                                       << "progress_readings"
                                       << "percent" << QVariant(67.0) << "67";
        QTest::newRow("latitude") << "vi"
                                  << "inspections"
                                  << "lat" << QVariant(21.028511) << "21,028511";
        QTest::newRow("binary tail") << "en"
                                     << "progress_readings"
                                     << "percent" << QVariant(0.1 + 0.2) << "0.3";
        // Text as it is, without quotes.
        QTest::newRow("text") << "vi"
                              << "inspections"
                              << "findings" << QVariant("Nước thải \"chảy tràn\"")
                              << "Nước thải \"chảy tràn\"";
        QTest::newRow("number as text") << "en"
                                        << "answers"
                                        << "value" << QVariant("12.5") << "12.5";
        // A whole row (delete against edit) or a few fields (edit against delete): label: value.
        QTest::newRow("row")
            << "vi"
            << "violations"
            << ""
            << QVariant(QVariantMap{{"id", "0193a0b0-0000-7000-8000-000000000001"},
                                    {"status", "remedying"},
                                    {"severity", "serious"},
                                    {"deleted_at", QVariant::fromValue(nullptr)},
                                    {"fine_max_vnd", 20000000.0},
                                    {"updated_at", double(kChangedAt)}})
            << "Thời điểm xoá: (trống); Mức phạt tối đa (đồng): 20.000.000; Mức độ: Nghiêm "
               "trọng; Trạng thái: Đang khắc phục; Thời điểm sửa: " +
                   shownTime(kChangedAt);
        QTest::newRow("json object")
            << "vi"
            << "inspections"
            << "" << QVariant(QJsonObject{{"deleted_at", double(kChangedAt)}})
            << "Thời điểm xoá: " + shownTime(kChangedAt);
        QTest::newRow("empty row") << "vi"
                                   << "inspections"
                                   << "" << QVariant(QVariantMap()) << "(trống)";
        QTest::newRow("list") << "vi"
                              << "violations"
                              << "status" << QVariant(QVariantList{"open", "escalated"})
                              << "Chưa khắc phục, Đã chuyển xử lý";
        QTest::newRow("json list") << "en"
                                   << "clusters"
                                   << "planned_area_ha" << QVariant(QJsonArray{1.5, 2}) << "1.5, 2";
    }

    void fieldValues()
    {
        QFETCH(QString, locale);
        QFETCH(QString, table);
        QFETCH(QString, column);
        QFETCH(QVariant, value);
        QFETCH(QString, expected);
        DomainLabels labels;
        labels.setLocale(localeNamed(locale));
        QCOMPARE(labels.fieldValue(table, column, value), expected);
    }

    // A conflict names its row, and a reference among its values names the row it refers to,
    // from the device's copy: a supervisor reads a tenant's name, not its UUID.
    void rowsAreNamedFromTheDevice()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath("device.sqlite")).ok());
        QSqlDatabase c = db.connection();
        for (const char *f : {"/core/minimal.sql", "/core/record_lookup.sql"}) {
            const CoreError e = SqlScript::runFile(c, QStringLiteral(CCN_FIXTURES_DIR) + f);
            QVERIFY2(e.ok(), qPrintable(e.message()));
        }
        const RecordLookup lookup(c);
        DomainLabels labels;
        labels.setRecordLookup(&lookup);
        const QString tenant = QStringLiteral("01900000-0000-7000-8000-000000000201");
        const QString started = shownTime(1773277200000);
        QCOMPARE(labels.recordTitle("inspections", "01900000-0000-7000-8000-000000000707"),
                 "Công ty TNHH May Đức Thành · Đồng Hướng · " + started);
        QCOMPARE(labels.recordTitle("answers", "01900000-0000-7000-8000-000000000709"),
                 "Có trạm xử lý nước thải tập trung · Đồng Hướng · " + started);
        QCOMPARE(labels.recordTitle("progress_readings", "01900000-0000-7000-8000-000000000705"),
                 QStringLiteral("Đường trục chính · Khánh Hải 1 · 12/03/2026"));
        QCOMPARE(labels.recordTitle("clusters", "01900000-0000-7000-8000-000000000999"),
                 QStringLiteral("một bản ghi chưa có trên máy này (mã 01900000…)"));
        QCOMPARE(labels.fieldValue("violations", "tenant_id", tenant),
                 QStringLiteral("Công ty TNHH May Đức Thành · Đồng Hướng"));
        QCOMPARE(labels.fieldValue("inspections", "cluster_id",
                                   QStringLiteral("01900000-0000-7000-8000-000000000102")),
                 QStringLiteral("Khánh Hải 1 · Ninh Bình"));
        // A deleted row against an edit: the whole row, its references named.
        QCOMPARE(labels.fieldValue("violations", "",
                                   QVariantMap{{"tenant_id", tenant}, {"severity", "serious"}}),
                 labels.fieldName("severity") + ": Nghiêm trọng; " + labels.fieldName("tenant_id") +
                     ": Công ty TNHH May Đức Thành · Đồng Hướng");
        labels.setRecordLookup(nullptr);
        QCOMPARE(labels.fieldValue("violations", "tenant_id", tenant),
                 QStringLiteral("một bản ghi chưa có trên máy này (mã 01900000…)"));
    }

    // The sync page passes modelData's values from QML: a conflict record (a QVariantMap in
    // SyncClient::conflicts) seen by JavaScript and handed back must read the same as from C++.
    void fieldValuesFromJavaScript_data()
    {
        QTest::addColumn<QString>("js");
        QTest::addColumn<QString>("expected");
        QTest::newRow("edit against delete: current")
            << "labels.fieldValue(modelData.entity, '', modelData.current_value)"
            << "Thời điểm xoá: " + shownTime(kChangedAt);
        QTest::newRow("edit against delete: incoming")
            << "labels.fieldValue(modelData.entity, '', modelData.incoming_value)"
            << "Ghi chú: (trống); Trạng thái: Đang khắc phục";
        QTest::newRow("code") << "labels.fieldValue('violations', 'status', 'fixed_reported')"
                              << "Báo đã khắc phục";
        QTest::newRow("timestamp")
            << "labels.fieldValue('inspections', 'submitted_at', 1763712000000)"
            << shownTime(kChangedAt);
        QTest::newRow("null") << "labels.fieldValue('violations', 'remedy', null)"
                              << "(trống)";
        QTest::newRow("undefined") << "labels.fieldValue('violations', 'remedy', undefined)"
                                   << "(trống)";
        QTest::newRow("boolean") << "labels.fieldValue('clusters', 'is_demo', true)"
                                 << "Có";
        QTest::newRow("number") << "labels.fieldValue('clusters', 'workers', 1200)"
                                << "1.200";
        QTest::newRow("array") << "labels.fieldValue('violations', 'status', ['open', 'escalated'])"
                               << "Chưa khắc phục, Đã chuyển xử lý";
        QTest::newRow("empty object") << "labels.fieldValue('violations', '', {})"
                                      << "(trống)";
        QTest::newRow("empty array") << "labels.fieldValue('violations', 'status', [])"
                                     << "(trống)";
    }

    void fieldValuesFromJavaScript()
    {
        QFETCH(QString, js);
        QFETCH(QString, expected);
        DomainLabels labels;
        QJSEngine engine;
        QJSEngine::setObjectOwnership(&labels, QJSEngine::CppOwnership); // on the stack
        engine.globalObject().setProperty(QStringLiteral("labels"), engine.newQObject(&labels));
        const QVariantMap conflict{
            {"entity", "violations"},
            {"current_value", QVariantMap{{"deleted_at", double(kChangedAt)}}},
            {"incoming_value", QVariantMap{{"status", "remedying"}, {"note", QVariant()}}}};
        engine.globalObject().setProperty(QStringLiteral("modelData"),
                                          engine.toScriptValue(conflict));
        const QJSValue result = engine.evaluate(js);
        QVERIFY2(!result.isError(), qPrintable(result.toString()));
        QCOMPARE(result.toString(), expected);
    }
};

QTEST_GUILESS_MAIN(TestDomainLabels)
#include "tst_domainlabels.moc"
