#pragma once

#include "coreerror.h"

#include <QObject>
#include <QVariantMap>

Q_MOC_INCLUDE("checklistmodel.h")
Q_MOC_INCLUDE("violationmodel.h")
Q_MOC_INCLUDE("photomodel.h")
Q_MOC_INCLUDE("minutescontroller.h")
Q_MOC_INCLUDE("violationformcontroller.h")

class ChecklistManager;
class ChecklistModel;
class ClusterManager;
class DomainLabels;
class InspectionManager;
class MinutesController;
class PhotoManager;
class PhotoModel;
class PositionTracker;
class SettingsManager;
class ViolationFormController;
class ViolationModel;

// The inspection being done: starting it at the current position (with the outside-boundary
// warning), the checklist (ChecklistModel, each answer saved at once), violations, photos and
// submitting with the list of missing required items. The minutes' participants and texts are
// MinutesController's (minutes), and a violation's form is ViolationFormController's
// (violationForm); this class tells both what inspection is open.
class InspectionController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString inspectionId READ inspectionId NOTIFY inspectionChanged)
    Q_PROPERTY(bool active READ active NOTIFY inspectionChanged)
    Q_PROPERTY(QString clusterId READ clusterId NOTIFY inspectionChanged)
    Q_PROPERTY(QString clusterName READ clusterName NOTIFY inspectionChanged)
    Q_PROPERTY(QString status READ status NOTIFY inspectionChanged)
    // periodic, unscheduled, follow_up or progress_verification.
    Q_PROPERTY(QString kind READ kind NOTIFY inspectionChanged)
    Q_PROPERTY(bool editable READ editable NOTIFY inspectionChanged)
    Q_PROPERTY(bool deleted READ deleted NOTIFY inspectionChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY inspectionChanged)
    Q_PROPERTY(QString positionText READ positionText NOTIFY inspectionChanged)
    // Shown when the inspection was started: outside the boundary, no fix, outside Vietnam.
    Q_PROPERTY(QString positionWarning READ positionWarning NOTIFY inspectionChanged)
    Q_PROPERTY(QString manualPositionText READ manualPositionText NOTIFY manualPositionChanged)
    Q_PROPERTY(QString submitMessage READ submitMessage NOTIFY submitMessageChanged)
    Q_PROPERTY(QStringList missingItems READ missingItems NOTIFY submitMessageChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(ChecklistModel *checklist READ checklist CONSTANT)
    Q_PROPERTY(ViolationModel *violations READ violations CONSTANT)
    Q_PROPERTY(PhotoModel *photos READ photos CONSTANT)
    // The evidence photos of one violation (set its violationId).
    Q_PROPERTY(PhotoModel *violationPhotos READ violationPhotos CONSTANT)
    // Sections I (participants), II (findings) and III (conclusions) of the minutes.
    Q_PROPERTY(MinutesController *minutes READ minutes CONSTANT)
    // A violation's form: the violation it shows, its save and deletion, following a round.
    Q_PROPERTY(ViolationFormController *violationForm READ violationForm CONSTANT)
public:
    InspectionController(InspectionManager *inspections, ChecklistManager *checklists,
                         ClusterManager *clusters, PhotoManager *photos, PositionTracker *position,
                         SettingsManager *settings, DomainLabels *labels,
                         QObject *parent = nullptr);
    ~InspectionController() override;

    QString inspectionId() const { return m_id; }
    bool active() const { return !m_id.isEmpty(); }
    QString clusterId() const;
    QString clusterName() const;
    QString status() const;
    // A draft not deleted (a teammate's tablet may have discarded it: refreshPulled).
    bool editable() const { return status() == QLatin1String("draft") && !deleted(); }
    bool deleted() const { return !m_row.value(QStringLiteral("deleted_at")).isNull(); }
    QString summary() const;
    QString positionText() const;
    QString positionWarning() const { return m_positionWarning; }
    QString manualPositionText() const;
    QString submitMessage() const { return m_submitMessage; }
    QStringList missingItems() const { return m_missingItems; }
    QString lastError() const { return m_lastError; }
    ChecklistModel *checklist() const { return m_checklist; }
    ViolationModel *violations() const { return m_violations; }
    PhotoModel *photos() const { return m_photos; }
    PhotoModel *violationPhotos() const { return m_violationPhotos; }
    MinutesController *minutes() const { return m_minutes; }
    ViolationFormController *violationForm() const { return m_violationForm; }
    QString kind() const;

    // Starts a draft inspection of the cluster (kind: periodic, unscheduled, follow_up,
    // progress_verification) at the current position, or the manual one when set.
    Q_INVOKABLE bool start(const QString &clusterId,
                           const QString &kind = QStringLiteral("periodic"));
    CoreError startInspection(const QString &clusterId, const QString &kind);
    // Opens an existing inspection (a draft to continue, or a submitted one to read).
    Q_INVOKABLE bool open(const QString &inspectionId);
    Q_INVOKABLE void close();
    // A sync round wrote to this device: the open inspection's answers, violations and
    // participants are read again (forms keep what they show: see
    // ViolationFormController::saveViolation, MinutesController::saveFindings; formsPulled); when
    // a teammate's tablet submitted it meanwhile, the whole inspection is read again and is no
    // longer editable here; so too when a teammate's tablet discarded it (what was saved here
    // still goes to the registry, where a supervisor may bring it back).
    void refreshPulled();
    // Discards the draft being done.
    Q_INVOKABLE bool discard();

    // A coordinate typed by the inspector ("20.95", "106,03"); an empty string when accepted,
    // else the message to show next to the fields. Both empty clears it.
    Q_INVOKABLE QString setManualPosition(const QString &latitude, const QString &longitude);

    // Submits; on refusal submitMessage names each missing required item and the rows show it.
    Q_INVOKABLE bool submit();

    // Attaches a photo file (a path or a file: URL) to the inspection, to a question of it or to
    // a violation. fromCamera: the camera just wrote this file (position from the current fix).
    // Returns {ok, id, message, warnings}.
    Q_INVOKABLE QVariantMap attachPhoto(const QString &fileOrUrl, const QString &questionId = {},
                                        const QString &violationId = {}, bool fromCamera = false);
    Q_INVOKABLE QString removePhoto(const QString &photoId);
    Q_INVOKABLE QVariantMap photo(const QString &photoId) const;

signals:
    void inspectionChanged();
    void manualPositionChanged();
    void submitMessageChanged();
    void lastErrorChanged();
    void submitted();
    void photosChanged();
    // A sync round wrote to this device: the lists were read again, and open forms follow it
    // (ViolationFormController::followPulledViolation; MinutesController::followPulledTexts,
    // followPulledParticipant).
    void formsPulled();

private:
    void setLastError(const QString &message);
    void setSubmitMessage(const QString &message, const QStringList &missing);
    void loadInspection(const QString &id);

    InspectionManager *m_inspections;
    ChecklistManager *m_checklists;
    ClusterManager *m_clusters;
    PhotoManager *m_photoManager;
    PositionTracker *m_position;
    SettingsManager *m_settings;
    DomainLabels *m_labels;
    ChecklistModel *m_checklist;
    ViolationModel *m_violations;
    PhotoModel *m_photos;
    PhotoModel *m_violationPhotos;
    MinutesController *m_minutes;
    ViolationFormController *m_violationForm;

    QString m_id;
    // As opened (what the page shows), and as read again when submitted or when a round changed
    // its status; its texts as the minutes' form has them are MinutesController's.
    QVariantMap m_row;
    QString m_positionWarning;
    QString m_submitMessage;
    QStringList m_missingItems;
    QString m_lastError;
    bool m_hasManual = false;
    double m_manualLat = 0, m_manualLon = 0;
};
