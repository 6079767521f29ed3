#pragma once

#include "violationmodel.h"

#include <QtQml/qqml.h>

// ViolationModel for QML: made by the C++ side (AppController), read by the pages.
struct ViolationModelForeign {
    Q_GADGET
    QML_FOREIGN(ViolationModel)
    QML_NAMED_ELEMENT(ViolationModel)
    QML_UNCREATABLE("ViolationModel is provided by the application.")
};
