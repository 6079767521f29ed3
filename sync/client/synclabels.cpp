#include "synclabels.h"

QString SyncLabels::entity(const QString &table)
{
    static const struct {
        const char *table;
        const char *label;
    } labels[] = {
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
    for (const auto &l : labels)
        if (table == QLatin1String(l.table))
            return tr(l.label);
    return table;
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
