#pragma once

#include "checklistmodel.h"

#include <QtQml/qqml.h>

// ChecklistModel for QML: made by the C++ side (AppController), read by the pages.
struct ChecklistModelForeign {
    Q_GADGET
    QML_FOREIGN(ChecklistModel)
    QML_NAMED_ELEMENT(ChecklistModel)
    QML_UNCREATABLE("ChecklistModel is provided by the application.")
};
