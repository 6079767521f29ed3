#pragma once

#include "violationcatalogmodel.h"

#include <QtQml/qqml.h>

// ViolationCatalogModel for QML: made by the C++ side (AppController), read by the pages.
struct ViolationCatalogModelForeign {
    Q_GADGET
    QML_FOREIGN(ViolationCatalogModel)
    QML_NAMED_ELEMENT(ViolationCatalogModel)
    QML_UNCREATABLE("ViolationCatalogModel is provided by the application.")
};
