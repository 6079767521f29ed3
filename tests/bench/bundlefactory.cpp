#include "bundlefactory.h"

#include "textfolder.h"
#include "uuid7.h"

#include <QDateTime>

BundleFactory::BundleFactory(const NationalDataset &dataset, quint64 seed)
    : m_dataset(dataset), m_names(seed)
{
}

QVariantMap BundleFactory::make()
{
    const int c = m_names.below(int(m_dataset.clusterIds().size()));
    const QString clusterId = m_dataset.clusterIds().at(c);
    const QVector<int> &ts = m_dataset.tenantsByCluster().at(c);
    const QVariant tenantId =
        ts.isEmpty() ? QVariant() : QVariant(m_dataset.tenantIds().at(ts.first()));
    const qint64 started = QDateTime::currentMSecsSinceEpoch() - 2 * 3600 * 1000;
    const qint64 ended = started + 5400 * 1000;
    const QString inspector = m_names.person();
    const QString date =
        QDateTime::fromMSecsSinceEpoch(started).toString(QStringLiteral("dd/MM/yyyy"));

    const QVariantMap inspection{
        {QStringLiteral("cluster_id"), clusterId},
        {QStringLiteral("tenant_id"), tenantId},
        {QStringLiteral("template_id"), m_dataset.templateId()},
        {QStringLiteral("kind"), QStringLiteral("periodic")},
        {QStringLiteral("status"), QStringLiteral("submitted")},
        {QStringLiteral("inspector_name"), inspector},
        {QStringLiteral("started_at"), started},
        {QStringLiteral("ended_at"), ended},
        {QStringLiteral("submitted_at"), ended},
        {QStringLiteral("lat"), 20.86 + m_names.uniform() / 100},
        {QStringLiteral("lon"), 106.68 + m_names.uniform() / 100},
        {QStringLiteral("accuracy_m"), 4.5},
        {QStringLiteral("position_at"), started},
        {QStringLiteral("outside_boundary"), 0},
        {QStringLiteral("findings"), m_names.finding()},
        {QStringLiteral("conclusions"), QStringLiteral("Yêu cầu đơn vị khắc phục trong 30 ngày.")},
        {QStringLiteral("search_text"),
         TextFolder::fold(m_dataset.clusterNames().at(c) + QLatin1Char(' ') + inspector +
                          QLatin1Char(' ') + date)}};

    QVariantList answers;
    QString photoQuestion;
    for (const NationalDataset::Question &q : m_dataset.questions())
        if (photoQuestion.isEmpty() && q.kind == QLatin1String("photo"))
            photoQuestion = q.id;
    for (const NationalDataset::Question &q : m_dataset.questions()) {
        if (answers.size() == 25)
            break;
        QVariant value;
        if (q.kind == QLatin1String("yes_no_na"))
            value = QLatin1String(m_names.below(10) < 8 ? "yes" : "no");
        else if (q.kind == QLatin1String("number"))
            value = QString::number(m_names.below(5000) / 10.0);
        else if (q.kind == QLatin1String("percentage"))
            value = QString::number(m_names.below(101));
        else if (q.kind == QLatin1String("choice"))
            value = q.firstChoice;
        else if (q.kind == QLatin1String("text"))
            value = QStringLiteral("Đã kiểm tra thực tế tại hiện trường.");
        answers << QVariantMap{
            {QStringLiteral("question_id"), q.id},
            {QStringLiteral("value"), value},
            {QStringLiteral("note"),
             m_names.below(5) == 0 ? QVariant(QStringLiteral("Ghi chú thêm.")) : QVariant()}};
    }

    QVariantList violations;
    QStringList violationIds;
    static const char *severities[] = {"minor", "serious", "very_serious"};
    for (int v = 0; v < 3; ++v) {
        const QString id = Uuid7::generate();
        violationIds << id;
        violations << QVariantMap{
            {QStringLiteral("id"), id},
            {QStringLiteral("cluster_id"), clusterId},
            {QStringLiteral("tenant_id"), tenantId},
            {QStringLiteral("category"), QStringLiteral("Môi trường")},
            {QStringLiteral("legal_basis"), QStringLiteral("Nghị định 45/2022/NĐ-CP, Điều 18")},
            {QStringLiteral("severity"), QLatin1String(severities[v])},
            {QStringLiteral("observed"), m_names.violationText()},
            {QStringLiteral("remedy"), QStringLiteral("Khắc phục và báo cáo bằng văn bản.")},
            {QStringLiteral("deadline_on"), QStringLiteral("2025-12-31")},
            {QStringLiteral("responsible_party"), QStringLiteral("Giám đốc công ty")},
            {QStringLiteral("fine_min_vnd"), qint64(10000000)},
            {QStringLiteral("fine_max_vnd"), qint64(20000000)},
            {QStringLiteral("status"), QStringLiteral("open")}};
    }

    QVariantList photos;
    for (int p = 0; p < 5; ++p) {
        QVariantMap row{
            {QStringLiteral("sha256"), m_names.hex(32)},
            {QStringLiteral("caption"), QStringLiteral("Ảnh hiện trường %1").arg(p + 1)},
            {QStringLiteral("taken_at"), started + p * 60000},
            {QStringLiteral("lat"), 20.86},
            {QStringLiteral("lon"), 106.68},
            {QStringLiteral("accuracy_m"), 5.0},
            {QStringLiteral("source"), QStringLiteral("camera")},
            {QStringLiteral("width"), 4000},
            {QStringLiteral("height"), 3000},
            {QStringLiteral("byte_size"), 2400000 + m_names.below(800000)},
            {QStringLiteral("mime"), QStringLiteral("image/jpeg")}};
        if (p < 2)
            row.insert(QStringLiteral("violation_id"), violationIds.at(p));
        else if (p == 2 && !photoQuestion.isEmpty())
            row.insert(QStringLiteral("question_id"), photoQuestion);
        photos << row;
    }
    return {{QStringLiteral("inspection"), inspection},
            {QStringLiteral("answers"), answers},
            {QStringLiteral("violations"), violations},
            {QStringLiteral("photos"), photos}};
}
