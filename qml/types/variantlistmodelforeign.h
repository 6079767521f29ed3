#pragma once

#include "variantlistmodel.h"

#include <QtQml/qqml.h>

// VariantListModel for QML: made by the C++ side (AppController), read by the pages.
struct VariantListModelForeign {
    Q_GADGET
    QML_FOREIGN(VariantListModel)
    QML_NAMED_ELEMENT(VariantListModel)
    QML_UNCREATABLE("VariantListModel is provided by the application.")
};
