#pragma once

#include "domainlabels.h"

#include <QtQml/qqml.h>

// DomainLabels for QML: made by the C++ side (AppController), read by the pages.
struct DomainLabelsForeign {
    Q_GADGET
    QML_FOREIGN(DomainLabels)
    QML_NAMED_ELEMENT(DomainLabels)
    QML_UNCREATABLE("DomainLabels is provided by the application.")
};
