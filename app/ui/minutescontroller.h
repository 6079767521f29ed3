#pragma once

#include <QHash>
#include <QObject>
#include <QVariantMap>

Q_MOC_INCLUDE("participantmodel.h")

class InspectionManager;
class ParticipantModel;

// The minutes (biên bản) of the open inspection as typed on site: section I, who took part
// (participants, each saved at once), and sections II (content and findings) and III
// (conclusions and requests), two texts of the inspection's row. Each form writes only what its
// user changed since it was shown (FormMerge), and follows what a sync round wrote to the fields
// its user is not changing. InspectionController owns it and tells it which inspection is open
// (load) and when it read the inspection's row again (setTexts); the inspection's other parts
// (checklist, violations, photos, submitting) stay there.
class MinutesController : public QObject
{
    Q_OBJECT
    // Section I of the minutes: who took part, by agency.
    Q_PROPERTY(ParticipantModel *participants READ participants CONSTANT)
    // Section II (content and findings) and III (conclusions and requests) of the minutes, as
    // the form was given them: as the inspection was opened, as last saved, or as followed.
    Q_PROPERTY(QString findings READ findings NOTIFY findingsChanged)
    Q_PROPERTY(QString conclusions READ conclusions NOTIFY findingsChanged)
public:
    explicit MinutesController(InspectionManager *inspections, QObject *parent = nullptr);

    ParticipantModel *participants() const { return m_participants; }
    QString findings() const;
    QString conclusions() const;

    // The minutes of the inspection `inspectionId` (empty: none open), its row as read now:
    // the participants are read, the texts are the row's, and what participant() gave to forms
    // before is forgotten.
    void load(const QString &inspectionId, const QVariantMap &row);
    // The open inspection's row was read again (submitted here, or a round brought its
    // submission or discard): the texts are the row's now.
    void setTexts(const QVariantMap &row);
    // A sync round wrote to this device: the participants are read again (open forms follow it
    // when told: followPulledTexts, followPulledParticipant).
    void reloadPulled();

    // A participant as the edit form shows it (the participants model's row); the form's save
    // then writes only what the user changed (saveParticipant).
    Q_INVOKABLE QVariantMap participant(const QString &participantId) const;
    // Adds a participant (participantId empty) or changes one. fields: name (required),
    // position_title, agency. Returns {ok, id, message, errors: {field: message}}. A change
    // writes only the fields changed since participant() gave them to the form (FormMerge), as
    // InspectionController::saveViolation does.
    Q_INVOKABLE QVariantMap saveParticipant(const QString &participantId,
                                            const QVariantMap &fields);
    // Soft-deletes a participant; an empty string, or why not.
    Q_INVOKABLE QString removeParticipant(const QString &participantId);
    // Saves the findings and conclusions texts (unchanged texts write nothing). Only a text
    // changed since the inspection was opened is written (FormMerge): one a sync round changed
    // meanwhile, and the user too, is not written but named in errors with its value now
    // (changedUnder true); saved again, it is written.
    // Returns {ok, message, errors: {findings|conclusions: message}, changedUnder}.
    Q_INVOKABLE QVariantMap saveFindings(const QString &findings, const QString &conclusions);
    // The texts a form shows: each it shows as it was opened or last saved (the user has not
    // changed it since) is followed to the one stored now, which a sync round may have written
    // (InspectionController::formsPulled); returns those, {findings|conclusions: text}. A text
    // the user is changing is left to saveFindings, which names what the round wrote.
    Q_INVOKABLE QVariantMap followPulledTexts(const QString &findingsShown,
                                              const QString &conclusionsShown);
    // The same for a participant's form (`fields` as saveParticipant takes them), after
    // participant() or the last save: the fields its user has not changed since follow what the
    // row holds now; returns those.
    Q_INVOKABLE QVariantMap followPulledParticipant(const QString &participantId,
                                                    const QVariantMap &fields);

signals:
    void findingsChanged();

private:
    // The participant's row as this device holds it now (empty when not in this inspection).
    QVariantMap participantRow(const QString &participantId) const;

    InspectionManager *m_inspections;
    ParticipantModel *m_participants;

    QString m_id;
    // The texts (findings, conclusions) as the form was given them: as opened, as saved since,
    // as followed since; what saveFindings compares with.
    QVariantMap m_texts;
    // The participants as participant() gave them to the form (their rows), by id.
    mutable QHash<QString, QVariantMap> m_participantsShown;
};
