#pragma once

#include "minutescontroller.h"

#include <QtQml/qqml.h>

// MinutesController for QML: made by the C++ side (InspectionController), read by the pages.
struct MinutesControllerForeign {
    Q_GADGET
    QML_FOREIGN(MinutesController)
    QML_NAMED_ELEMENT(MinutesController)
    QML_UNCREATABLE("MinutesController is provided by the application.")
};
