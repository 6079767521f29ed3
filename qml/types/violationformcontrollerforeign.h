#pragma once

#include "violationformcontroller.h"

#include <QtQml/qqml.h>

// ViolationFormController for QML: made by the C++ side (InspectionController), read by the
// pages.
struct ViolationFormControllerForeign {
    Q_GADGET
    QML_FOREIGN(ViolationFormController)
    QML_NAMED_ELEMENT(ViolationFormController)
    QML_UNCREATABLE("ViolationFormController is provided by the application.")
};
