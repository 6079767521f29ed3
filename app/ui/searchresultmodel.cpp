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
    search();
    emit textChanged();
}

void SearchResultModel::reload()
{
    search();
}

void SearchResultModel::search()
{
    const QString text = m_text;
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
    const int unindexed = text.trimmed().isEmpty() ? 0 : m_index->unindexed();
    if (unindexed != m_unindexed) {
        m_unindexed = unindexed;
        emit unindexedChanged();
    }
}
