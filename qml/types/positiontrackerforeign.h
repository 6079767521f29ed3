#pragma once

#include "positiontracker.h"

#include <QtQml/qqml.h>

// PositionTracker for QML: made by the C++ side (AppController), read by the pages.
struct PositionTrackerForeign {
    Q_GADGET
    QML_FOREIGN(PositionTracker)
    QML_NAMED_ELEMENT(PositionTracker)
    QML_UNCREATABLE("PositionTracker is provided by the application.")
};
