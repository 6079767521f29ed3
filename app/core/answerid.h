#pragma once

#include <QString>

// The id of an inspection's answer to a question: a name-based UUID (RFC 9562 version 5) of the
// inspection's and the question's ids, the same on every tablet. The device schema holds one
// answer per question of an inspection (UNIQUE (inspection_id, question_id)); with ids chosen
// at random, two tablets that answered one question offline made two rows, and every device
// that then pulled both could store neither. With this id both answers are one row: the registry
// merges them per field (the same field answered twice is a conflict record).
class AnswerId
{
public:
    static QString of(const QString &inspectionId, const QString &questionId);
};
