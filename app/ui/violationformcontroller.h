#pragma once

#include <QHash>
#include <QObject>
#include <QVariantMap>

class DomainLabels;
class InspectionManager;
class ViolationModel;

// The violation form of the open inspection: a violation as the form shows it, its save (new or
// changed), its deletion, and, after a sync round, the fields its user is not changing following
// what the round wrote. A save writes only what its user changed since the form was shown
// (FormMerge), and whether the form holds changes not saved is told from the same record
// (dirty). InspectionController owns it, with the violations list (ViolationModel) it reads the
// form's violation from and reads again after a save; it tells it which inspection is open and
// whether it is editable (load, setEditable).
class ViolationFormController : public QObject
{
    Q_OBJECT
public:
    ViolationFormController(InspectionManager *inspections, ViolationModel *violations,
                            DomainLabels *labels, QObject *parent = nullptr);

    // The violations of the inspection `inspectionId` (empty: none open) are the forms', and
    // their changes are the user's when it is `editable` (InspectionController::editable); what
    // violation() gave to forms before is forgotten.
    void load(const QString &inspectionId, bool editable);
    // The open inspection became read-only here (submitted here, or a round brought its
    // submission or discard), or editable again.
    void setEditable(bool editable);

    // Saves a violation (new when id is empty). fields: category, severity, observed, remedy,
    // deadline (dd/MM/yyyy or yyyy-MM-dd), responsible_party, status.
    // Returns {ok, id, message, errors: {field: message}}; nothing is saved when !ok. An edit
    // writes only the fields changed since violation() gave them to the form (FormMerge): one a
    // sync round changed meanwhile, and the user too, is not written but named in errors with
    // its value now (changedUnder true); saved again, it is written.
    Q_INVOKABLE QVariantMap saveViolation(const QString &violationId, const QVariantMap &fields);
    // Soft-deletes a violation; an empty string, or why not.
    Q_INVOKABLE QString deleteViolation(const QString &violationId);
    // A violation as the form shows it (the violations model's row); the form's save then writes
    // only what the user changed (saveViolation).
    Q_INVOKABLE QVariantMap violation(const QString &violationId) const;

    // A violation's form (`fields` as saveViolation takes them), after
    // InspectionController::formsPulled: the fields its user has not changed since violation()
    // or the last save follow what the row holds now (as MinutesController::followPulledTexts
    // does for the minutes' texts); returns those, by the form's names, as the form shows them
    // (a deadline as a date). A field being changed, or one the app would refuse, stays.
    Q_INVOKABLE QVariantMap followPulledViolation(const QString &violationId,
                                                  const QVariantMap &fields);

    // Whether a violation's form (`fields` as saveViolation takes them; violationId empty before
    // a new violation's first save) holds changes not saved: what it shows differs from what
    // violation() gave it, its last save wrote (or named as a round's: the field the user
    // changed too stays a change) or followPulledViolation followed, compared as the form shows
    // them (a deadline as a date, a text without the spaces a save trims). Never when the
    // inspection is not editable.
    Q_INVOKABLE bool dirty(const QString &violationId, const QVariantMap &fields) const;

signals:
    // A violation was saved or deleted here (the violations model was read again).
    void violationsChanged();

private:
    // The violation's row as this device holds it now (empty when it is not in this inspection).
    QVariantMap violationRow(const QString &violationId) const;
    // A violation's fields as the row's columns (saveViolation), with what the app refuses in
    // `errors` (by the form's names).
    QVariantMap violationRowOf(const QVariantMap &fields, QVariantMap *errors) const;
    // A violation's column by the form's name (deadline_on: deadline), and its value as the form
    // shows it (a date as the user writes it).
    static QString violationFormKey(const QString &column);
    QString violationFormValue(const QString &column, const QVariant &value) const;
    // A column's value as words for a message: a severity's and a category's names, not codes.
    QString violationValueInWords(const QString &column, const QVariant &value) const;

    InspectionManager *m_inspections;
    ViolationModel *m_violations;
    DomainLabels *m_labels;

    QString m_id;
    bool m_editable = false;
    // The violations as violation() gave them to the form, as saved or followed since (their
    // rows), by id: what a save is merged with, and what dirty() compares the form with.
    mutable QHash<QString, QVariantMap> m_violationsShown;
};
