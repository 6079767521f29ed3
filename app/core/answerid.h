#pragma once

#include <QString>

// The id of an inspection's answer to a question, the same on every tablet. The device schema
// holds one answer per question of an inspection (UNIQUE (inspection_id, question_id)); with ids
// chosen at random, two tablets that answered one question offline made two rows, and every
// device that then pulled both could store neither. With this id both answers are one row: the
// registry merges them per field (the same field answered twice is a conflict record).
//
// The id is a name-based UUID (RFC 9562 version 5) of the inspection's and the question's ids;
// when the inspection's id is a UUIDv7, its first 48 bits (the inspection's creation time) take
// the place of the hash's and the version is 8 (custom): answers then sit beside their
// inspection in every index on id, as time-ordered ids do. (Ids spread at random made a pull of
// 10,000 inspections take twice as long and their push half as long again: B-tree inserts all
// over the index instead of at its end.)
class AnswerId
{
public:
    static QString of(const QString &inspectionId, const QString &questionId);
};
