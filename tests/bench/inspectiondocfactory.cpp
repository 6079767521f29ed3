#include "inspectiondocfactory.h"

#include "answerid.h"
#include "recordwriter.h"
#include "textfolder.h"
#include "transaction.h"

#include <QDateTime>
#include <QTimeZone>

namespace {
const char *const inspectors[] = {"Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Hoàng Dũng",
                                  "Phạm Minh Đức", "Hoàng Thị Hương",    "Võ Quốc Khánh",
                                  "Đặng Thu Thảo", "Bùi Xuân Trường"};
const char *const violationCodes[][2] = {
    {"PCCC-03", "Lối thoát hiểm bị chặn bởi hàng hóa, không đảm bảo thoát nạn khi có sự cố."},
    {"PCCC-07", "Bình chữa cháy đã hết hạn kiểm định, áp suất dưới mức cho phép."},
    {"DIEN-02", "Tủ điện không có nắp che, dây dẫn bị hở tại khu vực sản xuất."},
    {"ATLD-11", "Công nhân không đeo kính bảo hộ khi vận hành máy mài."},
    {"MT-04", "Nước thải chưa qua xử lý được xả trực tiếp ra mương thoát nước chung."},
    {"VSATTP-05", "Khu vực bếp ăn tập thể không có lưới chắn côn trùng, sàn ẩm ướt."},
    {"PCCC-12", "Thiếu biển báo cấm hút thuốc và sơ đồ thoát hiểm tại hành lang tầng hai."},
    {"ATLD-02", "Giàn giáo không có lan can bảo vệ, chưa được nghiệm thu trước khi sử dụng."}};
// bench.js: SEVERITY 'nhẹ', 'trung bình', 'nghiêm trọng'; ANSWERS 'đạt', 'không đạt', 'không áp
// dụng'.
const char *const severities[] = {"minor", "serious", "very_serious"};
const char *const answers[] = {"yes", "no", "na"};
} // namespace

InspectionDocFactory::InspectionDocFactory(quint32 seed, QStringList clusterIds, QString templateId,
                                           QStringList questionIds)
    : m_state(seed), m_clusterIds(std::move(clusterIds)), m_templateId(std::move(templateId)),
      m_questionIds(std::move(questionIds))
{
}

double InspectionDocFactory::rnd()
{
    // mulberry32, as in bench.js.
    m_state += 0x6D2B79F5u;
    quint32 t = m_state;
    t = (t ^ (t >> 15)) * (t | 1u);
    t ^= t + (t ^ (t >> 7)) * (t | 61u);
    return double(t ^ (t >> 14)) / 4294967296.0;
}

QVariantMap InspectionDocFactory::next()
{
    const qint64 base =
        QDateTime(QDate(2024, 6, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch() +
        qint64(rnd() * 180 * 86400e3);
    QVariantList answerRows;
    for (int q = 0; q < 20; ++q)
        answerRows << QVariantMap{{QStringLiteral("question_id"), m_questionIds.value(q)},
                                  {QStringLiteral("value"), QLatin1String(answers[int(rnd() * 3)])},
                                  {QStringLiteral("note"), QVariant()}};
    const int v1 = int(rnd() * 8);
    const int v2 = (v1 + 1 + int(rnd() * 7)) % 8;
    QVariantList violationRows;
    for (int v : {v1, v2}) {
        violationRows << QVariantMap{
            {QStringLiteral("category"), QString::fromUtf8(violationCodes[v][0])},
            {QStringLiteral("severity"), QLatin1String(severities[int(rnd() * 3)])},
            {QStringLiteral("observed"), QString::fromUtf8(violationCodes[v][1])},
            {QStringLiteral("status"), QStringLiteral("open")}};
    }
    // uuidFrom(rnd) draws 16 numbers for the id: the app chooses UUIDv7 ids itself, but the
    // draws are kept so that the rest of the stream matches bench.js.
    for (int i = 0; i < 16; ++i)
        rnd();
    const QString clusterId = m_clusterIds.value(int(rnd() * 200) % int(m_clusterIds.size()));
    const QString inspector = QString::fromUtf8(inspectors[int(rnd() * 8)]);
    const qint64 completed = base + 1800000 + qint64(rnd() * 3600e3);
    for (QVariant &v : violationRows) {
        QVariantMap m = v.toMap();
        m.insert(QStringLiteral("cluster_id"), clusterId);
        v = m;
    }
    ++m_index;
    const QVariantMap inspection{{QStringLiteral("cluster_id"), clusterId},
                                 {QStringLiteral("template_id"), m_templateId},
                                 {QStringLiteral("kind"), QStringLiteral("periodic")},
                                 {QStringLiteral("status"), QStringLiteral("submitted")},
                                 {QStringLiteral("inspector_name"), inspector},
                                 {QStringLiteral("started_at"), base},
                                 {QStringLiteral("ended_at"), completed},
                                 {QStringLiteral("submitted_at"), completed},
                                 {QStringLiteral("created_at"), base},
                                 {QStringLiteral("updated_at"), base + 5400000},
                                 {QStringLiteral("search_text"),
                                  TextFolder::fold(inspector + QLatin1Char(' ') +
                                                   QDateTime::fromMSecsSinceEpoch(base).toString(
                                                       QStringLiteral("dd/MM/yyyy")))}};
    return {{QStringLiteral("inspection"), inspection},
            {QStringLiteral("answers"), answerRows},
            {QStringLiteral("violations"), violationRows}};
}

CoreError InspectionDocFactory::write(QSqlDatabase db, int count, QStringList *inspectionIds)
{
    RecordWriter writer(db);
    for (int done = 0; done < count;) {
        Transaction tx(db);
        if (!tx.active())
            return tx.beginError();
        for (int k = 0; k < 500 && done < count; ++k, ++done) {
            const QVariantMap doc = next();
            QString id;
            CoreError e = writer.insert(QStringLiteral("inspections"),
                                        doc.value(QStringLiteral("inspection")).toMap(), &id);
            for (const char *child : {"answers", "violations"}) {
                for (const QVariant &v : doc.value(QLatin1String(child)).toList()) {
                    if (e.failed())
                        return e;
                    QVariantMap row = v.toMap();
                    row.insert(QStringLiteral("inspection_id"), id);
                    if (QLatin1String(child) == QLatin1String("answers")) // as the app names them
                        row.insert(
                            QStringLiteral("id"),
                            AnswerId::of(id, row.value(QStringLiteral("question_id")).toString()));
                    e = writer.insert(QString::fromLatin1(child), row);
                }
            }
            if (e.failed())
                return e;
            if (inspectionIds)
                *inspectionIds << id;
        }
        const CoreError e = tx.commit();
        if (e.failed())
            return e;
    }
    return {};
}
