#include "synclabels.h"

namespace {
struct Label {
    const char *name;
    const char *label;
};

template <size_t N> QString find(const Label (&labels)[N], const QString &name)
{
    for (const Label &l : labels)
        if (name == QLatin1String(l.name))
            return QCoreApplication::translate("SyncLabels", l.label);
    return name;
}
} // namespace

QString SyncLabels::entity(const QString &table)
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

QString SyncLabels::field(const QString &column)
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

QString SyncLabels::op(const QString &op)
{
    if (op == QLatin1String("insert"))
        return tr("thêm mới");
    if (op == QLatin1String("update"))
        return tr("sửa");
    if (op == QLatin1String("delete"))
        return tr("xoá");
    return op;
}
