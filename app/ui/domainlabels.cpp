#include "domainlabels.h"

#include "recordlookup.h"
#include "textfolder.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QStringList>
#include <QtNumeric>

#include <algorithm>

namespace {
// A code and the words for it, looked up by code (tableName, fieldName).
struct Label {
    const char *code;
    const char *label;
};

template <size_t N> QString find(const Label (&labels)[N], const QString &code)
{
    for (const Label &l : labels)
        if (code == QLatin1String(l.code))
            return DomainLabels::tr(l.label);
    return code;
}

// Columns whose values are not told by their JSON type (schema/app/001_initial.sql): every
// "*_at" holds ms since epoch, every "*_on" and valid_from/valid_to an ISO date, and the flags
// below 0 or 1 (SQLite has no booleans, so they travel as numbers).
bool isTimestampColumn(const QString &column)
{
    return column.endsWith(QLatin1String("_at"));
}

bool isDateColumn(const QString &column)
{
    return column.endsWith(QLatin1String("_on")) || column == QLatin1String("valid_from") ||
           column == QLatin1String("valid_to");
}

bool isBooleanColumn(const QString &column)
{
    static const char *const flags[] = {
        "detailed_plan_approved", "foreign_invested", "is_demo",  "is_lead",
        "outside_boundary",       "placed",           "required", "wwtp_auto_monitoring",
        "wwtp_meets_standard"};
    for (const char *f : flags)
        if (column == QLatin1String(f))
            return true;
    return false;
}

bool isNumber(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Float:
        return true;
    default:
        return false;
    }
}

// As many decimals as the value has, at most 6 (a GPS coordinate's): 12 -> 0, 12.5 -> 1, and a
// sum like 0.1 + 0.2 is not shown with its binary tail.
int decimalsOf(double d)
{
    QString s = QString::number(d, 'f', 6);
    while (s.endsWith(QLatin1Char('0')))
        s.chop(1);
    return int(s.size() - s.indexOf(QLatin1Char('.')) - 1);
}

// A JavaScript object or array that QML hands over arrives as a QJSValue (Qt 6.4). ccnui links
// QtCore only, so it is known by its name and read through the converters QtQml registers for it:
// an object converts to a map, an array to a list (and to an empty map).
QVariant fromJavaScript(const QVariant &value)
{
    if (qstrcmp(value.metaType().name(), "QJSValue") != 0)
        return value;
    const QVariantMap map = value.toMap();
    if (!map.isEmpty())
        return map;
    return value.toList();
}

// Plain QVariants for what reaches fieldValue as JSON (QJson types from C++) or JavaScript.
QVariant plainValue(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QJsonValue:
        return value.value<QJsonValue>().toVariant();
    case QMetaType::QJsonObject:
        return value.value<QJsonObject>().toVariantMap();
    case QMetaType::QJsonArray:
        return value.value<QJsonArray>().toVariantList();
    default:
        return fromJavaScript(value);
    }
}

// null, undefined, "" or spaces only: nothing a supervisor could read.
bool isEmptyValue(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return true;
    if (value.typeId() == QMetaType::QString)
        return value.toString().trimmed().isEmpty();
    return false;
}
} // namespace

DomainLabels::DomainLabels(QObject *parent) : QObject(parent) {}

void DomainLabels::setLocale(const QLocale &locale)
{
    if (m_locale == locale)
        return;
    m_locale = locale;
    emit localeChanged();
}

QString DomainLabels::clusterStatus(const QString &code) const
{
    if (code == QLatin1String("planned"))
        return tr("Trong quy hoạch");
    if (code == QLatin1String("under_appraisal"))
        return tr("Đang thẩm định hồ sơ");
    if (code == QLatin1String("established"))
        return tr("Đã thành lập");
    if (code == QLatin1String("plan_approved"))
        return tr("Đã duyệt quy hoạch chi tiết");
    if (code == QLatin1String("project_approved"))
        return tr("Đã duyệt dự án hạ tầng");
    if (code == QLatin1String("under_construction"))
        return tr("Đang xây dựng hạ tầng");
    if (code == QLatin1String("operating"))
        return tr("Đang hoạt động");
    if (code == QLatin1String("expanded"))
        return tr("Đã mở rộng");
    if (code == QLatin1String("adjusted"))
        return tr("Đã điều chỉnh");
    if (code == QLatin1String("revoked"))
        return tr("Đã thu hồi quyết định thành lập");
    if (code == QLatin1String("removed_from_plan"))
        return tr("Đã rút khỏi quy hoạch");
    if (code == QLatin1String("operating_unestablished"))
        return tr("Hoạt động nhưng chưa thành lập");
    return code;
}

QString DomainLabels::wwtpStatus(const QString &code) const
{
    if (code == QLatin1String("none"))
        return tr("Chưa có trạm xử lý nước thải");
    if (code == QLatin1String("planned"))
        return tr("Trạm xử lý nước thải: mới có kế hoạch");
    if (code == QLatin1String("under_construction"))
        return tr("Trạm xử lý nước thải đang xây dựng");
    if (code == QLatin1String("operating"))
        return tr("Trạm xử lý nước thải đang vận hành");
    return code;
}

QString DomainLabels::tenantStatus(const QString &code) const
{
    if (code == QLatin1String("operating"))
        return tr("Đang hoạt động");
    if (code == QLatin1String("slow"))
        return tr("Chậm tiến độ");
    if (code == QLatin1String("not_started"))
        return tr("Chưa triển khai");
    if (code == QLatin1String("illegal_transfer"))
        return tr("Chuyển nhượng trái phép");
    return code;
}

QString DomainLabels::severity(const QString &code) const
{
    if (code == QLatin1String("minor"))
        return tr("Nhẹ");
    if (code == QLatin1String("serious"))
        return tr("Nghiêm trọng");
    if (code == QLatin1String("very_serious"))
        return tr("Rất nghiêm trọng");
    return code;
}

QString DomainLabels::violationStatus(const QString &code) const
{
    if (code == QLatin1String("open"))
        return tr("Chưa khắc phục");
    if (code == QLatin1String("remedying"))
        return tr("Đang khắc phục");
    if (code == QLatin1String("fixed_reported"))
        return tr("Báo đã khắc phục");
    if (code == QLatin1String("verified_fixed"))
        return tr("Đã xác nhận khắc phục");
    if (code == QLatin1String("escalated"))
        return tr("Đã chuyển xử lý");
    return code;
}

QString DomainLabels::inspectionKind(const QString &code) const
{
    if (code == QLatin1String("periodic"))
        return tr("Kiểm tra định kỳ");
    if (code == QLatin1String("unscheduled"))
        return tr("Kiểm tra đột xuất");
    if (code == QLatin1String("follow_up"))
        return tr("Kiểm tra lại");
    if (code == QLatin1String("progress_verification"))
        return tr("Xác minh tiến độ");
    return code;
}

QString DomainLabels::inspectionStatus(const QString &code) const
{
    if (code == QLatin1String("draft"))
        return tr("Đang làm");
    if (code == QLatin1String("submitted"))
        return tr("Đã gửi");
    return code;
}

QString DomainLabels::infrastructureKind(const QString &code) const
{
    if (code == QLatin1String("site_clearance"))
        return tr("Giải phóng mặt bằng");
    if (code == QLatin1String("roads"))
        return tr("Đường nội bộ");
    if (code == QLatin1String("power"))
        return tr("Cấp điện");
    if (code == QLatin1String("water_supply"))
        return tr("Cấp nước");
    if (code == QLatin1String("drainage"))
        return tr("Thoát nước");
    if (code == QLatin1String("stormwater"))
        return tr("Thoát nước mưa");
    if (code == QLatin1String("wastewater_plant"))
        return tr("Trạm xử lý nước thải tập trung");
    if (code == QLatin1String("other"))
        return tr("Hạng mục khác");
    return code;
}

QString DomainLabels::unitLevel(const QString &code) const
{
    if (code == QLatin1String("province"))
        return tr("Tỉnh, thành phố");
    if (code == QLatin1String("district"))
        return tr("Huyện, quận");
    if (code == QLatin1String("commune"))
        return tr("Xã, phường");
    return code;
}

QString DomainLabels::questionKind(const QString &code) const
{
    if (code == QLatin1String("yes_no_na"))
        return tr("Có / Không / Không áp dụng");
    if (code == QLatin1String("number"))
        return tr("Số");
    if (code == QLatin1String("percentage"))
        return tr("Tỷ lệ phần trăm");
    if (code == QLatin1String("choice"))
        return tr("Chọn một");
    if (code == QLatin1String("text"))
        return tr("Chữ");
    if (code == QLatin1String("photo"))
        return tr("Ảnh");
    return code;
}

QString DomainLabels::photoSource(const QString &code) const
{
    if (code == QLatin1String("camera"))
        return tr("Chụp bằng máy");
    if (code == QLatin1String("file"))
        return tr("Chọn từ tệp");
    return code;
}

QString DomainLabels::role(const QString &code) const
{
    if (code == QLatin1String("inspector"))
        return tr("Thanh tra viên");
    if (code == QLatin1String("local_officer"))
        return tr("Cán bộ địa phương");
    if (code == QLatin1String("supervisor"))
        return tr("Giám sát viên");
    if (code == QLatin1String("admin"))
        return tr("Quản trị viên");
    return code;
}

QString DomainLabels::answerValue(const QString &value) const
{
    if (value == QLatin1String("yes"))
        return tr("Có");
    if (value == QLatin1String("no"))
        return tr("Không");
    if (value == QLatin1String("na"))
        return tr("Không áp dụng");
    return value;
}

QString DomainLabels::recordTitle(const QString &table, const QString &rowId) const
{
    const RecordLookup::Description d =
        m_lookup ? m_lookup->describe(table, rowId) : RecordLookup::Description{};
    if (!d.found)
        return tr("một bản ghi chưa có trên máy này (mã %1…)").arg(rowId.left(8));
    QStringList parts;
    for (const QString &p : {d.name, d.place, d.at > 0 ? dateTime(d.at) : date(d.on)})
        if (!p.isEmpty())
            parts << p;
    return parts.isEmpty() ? tableName(table) : parts.join(QStringLiteral(" · "));
}

QString DomainLabels::refusal(const QString &code, const QString &registryMessage) const
{
    if (code == QLatin1String("forbidden"))
        return tr("Vai trò hoặc địa bàn của người dùng không cho phép thay đổi này");
    if (code == QLatin1String("unknown_parent"))
        return tr("Máy chủ chưa có bản ghi mà bản ghi này thuộc về");
    if (code == QLatin1String("unknown_row"))
        return tr("Máy chủ không có bản ghi này");
    // Without its full stop: the sync page goes on after it ("…: %3. Máy tự gửi lại …").
    QString m = registryMessage.trimmed();
    while (m.endsWith(QLatin1Char('.')))
        m.chop(1);
    // The registry names a field by its column, quoted ('workers'), and a kind of record by its
    // table ('inspections'): the app's names for them.
    static const QRegularExpression quoted(QStringLiteral("'([a-z_]+)'"));
    QString named;
    qsizetype from = 0;
    for (auto it = quoted.globalMatch(m); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const QString column = match.captured(1);
        QString label = fieldName(column);
        if (label == column)
            label = tableName(column);
        named += m.mid(from, match.capturedStart() - from) +
                 (label == column ? match.captured() : QStringLiteral("«%1»").arg(label));
        from = match.capturedEnd();
    }
    named += m.mid(from);
    // A value or a field the registry does not take: an app and a registry of different
    // versions, or a fault. Changing the value cannot help; an update can, or an administrator.
    if (code == QLatin1String("invalid_value") || code == QLatin1String("unknown_field") ||
        code == QLatin1String("unknown_entity") || code == QLatin1String("invalid_row_id"))
        return tr("Máy chủ không nhận thay đổi này (%1). Có thể ứng dụng và máy chủ khác phiên "
                  "bản: hãy cập nhật ứng dụng hoặc báo quản trị viên")
            .arg(named);
    return named;
}

QString DomainLabels::tableName(const QString &table) const
{
    static const Label labels[] = {
        {"admin_units", QT_TR_NOOP("Đơn vị hành chính")},
        {"admin_unit_mappings", QT_TR_NOOP("Đối chiếu đơn vị hành chính")},
        {"clusters", QT_TR_NOOP("Cụm công nghiệp")},
        {"cluster_units", QT_TR_NOOP("Địa bàn của cụm")},
        {"boundary_markers", QT_TR_NOOP("Mốc ranh giới")},
        {"tenants", QT_TR_NOOP("Doanh nghiệp trong cụm")},
        {"infrastructure_items", QT_TR_NOOP("Hạng mục hạ tầng")},
        {"checklist_templates", QT_TR_NOOP("Mẫu phiếu kiểm tra")},
        {"checklist_sections", QT_TR_NOOP("Phần của phiếu kiểm tra")},
        {"checklist_questions", QT_TR_NOOP("Câu hỏi kiểm tra")},
        {"inspections", QT_TR_NOOP("Cuộc kiểm tra")},
        {"inspection_participants", QT_TR_NOOP("Thành phần đoàn kiểm tra")},
        {"answers", QT_TR_NOOP("Câu trả lời")},
        {"violations", QT_TR_NOOP("Vi phạm")},
        {"progress_readings", QT_TR_NOOP("Số liệu tiến độ")},
        {"photos", QT_TR_NOOP("Ảnh")},
    };
    return find(labels, table);
}

QString DomainLabels::fieldName(const QString &column) const
{
    static const Label labels[] = {
        {"accuracy_m", QT_TR_NOOP("Độ chính xác vị trí (m)")},
        {"agency", QT_TR_NOOP("Cơ quan, đơn vị")},
        {"boundary_geojson", QT_TR_NOOP("Ranh giới cụm")},
        {"byte_size", QT_TR_NOOP("Dung lượng ảnh")},
        {"caption", QT_TR_NOOP("Chú thích ảnh")},
        {"category", QT_TR_NOOP("Loại vi phạm")},
        {"choices_json", QT_TR_NOOP("Các lựa chọn")},
        {"cluster_id", QT_TR_NOOP("Cụm công nghiệp")},
        {"code", QT_TR_NOOP("Mã")},
        {"committed_completion_on", QT_TR_NOOP("Hạn hoàn thành đã cam kết")},
        {"committed_operation_on", QT_TR_NOOP("Hạn đưa vào vận hành đã cam kết")},
        {"committed_start_on", QT_TR_NOOP("Hạn khởi công đã cam kết")},
        {"conclusions", QT_TR_NOOP("Kết luận và kiến nghị")},
        {"created_at", QT_TR_NOOP("Thời điểm tạo")},
        {"deadline_on", QT_TR_NOOP("Hạn khắc phục")},
        {"deleted_at", QT_TR_NOOP("Thời điểm xoá")},
        {"detailed_plan_approved", QT_TR_NOOP("Đã duyệt quy hoạch chi tiết")},
        {"detailed_plan_decision", QT_TR_NOOP("Quyết định duyệt quy hoạch chi tiết")},
        {"effective_on", QT_TR_NOOP("Ngày có hiệu lực")},
        {"ended_at", QT_TR_NOOP("Thời điểm kết thúc")},
        {"established_area_ha", QT_TR_NOOP("Diện tích thành lập (ha)")},
        {"established_on", QT_TR_NOOP("Ngày thành lập")},
        {"establishment_decision", QT_TR_NOOP("Quyết định thành lập")},
        {"findings", QT_TR_NOOP("Nội dung làm việc, kết quả kiểm tra")},
        {"fine_max_vnd", QT_TR_NOOP("Mức phạt tối đa (đồng)")},
        {"fine_min_vnd", QT_TR_NOOP("Mức phạt tối thiểu (đồng)")},
        {"foreign_invested", QT_TR_NOOP("Có vốn đầu tư nước ngoài")},
        {"height", QT_TR_NOOP("Chiều cao ảnh")},
        {"industrial_land_ha", QT_TR_NOOP("Đất công nghiệp (ha)")},
        {"industry", QT_TR_NOOP("Ngành nghề")},
        {"inspection_id", QT_TR_NOOP("Cuộc kiểm tra")},
        {"inspector_name", QT_TR_NOOP("Họ tên cán bộ kiểm tra")},
        {"investment_capital_bn_vnd", QT_TR_NOOP("Vốn đầu tư (tỷ đồng)")},
        {"investor_name", QT_TR_NOOP("Chủ đầu tư")},
        {"is_demo", QT_TR_NOOP("Dữ liệu minh hoạ")},
        {"is_lead", QT_TR_NOOP("Trưởng đoàn")},
        {"item_id", QT_TR_NOOP("Hạng mục hạ tầng")},
        {"kind", QT_TR_NOOP("Loại")},
        {"lat", QT_TR_NOOP("Vĩ độ")},
        {"leased_land_ha", QT_TR_NOOP("Đất đã cho thuê (ha)")},
        {"legal_basis", QT_TR_NOOP("Căn cứ pháp lý")},
        {"level", QT_TR_NOOP("Cấp")},
        {"level_label", QT_TR_NOOP("Tên cấp")},
        {"lon", QT_TR_NOOP("Kinh độ")},
        {"max_value", QT_TR_NOOP("Giá trị lớn nhất")},
        {"mime", QT_TR_NOOP("Định dạng ảnh")},
        {"min_value", QT_TR_NOOP("Giá trị nhỏ nhất")},
        {"name", QT_TR_NOOP("Tên")},
        {"new_unit_id", QT_TR_NOOP("Đơn vị mới")},
        {"note", QT_TR_NOOP("Ghi chú")},
        {"notes", QT_TR_NOOP("Ghi chú")},
        {"observed", QT_TR_NOOP("Nội dung vi phạm (điều đã thấy)")},
        {"observed_on", QT_TR_NOOP("Ngày ghi nhận")},
        {"old_unit_id", QT_TR_NOOP("Đơn vị cũ")},
        {"outside_boundary", QT_TR_NOOP("Ngoài ranh giới cụm")},
        {"parent_id", QT_TR_NOOP("Đơn vị cấp trên")},
        {"percent", QT_TR_NOOP("Tỷ lệ hoàn thành (%)")},
        {"placed", QT_TR_NOOP("Đã cắm mốc")},
        {"planned_area_ha", QT_TR_NOOP("Diện tích quy hoạch (ha)")},
        {"position", QT_TR_NOOP("Thứ tự")},
        {"position_at", QT_TR_NOOP("Thời điểm lấy vị trí")},
        {"position_title", QT_TR_NOOP("Chức vụ")},
        {"province_id", QT_TR_NOOP("Tỉnh")},
        {"published_on", QT_TR_NOOP("Ngày ban hành")},
        {"question_id", QT_TR_NOOP("Câu hỏi")},
        {"remedy", QT_TR_NOOP("Biện pháp khắc phục yêu cầu")},
        {"required", QT_TR_NOOP("Bắt buộc")},
        {"responsible_party", QT_TR_NOOP("Đơn vị chịu trách nhiệm")},
        {"section_id", QT_TR_NOOP("Phần của phiếu kiểm tra")},
        {"severity", QT_TR_NOOP("Mức độ")},
        {"sha256", QT_TR_NOOP("Mã băm ảnh (SHA-256)")},
        {"show_if_code", QT_TR_NOOP("Chỉ hỏi khi câu")},
        {"show_if_value", QT_TR_NOOP("Chỉ hỏi khi trả lời")},
        {"source", QT_TR_NOOP("Nguồn")},
        {"started_at", QT_TR_NOOP("Thời điểm bắt đầu")},
        {"status", QT_TR_NOOP("Trạng thái")},
        {"submitted_at", QT_TR_NOOP("Thời điểm gửi")},
        {"taken_at", QT_TR_NOOP("Thời điểm chụp")},
        {"tax_code", QT_TR_NOOP("Mã số thuế")},
        {"template_id", QT_TR_NOOP("Mẫu phiếu kiểm tra")},
        {"tenant_id", QT_TR_NOOP("Doanh nghiệp")},
        {"text", QT_TR_NOOP("Nội dung câu hỏi")},
        {"title", QT_TR_NOOP("Tiêu đề")},
        {"unit", QT_TR_NOOP("Đơn vị tính")},
        {"unit_id", QT_TR_NOOP("Đơn vị hành chính")},
        {"updated_at", QT_TR_NOOP("Thời điểm sửa")},
        {"valid_from", QT_TR_NOOP("Hiệu lực từ")},
        {"valid_to", QT_TR_NOOP("Hiệu lực đến")},
        {"value", QT_TR_NOOP("Nội dung trả lời")},
        {"version", QT_TR_NOOP("Phiên bản")},
        {"violation_id", QT_TR_NOOP("Vi phạm")},
        {"width", QT_TR_NOOP("Chiều rộng ảnh")},
        {"workers", QT_TR_NOOP("Số lao động")},
        {"wwtp_auto_monitoring", QT_TR_NOOP("Quan trắc tự động nước thải")},
        {"wwtp_capacity_m3_day", QT_TR_NOOP("Công suất xử lý nước thải (m³/ngày)")},
        {"wwtp_meets_standard", QT_TR_NOOP("Nước thải đạt quy chuẩn")},
        {"wwtp_status", QT_TR_NOOP("Trạm xử lý nước thải")},
    };
    return find(labels, column);
}

QString DomainLabels::changeOp(const QString &op) const
{
    if (op == QLatin1String("insert"))
        return tr("thêm mới");
    if (op == QLatin1String("update"))
        return tr("sửa");
    if (op == QLatin1String("delete"))
        return tr("xoá");
    return op;
}

QString DomainLabels::fieldValue(const QString &table, const QString &column,
                                 const QVariant &value) const
{
    const QVariant v = plainValue(value);
    if (isEmptyValue(v))
        return tr("(trống)");
    if (v.typeId() == QMetaType::QVariantMap || v.typeId() == QMetaType::QVariantHash)
        return rowValue(table, v.toMap());
    if (v.typeId() == QMetaType::QVariantList || v.typeId() == QMetaType::QStringList)
        return listValue(table, column, v.toList());
    return scalarValue(table, column, v);
}

QString DomainLabels::scalarValue(const QString &table, const QString &column,
                                  const QVariant &value) const
{
    const bool number = isNumber(value);
    if (value.typeId() == QMetaType::Bool ||
        (number && isBooleanColumn(column) && (value.toDouble() == 0 || value.toDouble() == 1)))
        return value.toBool() ? tr("Có") : tr("Không");
    if (number && isTimestampColumn(column)) {
        const QString when = dateTime(value);
        if (!when.isEmpty())
            return when;
    }
    if (number) {
        const QString n = this->number(value, decimalsOf(value.toDouble()));
        if (!n.isEmpty())
            return n;
    }
    const QString text = value.toString();
    if (text.isEmpty()) {
        // Not JSON (a type no conflict record holds): say what it is rather than show nothing.
        qWarning("DomainLabels::fieldValue: %s.%s holds a %s", qPrintable(table),
                 qPrintable(column), value.typeName());
        return QStringLiteral("(%1)").arg(QLatin1String(value.typeName()));
    }
    if (isDateColumn(column))
        return date(text);
    if (const QString referenced = RecordLookup::referencedTable(table, column);
        !referenced.isEmpty())
        return recordTitle(referenced, text);
    return codeLabel(table, column, text);
}

// The coded columns (CHECK ... IN in the schema) that have labels; "status" and "kind" mean
// another thing in each table, so the table decides.
QString DomainLabels::codeLabel(const QString &table, const QString &column,
                                const QString &code) const
{
    using LabelOf = QString (DomainLabels::*)(const QString &) const;
    static const struct {
        const char *table;
        const char *column;
        LabelOf label;
    } coded[] = {
        {"clusters", "status", &DomainLabels::clusterStatus},
        {"clusters", "wwtp_status", &DomainLabels::wwtpStatus},
        {"tenants", "status", &DomainLabels::tenantStatus},
        {"infrastructure_items", "kind", &DomainLabels::infrastructureKind},
        {"inspections", "kind", &DomainLabels::inspectionKind},
        {"inspections", "status", &DomainLabels::inspectionStatus},
        {"violations", "severity", &DomainLabels::severity},
        {"violations", "status", &DomainLabels::violationStatus},
        {"admin_units", "level", &DomainLabels::unitLevel},
        {"checklist_questions", "kind", &DomainLabels::questionKind},
        {"photos", "source", &DomainLabels::photoSource},
        {"answers", "value", &DomainLabels::answerValue},
    };
    for (const auto &c : coded)
        if (table == QLatin1String(c.table) && column == QLatin1String(c.column))
            return (this->*c.label)(code);
    return code;
}

// A whole row, key by key in the order of the map (by column name). The row's id is left out:
// the conflict record names its row already, and a UUID tells a supervisor nothing.
QString DomainLabels::rowValue(const QString &table, const QVariantMap &row) const
{
    QStringList parts;
    for (auto it = row.constBegin(); it != row.constEnd(); ++it) {
        if (it.key() == QLatin1String("id"))
            continue;
        parts << QStringLiteral("%1: %2").arg(fieldName(it.key()),
                                              fieldValue(table, it.key(), it.value()));
    }
    return parts.isEmpty() ? tr("(trống)") : parts.join(QStringLiteral("; "));
}

QString DomainLabels::listValue(const QString &table, const QString &column,
                                const QVariantList &list) const
{
    QStringList parts;
    for (const QVariant &item : list)
        parts << fieldValue(table, column, item);
    return parts.isEmpty() ? tr("(trống)") : parts.join(QStringLiteral(", "));
}

bool DomainLabels::matches(const QString &text, const QString &query) const
{
    const QString folded = TextFolder::fold(text);
    const QStringList words = TextFolder::fold(query).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return std::all_of(words.cbegin(), words.cend(),
                       [&](const QString &w) { return folded.contains(w); });
}

bool DomainLabels::isFreeText(const QString &column) const
{
    // Text columns of schema/app/001_initial.sql that hold what someone wrote.
    static const char *const columns[] = {"agency",
                                          "caption",
                                          "conclusions",
                                          "detailed_plan_decision",
                                          "establishment_decision",
                                          "findings",
                                          "industry",
                                          "inspector_name",
                                          "investor_name",
                                          "legal_basis",
                                          "name",
                                          "note",
                                          "notes",
                                          "observed",
                                          "position_title",
                                          "remedy",
                                          "responsible_party"};
    for (const char *c : columns)
        if (column == QLatin1String(c))
            return true;
    return false;
}

QVariantList DomainLabels::severityOptions() const
{
    QVariantList out;
    for (const char *c : {"minor", "serious", "very_serious"})
        out << QVariantMap{{QStringLiteral("value"), QLatin1String(c)},
                           {QStringLiteral("label"), severity(QLatin1String(c))}};
    return out;
}

QVariantList DomainLabels::clusterStatusOptions() const
{
    QVariantList out;
    for (const char *c :
         {"operating", "under_construction", "established", "planned", "operating_unestablished"})
        out << QVariantMap{{QStringLiteral("value"), QLatin1String(c)},
                           {QStringLiteral("label"), clusterStatus(QLatin1String(c))}};
    return out;
}

QString DomainLabels::number(const QVariant &value, int decimals) const
{
    if (value.isNull() || !value.isValid())
        return QString();
    bool ok = false;
    const double d = value.toDouble(&ok);
    if (!ok || !qIsFinite(d))
        return QString();
    QString s = m_locale.toString(d, 'f', decimals);
    // 12,0 -> 12
    if (decimals > 0) {
        const QString zero = QString(m_locale.decimalPoint()) + QString(decimals, QLatin1Char('0'));
        if (s.endsWith(zero))
            s.chop(zero.size());
    }
    return s;
}

QString DomainLabels::fineRange(const QVariant &minVnd, const QVariant &maxVnd) const
{
    const double lo = minVnd.isNull() ? 0 : minVnd.toDouble() / 1e6;
    const double hi = maxVnd.isNull() ? 0 : maxVnd.toDouble() / 1e6;
    if (lo <= 0 && hi <= 0)
        return QString();
    if (lo > 0 && hi > 0)
        return tr("%1–%2 triệu đồng").arg(number(lo), number(hi));
    return tr("%1 triệu đồng").arg(number(lo > 0 ? lo : hi));
}

QString DomainLabels::dateTime(const QVariant &msecs) const
{
    const qint64 ms = msecs.toLongLong();
    if (msecs.isNull() || ms <= 0)
        return QString();
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("dd/MM/yyyy HH:mm"));
}

QString DomainLabels::date(const QString &isoDate) const
{
    const QDate d = QDate::fromString(isoDate.left(10), Qt::ISODate);
    return d.isValid() ? d.toString(QStringLiteral("dd/MM/yyyy")) : isoDate;
}

QDate DomainLabels::parseDate(const QString &text)
{
    const QString t = text.trimmed();
    for (const char *f : {"dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy"}) {
        const QDate d = QDate::fromString(t, QLatin1String(f));
        if (d.isValid())
            return d;
    }
    return {};
}
