#pragma once

#include "inspectioncontroller.h"

#include <QtQml/qqml.h>

// InspectionController for QML: made by the C++ side (AppController), read by the pages.
struct InspectionControllerForeign {
    Q_GADGET
    QML_FOREIGN(InspectionController)
    QML_NAMED_ELEMENT(InspectionController)
    QML_UNCREATABLE("InspectionController is provided by the application.")
};
