#include "searchresultmodel.h"

#include "searchindex.h"

SearchResultModel::SearchResultModel(SearchIndex *index, QObject *parent)
    : VariantListModel({"kind", "id", "clusterId", "title", "subtitle"}, parent), m_index(index)
{
}

void SearchResultModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    QVariantList rows;
    if (!text.trimmed().isEmpty()) {
        for (const QVariant &v : m_index->search(text.left(200))) {
            const QVariantMap h = v.toMap();
            rows << QVariantMap{
                {QStringLiteral("kind"), h.value(QStringLiteral("kind"))},
                {QStringLiteral("id"), h.value(QStringLiteral("id"))},
                {QStringLiteral("clusterId"), h.value(QStringLiteral("cluster_id"))},
                {QStringLiteral("title"), h.value(QStringLiteral("title"))},
                {QStringLiteral("subtitle"), h.value(QStringLiteral("subtitle"))}};
        }
    }
    setRows(rows);
    emit textChanged();
}
