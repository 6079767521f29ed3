#pragma once

#include "syncclient.h"

#include <QtQml/qqml.h>

// SyncClient for QML: made by the C++ side, read by LoginPage and SyncPage (property syncClient).
struct SyncClientForeign {
    Q_GADGET
    QML_FOREIGN(SyncClient)
    QML_NAMED_ELEMENT(SyncClient)
    QML_UNCREATABLE("SyncClient is provided by the application.")
};
