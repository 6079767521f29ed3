#pragma once

#include "appcontroller.h"

#include <QtQml/qqml.h>

// AppController for QML: made by the C++ side (AppController), read by the pages.
struct AppControllerForeign {
    Q_GADGET
    QML_FOREIGN(AppController)
    QML_NAMED_ELEMENT(AppController)
    QML_UNCREATABLE("AppController is provided by the application.")
};
