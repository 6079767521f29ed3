#pragma once

#include "variantlistmodel.h"

class SearchIndex;

// Global search over clusters, tenants and inspections (SearchIndex) for one line of text.
class SearchResultModel : public VariantListModel
{
    Q_OBJECT
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
public:
    SearchResultModel(SearchIndex *index, QObject *parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString &text);

signals:
    void textChanged();

private:
    SearchIndex *m_index;
    QString m_text;
};
