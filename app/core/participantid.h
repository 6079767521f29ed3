#pragma once

#include <QString>

// The id of a participant of an inspection, the same on every tablet that adds that person: the
// minutes list the inspection team and the people met, and two teammates adding the same person
// offline made two rows, listed twice. With this id both additions are one row (the registry
// merges them per field; a position written differently is a conflict record). The person is
// their name and agency, compared without case, diacritics or extra spaces (TextFolder); the id
// is made as AnswerId makes an answer's, from the inspection's id, so it keeps the inspection's
// time bits. A participant renamed later keeps their id; adding their first name again then
// gets a new one (InspectionManager::addParticipant).
class ParticipantId
{
public:
    static QString of(const QString &inspectionId, const QString &name, const QString &agency);
};
