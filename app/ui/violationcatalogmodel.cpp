#include "violationcatalogmodel.h"

#include "domainlabels.h"
#include "violationcatalog.h"

ViolationCatalogModel::ViolationCatalogModel(DomainLabels *labels, QObject *parent)
    : VariantListModel({"id", "code", "title", "legalBasis", "defaultSeverity", "fineMin",
                        "fineMax", "fineText"},
                       parent),
      m_labels(labels)
{
    reload();
}

void ViolationCatalogModel::reload()
{
    QVariantList rows;
    for (const ViolationCatalog::Category &c : ViolationCatalog::categories()) {
        const QVariant lo = c.fineMinVnd ? QVariant(*c.fineMinVnd) : QVariant();
        const QVariant hi = c.fineMaxVnd ? QVariant(*c.fineMaxVnd) : QVariant();
        rows << QVariantMap{{QStringLiteral("id"), c.code},
                            {QStringLiteral("code"), c.code},
                            {QStringLiteral("title"), c.title},
                            {QStringLiteral("legalBasis"), c.legalBasis},
                            {QStringLiteral("defaultSeverity"), c.defaultSeverity},
                            {QStringLiteral("fineMin"), lo},
                            {QStringLiteral("fineMax"), hi},
                            {QStringLiteral("fineText"), m_labels->fineRange(lo, hi)}};
    }
    setRows(rows);
}
