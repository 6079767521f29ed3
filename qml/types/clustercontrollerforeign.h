#pragma once

#include "clustercontroller.h"

#include <QtQml/qqml.h>

// ClusterController for QML: made by the C++ side (AppController), read by the pages.
struct ClusterControllerForeign {
    Q_GADGET
    QML_FOREIGN(ClusterController)
    QML_NAMED_ELEMENT(ClusterController)
    QML_UNCREATABLE("ClusterController is provided by the application.")
};
