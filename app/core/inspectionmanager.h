#pragma once

#include "checklistmanager.h"
#include "coreerror.h"
#include "recordwriter.h"

#include <QObject>
#include <QSet>
#include <QSqlDatabase>
#include <QVariantList>
#include <QVariantMap>

// Owns inspections and what they record: answers, violations, participants, progress readings.
// Every call saves at once (one transaction), so killing the app loses at most the field being
// edited. A submitted inspection can no longer be changed.
class InspectionManager : public QObject
{
    Q_OBJECT
public:
    struct StartPosition {
        bool valid = false;
        double lat = 0, lon = 0, accuracyM = -1;
        qint64 at = 0;
        bool outsideBoundary = false;
    };

    explicit InspectionManager(QSqlDatabase db, QObject *parent = nullptr);

    // The connection it reads and writes: a form that reads a row, merges what the user typed
    // into it and writes the result does all three in one Transaction on it, so that no pulled
    // page lands between the read and the write.
    QSqlDatabase database() const { return m_db; }

    static QStringList kinds();

    CoreError start(const QString &clusterId, const QString &kind, const QString &templateId,
                    const QString &inspectorName, const StartPosition &position, QString *id);
    QVariantMap inspection(const QString &id) const;
    // question id -> {value, note}
    QVariantMap answers(const QString &inspectionId) const;
    // The stored value of one answer (empty when there is none, or it was cleared or deleted).
    QString answerValue(const QString &inspectionId, const QString &questionId) const;
    // question code -> value (for show-if rules)
    QVariantMap answersByCode(const QString &inspectionId) const;

    CoreError setAnswer(const QString &inspectionId, const QString &questionId,
                        const QString &value, const QString &note = QString());
    CoreError setFindings(const QString &inspectionId, const QString &findings,
                          const QString &conclusions);
    CoreError addParticipant(const QString &inspectionId, const QString &name,
                             const QString &positionTitle, const QString &agency,
                             QString *id = nullptr);
    // Same checks as addParticipant; only on a draft.
    CoreError updateParticipant(const QString &participantId, const QString &name,
                                const QString &positionTitle, const QString &agency);
    // Soft delete (the row stays as a tombstone for sync); only on a draft.
    CoreError removeParticipant(const QString &participantId);
    // Live participants, grouped by agency as the minutes list them (agency, then entry order).
    QVariantList participants(const QString &inspectionId) const;

    // Violation fields: category, legal_basis, severity, observed, remedy, deadline_on
    // (yyyy-MM-dd), responsible_party, tenant_id, fine_min_vnd, fine_max_vnd.
    CoreError addViolation(const QString &inspectionId, const QVariantMap &fields, QString *id);
    CoreError updateViolation(const QString &violationId, const QVariantMap &fields);
    CoreError deleteViolation(const QString &violationId);
    QVariantList violations(const QString &inspectionId) const;
    static CoreError validateViolation(const QVariantMap &fields, bool partial);
    // Moves a violation forward along its follow-up machine (ViolationWorkflow). Unlike
    // updateViolation this is allowed after the inspection was submitted (following up is what
    // happens after it); a backward move, or a violation of a discarded inspection, is refused.
    CoreError setViolationStatus(const QString &violationId, const QString &status);

    CoreError recordProgress(const QString &itemId, const QString &inspectionId, double percent,
                             const QString &observedOn, const QString &note, QString *id = nullptr);
    // The readings of one infrastructure item, newest first (observed_on, then entry order).
    QVariantList progressReadings(const QString &itemId) const;

    // Visible required questions without an answer, as "Section — question" labels.
    QStringList missingRequired(const QString &inspectionId) const;
    // Counts of visible questions and of those answered (for the progress bar).
    QPair<int, int> progress(const QString &inspectionId) const;
    CoreError submit(const QString &inspectionId);
    CoreError discardDraft(const QString &inspectionId);

    // Saves a whole inspection in one transaction: {"inspection": row, "answers": [rows],
    // "violations": [rows], "photos": [rows], "participants": [rows]} (rows as column -> value;
    // missing ids are generated). Used to import an inspection and by the benchmark.
    CoreError saveBundle(const QVariantMap &bundle, QString *inspectionId = nullptr);

signals:
    void inspectionChanged(const QString &inspectionId);

private:
    CoreError editable(const QString &inspectionId) const;
    // The violation's inspection, and whether it may still be edited.
    CoreError editableViolation(const QString &violationId, bool includeDeleted,
                                QString *inspectionId) const;
    CoreError editableParticipant(const QString &participantId, QString *inspectionId) const;
    static CoreError validateParticipant(const QString &name, const QString &positionTitle,
                                         const QString &agency);
    // After a write of `inspectionId`'s data: its search text (when `searched`) and the signal.
    CoreError changed(const CoreError &written, const QString &inspectionId, bool searched);
    QSet<QString> answeredQuestions(const QString &inspectionId) const;

    QSqlDatabase m_db;
    RecordWriter m_writer;
    ChecklistManager m_checklists;
};
