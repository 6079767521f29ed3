#pragma once

#include "variantlistmodel.h"

class DomainLabels;

// The kinds of violation the form offers (ViolationCatalog): title, legal basis, fine range and
// default severity.
class ViolationCatalogModel : public VariantListModel
{
    Q_OBJECT
public:
    explicit ViolationCatalogModel(DomainLabels *labels, QObject *parent = nullptr);

    Q_INVOKABLE void reload();

private:
    DomainLabels *m_labels;
};
