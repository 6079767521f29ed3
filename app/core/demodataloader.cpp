#include "demodataloader.h"

#include "recordwriter.h"
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

QString folded(const QStringList &parts)
{
    QStringList kept;
    for (const QString &p : parts) {
        if (!p.trimmed().isEmpty())
            kept << p;
    }
    return TextFolder::fold(kept.join(QLatin1Char(' ')));
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

// Checks a template before anything of it is written: kinds, choices, ranges, unique codes,
// and that every condition refers to an earlier question of the template with a possible value.
CoreError checkTemplate(const QJsonObject &tmpl)
{
    const QString code = tmpl.value(QStringLiteral("code")).toString();
    if (code.isEmpty() || tmpl.value(QStringLiteral("version")).toInt() < 1 ||
        tmpl.value(QStringLiteral("title")).toString().isEmpty())
        return invalid(QObject::tr("Mẫu phiếu thiếu mã, phiên bản hoặc tên."));
    QHash<QString, QJsonObject> seen;
    const QJsonArray sections = tmpl.value(QStringLiteral("sections")).toArray();
    if (sections.isEmpty())
        return invalid(QObject::tr("Mẫu phiếu %1 không có phần nào.").arg(code));
    for (const QJsonValue &s : sections) {
        const QJsonArray questions = s.toObject().value(QStringLiteral("questions")).toArray();
        for (const QJsonValue &qv : questions) {
            const QJsonObject q = qv.toObject();
            const QString qcode = q.value(QStringLiteral("code")).toString();
            const QString kind = q.value(QStringLiteral("kind")).toString();
            const QString where = QStringLiteral("%1/%2").arg(code, qcode);
            if (qcode.isEmpty() || q.value(QStringLiteral("text")).toString().isEmpty())
                return invalid(
                    QObject::tr("Mẫu phiếu %1 có câu hỏi thiếu mã hoặc nội dung.").arg(code));
            if (seen.contains(qcode))
                return invalid(
                    QObject::tr("Mẫu phiếu %1 có hai câu hỏi cùng mã %2.").arg(code, qcode));
            if (!questionKinds().contains(kind))
                return invalid(
                    QObject::tr("Câu hỏi %1 có loại không hỗ trợ: “%2”.").arg(where, kind));
            if (kind == QLatin1String("choice")) {
                const QJsonArray choices = q.value(QStringLiteral("choices")).toArray();
                if (choices.isEmpty())
                    return invalid(
                        QObject::tr("Câu hỏi lựa chọn %1 không có lựa chọn nào.").arg(where));
                for (const QJsonValue &c : choices) {
                    if (c.toObject().value(QStringLiteral("value")).toString().isEmpty() ||
                        c.toObject().value(QStringLiteral("label")).toString().isEmpty())
                        return invalid(
                            QObject::tr("Câu hỏi %1 có lựa chọn thiếu giá trị hoặc nhãn.")
                                .arg(where));
                }
            }
            const QJsonValue minV = q.value(QStringLiteral("min_value"));
            const QJsonValue maxV = q.value(QStringLiteral("max_value"));
            if (minV.isDouble() && maxV.isDouble() && minV.toDouble() > maxV.toDouble())
                return invalid(
                    QObject::tr("Câu hỏi %1 có giá trị nhỏ nhất lớn hơn giá trị lớn nhất.")
                        .arg(where));
            const QJsonObject showIf = q.value(QStringLiteral("show_if")).toObject();
            if (!showIf.isEmpty()) {
                const QString ref = showIf.value(QStringLiteral("code")).toString();
                const QString value = showIf.value(QStringLiteral("value")).toString();
                if (!seen.contains(ref))
                    return invalid(
                        QObject::tr("Câu hỏi %1 phụ thuộc câu %2 không có ở phía trước trong mẫu.")
                            .arg(where, ref));
                const QJsonObject target = seen.value(ref);
                const QString targetKind = target.value(QStringLiteral("kind")).toString();
                bool possible = !value.isEmpty();
                if (targetKind == QLatin1String("yes_no_na")) {
                    possible = value == QLatin1String("yes") || value == QLatin1String("no") ||
                               value == QLatin1String("na");
                } else if (targetKind == QLatin1String("choice")) {
                    possible = false;
                    for (const QJsonValue &c : target.value(QStringLiteral("choices")).toArray())
                        possible = possible ||
                                   c.toObject().value(QStringLiteral("value")).toString() == value;
                }
                if (!possible)
                    return invalid(
                        QObject::tr("Câu hỏi %1 phụ thuộc giá trị “%2” mà câu %3 không thể có.")
                            .arg(where, value, ref));
            }
            seen.insert(qcode, q);
        }
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
    QList<QJsonObject> checklists;
    QList<QJsonObject> demos;
    for (const QString &path : paths) {
        QJsonObject doc;
        const CoreError e = readDocument(path, &doc);
        if (e.failed())
            return e;
        doc.insert(QStringLiteral("__origin"), path);
        (doc.value(QStringLiteral("format")).toString() == checklistFormat() ? checklists : demos)
            << doc;
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
    for (const QJsonObject &doc : std::as_const(checklists)) {
        if (e.failed())
            break;
        e = writeChecklist(doc);
    }
    for (const QJsonObject &doc : std::as_const(demos)) {
        if (e.failed())
            break;
        e = writeDemo(doc);
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

QString DemoDataLoader::templateId(const QString &code, int version, CoreError *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM checklist_templates WHERE code = ? AND version = ?"));
    q.addBindValue(code);
    q.addBindValue(version);
    if (q.exec() && q.next())
        return q.value(0).toString();
    *error = invalid(QObject::tr("Chưa có mẫu phiếu %1 phiên bản %2: hãy nạp tệp mẫu phiếu "
                                 "(checklist-default.json) cùng lúc hoặc trước.")
                         .arg(code)
                         .arg(version));
    return {};
}

QString DemoDataLoader::questionId(const QString &tmplId, const QString &code, CoreError *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT q.id FROM checklist_questions q JOIN checklist_sections s "
                             "ON s.id = q.section_id WHERE s.template_id = ? AND q.code = ? "
                             "AND q.deleted_at IS NULL"));
    q.addBindValue(tmplId);
    q.addBindValue(code);
    if (q.exec() && q.next())
        return q.value(0).toString();
    *error = invalid(QObject::tr("%1: mẫu phiếu không có câu hỏi mã %2.").arg(m_origin, code));
    return {};
}

QString DemoDataLoader::unitName(const QString &id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT level_label, name FROM admin_units WHERE id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString();
    return {};
}

CoreError DemoDataLoader::writeChecklist(const QJsonObject &doc)
{
    m_origin = doc.value(QStringLiteral("__origin")).toString();
    m_rowTime = RecordWriter::now();
    QList<ViolationCatalog::Category> categories;
    CoreError e = ViolationCatalog::parse(doc, &categories);
    if (e.failed())
        return {e.code(), QStringLiteral("%1: %2").arg(m_origin, e.message())};
    const QJsonArray templates = doc.value(QStringLiteral("templates")).toArray();
    for (const QJsonValue &tv : templates) {
        const QJsonObject tmpl = tv.toObject();
        e = checkTemplate(tmpl);
        if (e.failed())
            return {e.code(), QStringLiteral("%1: %2").arg(m_origin, e.message())};
        const QString code = tmpl.value(QStringLiteral("code")).toString();
        const int version = tmpl.value(QStringLiteral("version")).toInt();
        // A published (code, version) never changes: if it is already here, under any id, keep it.
        CoreError missing;
        if (!templateId(code, version, &missing).isEmpty()) {
            ++m_counts.skipped[QStringLiteral("checklist_templates")];
            continue;
        }
        e = put(QStringLiteral("checklist_templates"), tmpl, {});
        if (e.failed())
            return e;
        const QString tmplId = tmpl.value(kId).toString();
        for (const QJsonValue &sv : tmpl.value(QStringLiteral("sections")).toArray()) {
            const QJsonObject section = sv.toObject();
            e = put(QStringLiteral("checklist_sections"), section,
                    {{QStringLiteral("template_id"), tmplId}});
            if (e.failed())
                return e;
            for (const QJsonValue &qv : section.value(QStringLiteral("questions")).toArray()) {
                const QJsonObject q = qv.toObject();
                QVariantMap extra{{QStringLiteral("section_id"), section.value(kId).toString()}};
                const QJsonArray choices = q.value(QStringLiteral("choices")).toArray();
                if (!choices.isEmpty())
                    extra.insert(
                        QStringLiteral("choices_json"),
                        QString::fromUtf8(QJsonDocument(choices).toJson(QJsonDocument::Compact)));
                const QJsonObject showIf = q.value(QStringLiteral("show_if")).toObject();
                if (!showIf.isEmpty()) {
                    extra.insert(QStringLiteral("show_if_code"),
                                 showIf.value(QStringLiteral("code")).toString());
                    extra.insert(QStringLiteral("show_if_value"),
                                 showIf.value(QStringLiteral("value")).toString());
                }
                e = put(QStringLiteral("checklist_questions"), q, extra);
                if (e.failed())
                    return e;
            }
        }
    }
    return {};
}

CoreError DemoDataLoader::writeDemo(const QJsonObject &doc)
{
    m_origin = doc.value(QStringLiteral("__origin")).toString();
    const QDateTime created =
        QDateTime::fromString(doc.value(QStringLiteral("created_at")).toString(), Qt::ISODate);
    m_rowTime = created.isValid() ? created.toMSecsSinceEpoch() : RecordWriter::now();
    CoreError e;
    for (const QJsonValue &v : doc.value(QStringLiteral("admin_units")).toArray()) {
        if ((e = put(QStringLiteral("admin_units"), v.toObject(), {})).failed())
            return e;
    }
    for (const QJsonValue &v : doc.value(QStringLiteral("admin_unit_mappings")).toArray()) {
        if ((e = put(QStringLiteral("admin_unit_mappings"), v.toObject(), {})).failed())
            return e;
    }
    for (const QJsonValue &v : doc.value(QStringLiteral("clusters")).toArray()) {
        if ((e = writeCluster(v.toObject())).failed())
            return e;
    }
    return {};
}

CoreError DemoDataLoader::writeCluster(const QJsonObject &c)
{
    const QString clusterId = c.value(kId).toString();
    const QString name = c.value(QStringLiteral("name")).toString();
    const QString code = c.value(QStringLiteral("code")).toString();
    const QJsonArray units = c.value(QStringLiteral("units")).toArray();
    QStringList searchParts = {name, code, c.value(QStringLiteral("investor_name")).toString(),
                               c.value(QStringLiteral("establishment_decision")).toString(),
                               unitName(c.value(QStringLiteral("province_id")).toString())};
    for (const QJsonValue &u : units)
        searchParts << unitName(u.toObject().value(QStringLiteral("unit_id")).toString());
    // Demo data is always marked as such, whatever the file says.
    CoreError e =
        put(QStringLiteral("clusters"), c,
            {{QStringLiteral("is_demo"), 1}, {QStringLiteral("search_text"), folded(searchParts)}});
    if (e.failed())
        return e;
    const QVariantMap owner{{QStringLiteral("cluster_id"), clusterId}};
    for (const QJsonValue &u : units) {
        if ((e = put(QStringLiteral("cluster_units"), u.toObject(), owner)).failed())
            return e;
    }
    for (const QJsonValue &m : c.value(QStringLiteral("boundary_markers")).toArray()) {
        if ((e = put(QStringLiteral("boundary_markers"), m.toObject(), owner)).failed())
            return e;
    }
    const QJsonArray items = c.value(QStringLiteral("infrastructure_items")).toArray();
    for (const QJsonValue &i : items) {
        if ((e = put(QStringLiteral("infrastructure_items"), i.toObject(), owner)).failed())
            return e;
    }
    for (const QJsonValue &tv : c.value(QStringLiteral("tenants")).toArray()) {
        const QJsonObject t = tv.toObject();
        QVariantMap extra = owner;
        extra.insert(QStringLiteral("search_text"),
                     folded({t.value(QStringLiteral("name")).toString(),
                             t.value(QStringLiteral("tax_code")).toString(),
                             t.value(QStringLiteral("industry")).toString(), name}));
        if ((e = put(QStringLiteral("tenants"), t, extra)).failed())
            return e;
    }
    const QVariantMap cluster{
        {kId, clusterId}, {QStringLiteral("name"), name}, {QStringLiteral("code"), code}};
    for (const QJsonValue &iv : c.value(QStringLiteral("inspections")).toArray()) {
        if ((e = writeInspection(iv.toObject(), cluster)).failed())
            return e;
    }
    // Readings last: they may refer to the inspections above.
    for (const QJsonValue &i : items) {
        const QJsonObject item = i.toObject();
        const QVariantMap extra{{QStringLiteral("item_id"), item.value(kId).toString()}};
        for (const QJsonValue &r : item.value(QStringLiteral("progress_readings")).toArray()) {
            if ((e = put(QStringLiteral("progress_readings"), r.toObject(), extra)).failed())
                return e;
        }
    }
    return {};
}

CoreError DemoDataLoader::writeInspection(const QJsonObject &in, const QVariantMap &cluster)
{
    const QJsonObject ref = in.value(QStringLiteral("template")).toObject();
    CoreError e;
    const QString tmplId = templateId(ref.value(QStringLiteral("code")).toString(),
                                      ref.value(QStringLiteral("version")).toInt(), &e);
    if (e.failed())
        return {e.code(), QStringLiteral("%1: %2").arg(m_origin, e.message())};
    const QString inspectionId = in.value(kId).toString();
    const QJsonArray participants = in.value(QStringLiteral("participants")).toArray();
    QStringList searchParts = {cluster.value(QStringLiteral("name")).toString(),
                               cluster.value(QStringLiteral("code")).toString(),
                               in.value(QStringLiteral("inspector_name")).toString()};
    for (const QJsonValue &p : participants)
        searchParts << p.toObject().value(QStringLiteral("name")).toString();
    searchParts << in.value(QStringLiteral("findings")).toString()
                << in.value(QStringLiteral("conclusions")).toString();
    e = put(QStringLiteral("inspections"), in,
            {{QStringLiteral("cluster_id"), cluster.value(kId)},
             {QStringLiteral("template_id"), tmplId},
             {QStringLiteral("search_text"), folded(searchParts)}});
    if (e.failed())
        return e;
    const QVariantMap owner{{QStringLiteral("inspection_id"), inspectionId}};
    for (const QJsonValue &p : participants) {
        if ((e = put(QStringLiteral("inspection_participants"), p.toObject(), owner)).failed())
            return e;
    }
    for (const QJsonValue &av : in.value(QStringLiteral("answers")).toArray()) {
        const QJsonObject a = av.toObject();
        QVariantMap extra = owner;
        const QString qid =
            questionId(tmplId, a.value(QStringLiteral("question_code")).toString(), &e);
        if (e.failed())
            return e;
        extra.insert(QStringLiteral("question_id"), qid);
        if ((e = put(QStringLiteral("answers"), a, extra)).failed())
            return e;
    }
    for (const QJsonValue &vv : in.value(QStringLiteral("violations")).toArray()) {
        const QJsonObject v = vv.toObject();
        const QString category = v.value(QStringLiteral("category")).toString();
        const ViolationCatalog::Category known = ViolationCatalog::find(category);
        if (!known.isValid())
            return invalid(QObject::tr("%1: loại vi phạm “%2” không có trong danh mục.")
                               .arg(m_origin, category));
        QVariantMap extra = owner;
        extra.insert(QStringLiteral("cluster_id"), cluster.value(kId));
        // The catalogue fills what the file leaves out.
        const QVariantMap defaults = known.toMap();
        for (const char *key : {"legal_basis", "fine_min_vnd", "fine_max_vnd"}) {
            const QString k = QString::fromLatin1(key);
            if (!v.contains(k))
                extra.insert(k, defaults.value(k));
        }
        if (!v.contains(QStringLiteral("severity")))
            extra.insert(QStringLiteral("severity"), known.defaultSeverity);
        if ((e = put(QStringLiteral("violations"), v, extra)).failed())
            return e;
    }
    return {};
}
