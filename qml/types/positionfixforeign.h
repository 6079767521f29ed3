#pragma once

#include "positionfix.h"

#include <QtQml/qqml.h>

// PositionFix as a QML value type (fix.latitude, fix.accuracyM, ...).
struct PositionFixForeign {
    Q_GADGET
    QML_FOREIGN(PositionFix)
    QML_ANONYMOUS
};
