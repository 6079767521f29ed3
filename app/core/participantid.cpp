#include "participantid.h"

#include "answerid.h"
#include "textfolder.h"

QString ParticipantId::of(const QString &inspectionId, const QString &name, const QString &agency)
{
    // A key no question id (a UUID) can be.
    return AnswerId::of(inspectionId, QStringLiteral("participant\n%1\n%2")
                                          .arg(TextFolder::fold(name.simplified()),
                                               TextFolder::fold(agency.simplified())));
}
