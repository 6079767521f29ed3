#pragma once

#include "participantmodel.h"

#include <QtQml/qqml.h>

// ParticipantModel for QML: made by the C++ side (MinutesController), read by the pages.
struct ParticipantModelForeign {
    Q_GADGET
    QML_FOREIGN(ParticipantModel)
    QML_NAMED_ELEMENT(ParticipantModel)
    QML_UNCREATABLE("ParticipantModel is provided by the application.")
};
