#pragma once

#include "variantlistmodel.h"

class SearchIndex;

// Global search over clusters, tenants and inspections (SearchIndex) for one line of text.
class SearchResultModel : public VariantListModel
{
    Q_OBJECT
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    // Rows just pulled that search cannot find yet (they are being indexed), as of the last search.
    Q_PROPERTY(int unindexed READ unindexed NOTIFY unindexedChanged)
public:
    SearchResultModel(SearchIndex *index, QObject *parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString &text);
    int unindexed() const { return m_unindexed; }
    // Searches again for the same text (more rows became searchable).
    void reload();

signals:
    void textChanged();
    void unindexedChanged();

private:
    void search();

    SearchIndex *m_index;
    QString m_text;
    int m_unindexed = 0;
};
