#pragma once

#include "photomodel.h"

#include <QtQml/qqml.h>

// PhotoModel for QML: made by the C++ side (AppController), read by the pages.
struct PhotoModelForeign {
    Q_GADGET
    QML_FOREIGN(PhotoModel)
    QML_NAMED_ELEMENT(PhotoModel)
    QML_UNCREATABLE("PhotoModel is provided by the application.")
};
