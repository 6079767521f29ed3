#include "demodataloader.h"

#include "recordwriter.h"
#include "searchtext.h"
#include "textfolder.h"
#include "transaction.h"
#include "uuid7.h"
#include "violationcatalog.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QSet>
#include <QSqlError>

#include <algorithm>

namespace {
const QString kId = QStringLiteral("id");

CoreError invalid(const QString &message)
{
    return {CoreError::Code::InvalidInput, message};
}

bool isTimestampColumn(const QString &column)
{
    return column.endsWith(QLatin1String("_at"));
}

// A JSON value as SQLite stores it: integral numbers as integers, booleans as 0/1, objects and
// arrays as compact JSON text, ISO 8601 date-times in *_at columns as ms since the epoch.
CoreError toSql(const QString &column, const QJsonValue &v, QVariant *out)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        *out = QVariant();
        return {};
    case QJsonValue::Bool:
        *out = v.toBool() ? 1 : 0;
        return {};
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (d == double(qint64(d)))
            *out = qint64(d);
        else
            *out = d;
        return {};
    }
    case QJsonValue::String:
        if (isTimestampColumn(column)) {
            const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODate);
            if (!t.isValid())
                return invalid(QObject::tr("Ngày giờ “%1” (%2) không đúng dạng ISO 8601.")
                                   .arg(v.toString(), column));
            *out = t.toMSecsSinceEpoch();
        } else {
            *out = v.toString();
        }
        return {};
    case QJsonValue::Array:
        *out = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
        return {};
    case QJsonValue::Object:
        *out = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        return {};
    }
    return {};
}

const QSet<QString> &questionKinds()
{
    static const QSet<QString> kinds = {
        QStringLiteral("yes_no_na"), QStringLiteral("number"), QStringLiteral("percentage"),
        QStringLiteral("choice"),    QStringLiteral("text"),   QStringLiteral("photo"),
    };
    return kinds;
}

const QStringList &tableOrder()
{
    // Parents before children.
    static const QStringList order = {
        QStringLiteral("admin_units"),
        QStringLiteral("admin_unit_mappings"),
        QStringLiteral("checklist_templates"),
        QStringLiteral("checklist_sections"),
        QStringLiteral("checklist_questions"),
        QStringLiteral("clusters"),
        QStringLiteral("cluster_units"),
        QStringLiteral("boundary_markers"),
        QStringLiteral("infrastructure_items"),
        QStringLiteral("tenants"),
        QStringLiteral("inspections"),
        QStringLiteral("inspection_participants"),
        QStringLiteral("answers"),
        QStringLiteral("violations"),
        QStringLiteral("progress_readings"),
    };
    return order;
}

QList<QJsonObject> sortedByPosition(QList<QJsonObject> rows)
{
    std::stable_sort(rows.begin(), rows.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(QStringLiteral("position")).toInt() <
               b.value(QStringLiteral("position")).toInt();
    });
    return rows;
}

// Checks a template's questions (rows of checklist_questions, in display order) before anything
// is written: kinds, choices, ranges, unique codes, and that every condition refers to an earlier
// question of the template and to a value that question can have.
CoreError checkTemplate(const QString &code, const QList<QJsonObject> &questions)
{
    if (questions.isEmpty())
        return invalid(QObject::tr("Mẫu phiếu %1 không có câu hỏi nào.").arg(code));
    QHash<QString, QStringList> valuesOf; // code -> possible values ({} = any non-empty)
    for (const QJsonObject &q : questions) {
        const QString qcode = q.value(QStringLiteral("code")).toString();
        const QString kind = q.value(QStringLiteral("kind")).toString();
        const QString where = QStringLiteral("%1/%2").arg(code, qcode);
        if (qcode.isEmpty() || q.value(QStringLiteral("text")).toString().isEmpty())
            return invalid(
                QObject::tr("Mẫu phiếu %1 có câu hỏi thiếu mã hoặc nội dung.").arg(code));
        if (valuesOf.contains(qcode))
            return invalid(QObject::tr("Mẫu phiếu %1 có hai câu hỏi cùng mã %2.").arg(code, qcode));
        if (!questionKinds().contains(kind))
            return invalid(QObject::tr("Câu hỏi %1 có loại không hỗ trợ: “%2”.").arg(where, kind));
        QStringList values;
        if (kind == QLatin1String("yes_no_na")) {
            values = {QStringLiteral("yes"), QStringLiteral("no"), QStringLiteral("na")};
        } else if (kind == QLatin1String("choice")) {
            const QJsonArray choices =
                QJsonDocument::fromJson(q.value(QStringLiteral("choices_json")).toString().toUtf8())
                    .array();
            if (choices.isEmpty())
                return invalid(
                    QObject::tr("Câu hỏi lựa chọn %1 không có lựa chọn nào.").arg(where));
            for (const QJsonValue &c : choices) {
                const QString value = c.toObject().value(QStringLiteral("value")).toString();
                if (value.isEmpty() ||
                    c.toObject().value(QStringLiteral("label")).toString().isEmpty())
                    return invalid(
                        QObject::tr("Câu hỏi %1 có lựa chọn thiếu giá trị hoặc nhãn.").arg(where));
                values << value;
            }
        }
        const QJsonValue minV = q.value(QStringLiteral("min_value"));
        const QJsonValue maxV = q.value(QStringLiteral("max_value"));
        if (minV.isDouble() && maxV.isDouble() && minV.toDouble() > maxV.toDouble())
            return invalid(
                QObject::tr("Câu hỏi %1 có giá trị nhỏ nhất lớn hơn giá trị lớn nhất.").arg(where));
        const QString ref = q.value(QStringLiteral("show_if_code")).toString();
        if (!ref.isEmpty()) {
            const QString value = q.value(QStringLiteral("show_if_value")).toString();
            if (!valuesOf.contains(ref))
                return invalid(
                    QObject::tr("Câu hỏi %1 phụ thuộc câu %2 không có ở phía trước trong mẫu.")
                        .arg(where, ref));
            const QStringList possible = valuesOf.value(ref);
            if (value.isEmpty() || (!possible.isEmpty() && !possible.contains(value)))
                return invalid(
                    QObject::tr("Câu hỏi %1 phụ thuộc giá trị “%2” mà câu %3 không thể có.")
                        .arg(where, value, ref));
        }
        valuesOf.insert(qcode, values);
    }
    return {};
}
} // namespace

int DemoDataLoader::Counts::totalInserted() const
{
    int n = 0;
    for (int v : inserted)
        n += v;
    return n;
}

int DemoDataLoader::Counts::totalSkipped() const
{
    int n = 0;
    for (int v : skipped)
        n += v;
    return n;
}

DemoDataLoader::DemoDataLoader(QSqlDatabase db) : m_db(std::move(db)) {}

DemoDataLoader::~DemoDataLoader() = default;

CoreError DemoDataLoader::loadDefaults()
{
    return loadFiles({defaultChecklistPath(), defaultDemoPath()});
}

CoreError DemoDataLoader::readDocument(const QString &path, QJsonObject *out) const
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {CoreError::Code::Io,
                QObject::tr("Không mở được tệp dữ liệu %1: %2.").arg(path, f.errorString())};
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return invalid(QObject::tr("Tệp %1 không phải JSON hợp lệ (%2, vị trí %3).")
                           .arg(path, err.errorString())
                           .arg(err.offset));
    const QJsonObject o = doc.object();
    const QString format = o.value(QStringLiteral("format")).toString();
    const int version = o.value(QStringLiteral("version")).toInt(-1);
    const bool known = (format == demoFormat() && version == demoFormatVersion) ||
                       (format == checklistFormat() && version == checklistFormatVersion);
    if (!known)
        return invalid(QObject::tr("Tệp %1 có định dạng “%2” phiên bản %3; ứng dụng này chỉ đọc "
                                   "%4 phiên bản %5 và %6 phiên bản %7. Hãy cập nhật ứng dụng "
                                   "hoặc dùng tệp đúng phiên bản.")
                           .arg(path, format.isEmpty() ? QStringLiteral("?") : format)
                           .arg(version)
                           .arg(demoFormat())
                           .arg(demoFormatVersion)
                           .arg(checklistFormat())
                           .arg(checklistFormatVersion));
    *out = o;
    return {};
}

CoreError DemoDataLoader::loadFiles(const QStringList &paths)
{
    m_counts = Counts();
    if (!m_db.isOpen())
        return {CoreError::Code::DatabaseOpen,
                QObject::tr("Cơ sở dữ liệu chưa mở: không nạp được dữ liệu mẫu.")};
    // Read and check every file before writing anything; checklists first (demo inspections
    // refer to their templates).
    QList<QPair<QString, Tables>> checklists;
    QList<QPair<QString, Tables>> demos;
    for (const QString &path : paths) {
        QJsonObject doc;
        CoreError e = readDocument(path, &doc);
        if (e.failed())
            return e;
        Tables tables;
        if (doc.value(QStringLiteral("format")).toString() == checklistFormat()) {
            e = checklistTables(doc, &tables);
            checklists << qMakePair(path, tables);
        } else {
            const QJsonObject t = doc.value(QStringLiteral("tables")).toObject();
            for (auto it = t.constBegin(); it != t.constEnd(); ++it) {
                if (!tableOrder().contains(it.key())) {
                    e = invalid(QObject::tr("Tệp %1 có bảng “%2” mà dữ liệu mẫu không hỗ trợ.")
                                    .arg(path, it.key()));
                    break;
                }
                QList<QJsonObject> rows;
                for (const QJsonValue &v : it.value().toArray())
                    rows << v.toObject();
                tables.insert(it.key(), rows);
            }
            demos << qMakePair(path, tables);
        }
        if (e.failed())
            return {e.code(), QStringLiteral("%1: %2").arg(path, e.message())};
    }

    // The usual start: the bundled checklist's templates are stored already, so nothing would
    // be written. Then no transaction at all: its commit would cost an fsync at every start.
    if (demos.isEmpty()) {
        bool allStored = true;
        for (const auto &file : std::as_const(checklists))
            for (const QJsonObject &t : file.second.value(QStringLiteral("checklist_templates")))
                allStored = allStored && !templateId(t.value(QStringLiteral("code")).toString(),
                                                     t.value(QStringLiteral("version")).toInt())
                                              .isEmpty();
        if (allStored)
            return {};
    }

    Transaction tx(m_db);
    if (!tx.active())
        return tx.beginError();
    m_writer = std::make_unique<RecordWriter>(m_db);
    QSqlQuery flags(m_db);
    int applyingBefore = 0;
    if (flags.exec(QStringLiteral("SELECT applying FROM sync_flags")) && flags.next())
        applyingBefore = flags.value(0).toInt();
    auto setApplying = [&](int value) -> CoreError {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE sync_flags SET applying = ?"));
        q.addBindValue(value);
        if (!q.exec())
            return {CoreError::Code::Sql,
                    QObject::tr("Không đặt được cờ đồng bộ: %1").arg(q.lastError().text())};
        return {};
    };
    CoreError e;
    if (m_policy == OutboxPolicy::Skip)
        e = setApplying(1);
    m_rowTime = RecordWriter::now();
    for (const auto &file : std::as_const(checklists)) {
        if (e.failed())
            break;
        m_origin = file.first;
        e = writeTables(file.second, false);
    }
    for (const auto &file : std::as_const(demos)) {
        if (e.failed())
            break;
        m_origin = file.first;
        e = writeTables(file.second, true);
    }
    if (e.ok() && m_policy == OutboxPolicy::Skip)
        e = setApplying(applyingBefore);
    m_existsQueries.clear();
    m_queries.clear();
    m_writer.reset();
    if (e.failed()) {
        tx.rollback();
        m_counts = Counts();
        return e;
    }
    e = tx.commit();
    if (e.failed())
        m_counts = Counts();
    return e;
}

QStringList DemoDataLoader::columns(const QString &table)
{
    auto it = m_columns.constFind(table);
    if (it != m_columns.constEnd())
        return it.value();
    QStringList cols;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table));
    while (q.next())
        cols << q.value(1).toString();
    m_columns.insert(table, cols);
    return cols;
}

CoreError DemoDataLoader::exists(const QString &table, const QString &id, bool *found)
{
    QSqlQuery *q = m_existsQueries.value(table);
    if (!q) {
        auto owned = std::make_unique<QSqlQuery>(m_db);
        if (!owned->prepare(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(table)))
            return {CoreError::Code::Sql, owned->lastError().text()};
        q = owned.get();
        m_queries.push_back(std::move(owned));
        m_existsQueries.insert(table, q);
    }
    q->bindValue(0, id);
    if (!q->exec())
        return {CoreError::Code::Sql, q->lastError().text()};
    *found = q->next();
    q->finish();
    return {};
}

CoreError DemoDataLoader::put(const QString &table, const QJsonObject &object,
                              const QVariantMap &extra, bool *inserted)
{
    const QString id = object.value(kId).toString();
    if (!Uuid7::isValid(id))
        return invalid(QObject::tr("%1: mã “%2” (%3) không phải UUIDv7.").arg(m_origin, id, table));
    bool found = false;
    CoreError e = exists(table, id, &found);
    if (e.failed())
        return e;
    if (inserted)
        *inserted = !found;
    if (found) {
        ++m_counts.skipped[table];
        return {};
    }
    static const QSet<QString> managed = {
        QStringLiteral("created_at"), QStringLiteral("updated_at"),  QStringLiteral("deleted_at"),
        QStringLiteral("sync_seq"),   QStringLiteral("search_text"),
    };
    QVariantMap row;
    for (const QString &col : columns(table)) {
        if (managed.contains(col) || !object.contains(col))
            continue;
        QVariant v;
        e = toSql(col, object.value(col), &v);
        if (e.failed())
            return e;
        row.insert(col, v);
    }
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        row.insert(it.key(), it.value());
    row.insert(QStringLiteral("created_at"), m_rowTime);
    row.insert(QStringLiteral("updated_at"), m_rowTime);
    e = m_writer->insert(table, row);
    if (e.failed())
        return {e.code(), QStringLiteral("%1 (%2 %3): %4").arg(m_origin, table, id, e.message())};
    ++m_counts.inserted[table];
    return {};
}

QString DemoDataLoader::templateId(const QString &code, int version)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM checklist_templates WHERE code = ? AND version = ?"));
    q.addBindValue(code);
    q.addBindValue(version);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return {};
}

QString DemoDataLoader::lookup(const QString &sql, const QString &id)
{
    QSqlQuery q(m_db);
    q.prepare(sql);
    q.addBindValue(id);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return {};
}

CoreError DemoDataLoader::checklistTables(const QJsonObject &doc, Tables *out)
{
    QList<ViolationCatalog::Category> categories;
    CoreError e = ViolationCatalog::parse(doc, &categories);
    if (e.failed())
        return e;
    for (const QJsonValue &tv : doc.value(QStringLiteral("templates")).toArray()) {
        QJsonObject tmpl = tv.toObject();
        const QJsonArray sections = tmpl.take(QStringLiteral("sections")).toArray();
        (*out)[QStringLiteral("checklist_templates")] << tmpl;
        for (const QJsonValue &sv : sections) {
            QJsonObject section = sv.toObject();
            const QJsonArray questions = section.take(QStringLiteral("questions")).toArray();
            section.insert(QStringLiteral("template_id"), tmpl.value(kId));
            (*out)[QStringLiteral("checklist_sections")] << section;
            for (const QJsonValue &qv : questions) {
                QJsonObject q = qv.toObject();
                q.insert(QStringLiteral("section_id"), section.value(kId));
                const QJsonArray choices = q.take(QStringLiteral("choices")).toArray();
                if (!choices.isEmpty())
                    q.insert(
                        QStringLiteral("choices_json"),
                        QString::fromUtf8(QJsonDocument(choices).toJson(QJsonDocument::Compact)));
                const QJsonObject showIf = q.take(QStringLiteral("show_if")).toObject();
                if (!showIf.isEmpty()) {
                    q.insert(QStringLiteral("show_if_code"), showIf.value(QStringLiteral("code")));
                    q.insert(QStringLiteral("show_if_value"),
                             showIf.value(QStringLiteral("value")));
                }
                (*out)[QStringLiteral("checklist_questions")] << q;
            }
        }
    }
    return {};
}

CoreError DemoDataLoader::writeTables(const Tables &tables, bool demo)
{
    const auto rows = [&](const char *table) { return tables.value(QString::fromLatin1(table)); };
    const auto failed = [&](const CoreError &e) {
        return CoreError(e.code(), QStringLiteral("%1: %2").arg(m_origin, e.message()));
    };

    // Templates: checked as a whole; a (code, version) already here under any id is kept as is.
    QSet<QString> skippedTemplates;
    QSet<QString> skippedSections;
    for (const QJsonObject &t : rows("checklist_templates")) {
        const QString id = t.value(kId).toString();
        const QString code = t.value(QStringLiteral("code")).toString();
        const int version = t.value(QStringLiteral("version")).toInt();
        if (code.isEmpty() || version < 1 || t.value(QStringLiteral("title")).toString().isEmpty())
            return failed(invalid(QObject::tr("Mẫu phiếu thiếu mã, phiên bản hoặc tên.")));
        QList<QJsonObject> sections;
        for (const QJsonObject &s : rows("checklist_sections")) {
            if (s.value(QStringLiteral("template_id")).toString() == id)
                sections << s;
        }
        QList<QJsonObject> questions;
        for (const QJsonObject &s : sortedByPosition(sections)) {
            QList<QJsonObject> inSection;
            for (const QJsonObject &q : rows("checklist_questions")) {
                if (q.value(QStringLiteral("section_id")) == s.value(kId))
                    inSection << q;
            }
            questions << sortedByPosition(inSection);
        }
        const CoreError e = checkTemplate(code, questions);
        if (e.failed())
            return failed(e);
        const QString existing = templateId(code, version);
        if (!existing.isEmpty() && existing != id) {
            skippedTemplates.insert(id);
            for (const QJsonObject &s : std::as_const(sections))
                skippedSections.insert(s.value(kId).toString());
        }
    }

    for (const QString &table : tableOrder()) {
        for (const QJsonObject &row : tables.value(table)) {
            QVariantMap extra;
            if (table == QLatin1String("checklist_templates") ||
                table == QLatin1String("checklist_sections") ||
                table == QLatin1String("checklist_questions")) {
                const bool skip =
                    skippedTemplates.contains(row.value(kId).toString()) ||
                    skippedTemplates.contains(
                        row.value(QStringLiteral("template_id")).toString()) ||
                    skippedSections.contains(row.value(kId).toString()) ||
                    skippedSections.contains(row.value(QStringLiteral("section_id")).toString());
                if (skip) {
                    ++m_counts.skipped[table];
                    continue;
                }
            } else if (table == QLatin1String("clusters")) {
                if (demo) // demo data is always marked as such, whatever the file says
                    extra.insert(QStringLiteral("is_demo"), 1);
            } else if (table == QLatin1String("answers")) {
                const QString questionId = row.value(QStringLiteral("question_id")).toString();
                if (lookup(QStringLiteral("SELECT id FROM checklist_questions WHERE id = ?"),
                           questionId)
                        .isEmpty())
                    return failed(invalid(
                        QObject::tr(
                            "câu trả lời %1 trỏ tới câu hỏi %2 (%3) không có trong mẫu phiếu "
                            "nào; hãy nạp mẫu phiếu tương ứng cùng lúc hoặc trước.")
                            .arg(row.value(kId).toString(), questionId,
                                 row.value(QStringLiteral("question_code")).toString())));
            } else if (table == QLatin1String("violations")) {
                const QString category = row.value(QStringLiteral("category")).toString();
                const ViolationCatalog::Category known = ViolationCatalog::find(category);
                if (!known.isValid())
                    return failed(invalid(
                        QObject::tr("loại vi phạm “%1” không có trong danh mục.").arg(category)));
                // The catalogue fills what the row leaves out.
                const QVariantMap defaults = known.toMap();
                for (const char *key : {"legal_basis", "fine_min_vnd", "fine_max_vnd"}) {
                    const QString k = QString::fromLatin1(key);
                    if (!row.contains(k))
                        extra.insert(k, defaults.value(k));
                }
                if (!row.contains(QStringLiteral("severity")))
                    extra.insert(QStringLiteral("severity"), known.defaultSeverity);
            }
            if (table == QLatin1String("inspections")) {
                const QString tmpl = row.value(QStringLiteral("template_id")).toString();
                if (lookup(QStringLiteral("SELECT id FROM checklist_templates WHERE id = ?"), tmpl)
                        .isEmpty())
                    return failed(invalid(
                        QObject::tr("biên bản kiểm tra %1 dùng mẫu phiếu %2 chưa có; hãy nạp mẫu "
                                    "phiếu (checklist-default.json) cùng lúc hoặc trước.")
                            .arg(row.value(kId).toString(), tmpl)));
            }
            const CoreError e = put(table, row, extra);
            if (e.failed())
                return e;
        }
    }
    // search_text once every row it draws on (units, participants) is in place.
    QSqlDatabase db = m_db;
    for (const QString &table : tableOrder()) {
        if (!SearchText::covers(table))
            continue;
        for (const QJsonObject &row : tables.value(table)) {
            const CoreError e = SearchText::refresh(db, table, row.value(kId).toString());
            if (e.failed())
                return failed(e);
        }
    }
    return {};
}
