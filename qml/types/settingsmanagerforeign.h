#pragma once

#include "settingsmanager.h"

#include <QtQml/qqml.h>

// SettingsManager for QML: made by the C++ side (AppController), read by the pages.
struct SettingsManagerForeign {
    Q_GADGET
    QML_FOREIGN(SettingsManager)
    QML_NAMED_ELEMENT(SettingsManager)
    QML_UNCREATABLE("SettingsManager is provided by the application.")
};
