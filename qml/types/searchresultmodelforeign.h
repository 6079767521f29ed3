#pragma once

#include "searchresultmodel.h"

#include <QtQml/qqml.h>

// SearchResultModel for QML: made by the C++ side (AppController), read by the pages.
struct SearchResultModelForeign {
    Q_GADGET
    QML_FOREIGN(SearchResultModel)
    QML_NAMED_ELEMENT(SearchResultModel)
    QML_UNCREATABLE("SearchResultModel is provided by the application.")
};
