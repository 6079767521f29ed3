#pragma once

#include "clusterlistmodel.h"

#include <QtQml/qqml.h>

// ClusterListModel for QML: made by the C++ side (AppController), read by the pages.
struct ClusterListModelForeign {
    Q_GADGET
    QML_FOREIGN(ClusterListModel)
    QML_NAMED_ELEMENT(ClusterListModel)
    QML_UNCREATABLE("ClusterListModel is provided by the application.")
};
