#include "inspectioncontroller.h"

#include "checklistmanager.h"
#include "checklistmodel.h"
#include "clustermanager.h"
#include "coordinatevalidator.h"
#include "domainlabels.h"
#include "geoboundary.h"
#include "inspectionmanager.h"
#include "minutescontroller.h"
#include "photomanager.h"
#include "photomodel.h"
#include "positiontracker.h"
#include "settingsmanager.h"
#include "violationformcontroller.h"
#include "violationmodel.h"

#include <QDate>
#include <QFileInfo>
#include <QLocale>
#include <QUrl>
#include <cmath>

namespace {
bool parseCoordinate(const QString &text, double *out)
{
    QString t = text.trimmed();
    t.remove(QLatin1Char(' '));
    t.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double v = QLocale::c().toDouble(t, &ok);
    if (ok && std::isfinite(v))
        *out = v;
    return ok && std::isfinite(v);
}

} // namespace

InspectionController::InspectionController(InspectionManager *inspections,
                                           ChecklistManager *checklists, ClusterManager *clusters,
                                           PhotoManager *photos, PositionTracker *position,
                                           SettingsManager *settings, DomainLabels *labels,
                                           QObject *parent)
    : QObject(parent), m_inspections(inspections), m_checklists(checklists), m_clusters(clusters),
      m_photoManager(photos), m_position(position), m_settings(settings), m_labels(labels),
      m_checklist(new ChecklistModel(inspections, checklists, photos, this)),
      m_violations(new ViolationModel(inspections, labels, this)),
      m_photos(new PhotoModel(photos, labels, this)),
      m_violationPhotos(new PhotoModel(photos, labels, this)),
      m_minutes(new MinutesController(inspections, this)),
      m_violationForm(new ViolationFormController(inspections, m_violations, labels, this))
{
    // A violation followed up from the cluster page may belong to the inspection shown here.
    connect(inspections, &InspectionManager::inspectionChanged, this, [this](const QString &id) {
        if (!m_id.isEmpty() && id == m_id)
            m_violations->reload();
    });
}

InspectionController::~InspectionController() = default;

QString InspectionController::clusterId() const
{
    return m_row.value(QStringLiteral("cluster_id")).toString();
}

QString InspectionController::clusterName() const
{
    return m_row.value(QStringLiteral("cluster_name")).toString();
}

QString InspectionController::status() const
{
    return m_row.value(QStringLiteral("status")).toString();
}

QString InspectionController::summary() const
{
    if (m_row.isEmpty())
        return QString();
    return QStringLiteral("%1 · %2 · %3")
        .arg(m_labels->inspectionKind(m_row.value(QStringLiteral("kind")).toString()),
             m_labels->dateTime(m_row.value(QStringLiteral("started_at"))),
             m_labels->inspectionStatus(status()));
}

QString InspectionController::positionText() const
{
    if (m_row.isEmpty() || m_row.value(QStringLiteral("lat")).isNull())
        return tr("Không có toạ độ");
    const QVariant acc = m_row.value(QStringLiteral("accuracy_m"));
    QString s =
        QStringLiteral("%1, %2").arg(m_labels->number(m_row.value(QStringLiteral("lat")), 6),
                                     m_labels->number(m_row.value(QStringLiteral("lon")), 6));
    if (!acc.isNull() && std::isfinite(acc.toDouble()) && acc.toDouble() >= 0)
        s += QStringLiteral(" (± %1 m)").arg(m_labels->number(acc, 0));
    return s;
}

QString InspectionController::manualPositionText() const
{
    if (!m_hasManual)
        return QString();
    return QStringLiteral("%1, %2").arg(m_labels->number(m_manualLat, 6),
                                        m_labels->number(m_manualLon, 6));
}

void InspectionController::setLastError(const QString &message)
{
    if (message == m_lastError)
        return;
    m_lastError = message;
    emit lastErrorChanged();
}

void InspectionController::setSubmitMessage(const QString &message, const QStringList &missing)
{
    if (message == m_submitMessage && missing == m_missingItems)
        return;
    m_submitMessage = message;
    m_missingItems = missing;
    emit submitMessageChanged();
}

QString InspectionController::setManualPosition(const QString &latitude, const QString &longitude)
{
    if (latitude.trimmed().isEmpty() && longitude.trimmed().isEmpty()) {
        if (m_hasManual) {
            m_hasManual = false;
            emit manualPositionChanged();
        }
        return QString();
    }
    double lat = 0, lon = 0;
    if (!parseCoordinate(latitude, &lat))
        return tr("Vĩ độ “%1” không phải là số (ví dụ: 20,0456).").arg(latitude.left(40));
    if (!parseCoordinate(longitude, &lon))
        return tr("Kinh độ “%1” không phải là số (ví dụ: 106,0212).").arg(longitude.left(40));
    const CoreError e = CoordinateValidator::validate(lat, lon);
    if (e.failed())
        return e.message();
    m_hasManual = true;
    m_manualLat = lat;
    m_manualLon = lon;
    emit manualPositionChanged();
    return QString();
}

bool InspectionController::start(const QString &clusterId, const QString &kind)
{
    const CoreError e = startInspection(clusterId, kind);
    setLastError(e.message());
    return e.ok();
}

CoreError InspectionController::startInspection(const QString &clusterId, const QString &kind)
{
    const QVariantMap cluster = m_clusters->cluster(clusterId);
    if (cluster.isEmpty())
        return {CoreError::Code::NotFound, tr("Không tìm thấy cụm công nghiệp này.")};
    const QString templateId = m_checklists->newestTemplateId();
    if (templateId.isEmpty())
        return {CoreError::Code::NotFound,
                tr("Chưa có mẫu phiếu kiểm tra trên máy. Hãy đồng bộ dữ liệu rồi thử lại.")};

    InspectionManager::StartPosition pos;
    QString warning;
    if (m_hasManual) {
        pos.valid = true;
        pos.lat = m_manualLat;
        pos.lon = m_manualLon;
        pos.accuracyM = qQNaN();
        pos.at = QDateTime::currentMSecsSinceEpoch();
    } else if (m_position && m_position->hasFix()) {
        const PositionFix fix = m_position->fix();
        const CoreError inVn = CoordinateValidator::validate(fix.latitude, fix.longitude);
        if (inVn.failed()) {
            warning =
                tr("Vị trí từ thiết bị không hợp lệ nên không được ghi: %1").arg(inVn.message());
        } else {
            pos.valid = true;
            pos.lat = fix.latitude;
            pos.lon = fix.longitude;
            pos.accuracyM = fix.hasAccuracy() ? fix.accuracyM : qQNaN();
            pos.at = fix.timestamp.isValid() ? fix.timestamp.toMSecsSinceEpoch()
                                             : QDateTime::currentMSecsSinceEpoch();
        }
    } else {
        warning = tr("Chưa có vị trí: cuộc kiểm tra được bắt đầu không kèm toạ độ. Có thể nhập "
                     "toạ độ bằng tay trong bảng vị trí.");
    }
    if (pos.valid) {
        CoreError boundaryError;
        const GeoBoundary boundary = GeoBoundary::fromGeoJson(
            cluster.value(QStringLiteral("boundary_geojson")).toString(), &boundaryError);
        if (boundary.isValid() && !boundary.contains(pos.lat, pos.lon)) {
            pos.outsideBoundary = true;
            warning = tr("Cảnh báo: vị trí hiện tại nằm ngoài ranh giới cụm, cách khoảng %1 m. "
                         "Hãy kiểm tra lại bạn đang ở đúng cụm %2.")
                          .arg(m_labels->number(boundary.distanceOutsideM(pos.lat, pos.lon), 0),
                               cluster.value(QStringLiteral("name")).toString());
        }
    }
    if (!std::isfinite(pos.accuracyM))
        pos.accuracyM = -1;
    QString id;
    // A null QString would be stored as NULL (the column is NOT NULL): use an empty one.
    QString inspector = m_settings ? m_settings->inspectorName() : QString();
    if (inspector.isNull())
        inspector = QStringLiteral("");
    CoreError e = m_inspections->start(clusterId, kind, templateId, inspector, pos, &id);
    if (e.failed())
        return e;
    m_positionWarning = warning;
    loadInspection(id);
    return {};
}

bool InspectionController::open(const QString &inspectionId)
{
    if (m_inspections->inspection(inspectionId).isEmpty()) {
        setLastError(tr("Không tìm thấy cuộc kiểm tra."));
        return false;
    }
    m_positionWarning.clear();
    loadInspection(inspectionId);
    setLastError(QString());
    return true;
}

void InspectionController::loadInspection(const QString &id)
{
    m_id = id;
    m_row = m_inspections->inspection(id);
    // accuracy -1 means unknown (the core stores what it is given).
    if (m_row.value(QStringLiteral("accuracy_m")).toDouble() < 0)
        m_row.insert(QStringLiteral("accuracy_m"), QVariant());
    setSubmitMessage(QString(), {});
    m_checklist->load(id);
    m_violations->load(id);
    m_violationForm->load(id, editable());
    m_photos->load(id);
    m_minutes->load(id, m_row);
    emit inspectionChanged();
}

void InspectionController::close()
{
    m_id.clear();
    m_row.clear();
    m_positionWarning.clear();
    m_checklist->clear();
    m_violations->load(QString());
    m_violationForm->load(QString(), false);
    m_photos->load(QString());
    m_minutes->load(QString(), {});
    setSubmitMessage(QString(), {});
    emit inspectionChanged();
}

bool InspectionController::discard()
{
    const CoreError e = m_inspections->discardDraft(m_id);
    setLastError(e.message());
    if (e.ok())
        close();
    return e.ok();
}

bool InspectionController::submit()
{
    if (m_id.isEmpty())
        return false;
    const CoreError e = m_inspections->submit(m_id);
    if (e.failed()) {
        if (e.code() == CoreError::Code::MissingAnswers) {
            setSubmitMessage(e.message(), m_inspections->missingRequired(m_id));
            m_checklist->markMissing();
        } else {
            setSubmitMessage(e.message(), {});
        }
        return false;
    }
    setSubmitMessage(QString(), {});
    m_row = m_inspections->inspection(m_id);
    m_minutes->setTexts(m_row);
    m_violationForm->setEditable(editable());
    emit inspectionChanged();
    emit submitted();
    return true;
}

void InspectionController::refreshPulled()
{
    if (m_id.isEmpty())
        return;
    m_checklist->refreshAnswers();
    m_violations->reload();
    m_minutes->reloadPulled();
    emit formsPulled();
    const QVariantMap now = m_inspections->inspection(m_id);
    const QString status = QStringLiteral("status");
    const QString deletedAt = QStringLiteral("deleted_at");
    if (now.value(status) == m_row.value(status) &&
        now.value(deletedAt).isNull() == m_row.value(deletedAt).isNull())
        return;
    m_row = now;
    if (m_row.value(QStringLiteral("accuracy_m")).toDouble() < 0)
        m_row.insert(QStringLiteral("accuracy_m"), QVariant());
    m_minutes->setTexts(m_row);
    m_violationForm->setEditable(editable());
    emit inspectionChanged();
}

QVariantMap InspectionController::attachPhoto(const QString &fileOrUrl, const QString &questionId,
                                              const QString &violationId, bool fromCamera)
{
    auto fail = [](const QString &message) {
        return QVariantMap{{QStringLiteral("ok"), false}, {QStringLiteral("message"), message}};
    };
    if (m_id.isEmpty())
        return fail(tr("Hãy bắt đầu một cuộc kiểm tra trước khi thêm ảnh."));
    const QUrl url(fileOrUrl);
    const QString path = url.isLocalFile() ? url.toLocalFile() : fileOrUrl;
    if (!QFileInfo(path).isFile())
        return fail(tr("Không tìm thấy tệp ảnh: %1").arg(path));
    PhotoLink link = violationId.isEmpty() ? PhotoLink::forInspection(m_id, questionId)
                                           : PhotoLink::forViolation(violationId, m_id);
    PhotoFix fix;
    if (fromCamera && m_position && m_position->hasFix()) {
        const PositionFix f = m_position->fix();
        fix = PhotoFix(f.latitude, f.longitude, f.accuracyM,
                       f.timestamp.isValid() ? f.timestamp.toMSecsSinceEpoch()
                                             : QDateTime::currentMSecsSinceEpoch());
    }
    PhotoIngestResult result;
    const CoreError e = m_photoManager->ingestFile(
        path, link, fromCamera ? PhotoRecord::Source::Camera : PhotoRecord::Source::File, fix,
        &result);
    if (e.failed())
        return fail(e.message());
    m_photos->reload();
    m_violationPhotos->reload();
    m_checklist->refreshPhotos();
    m_violations->reload();
    emit photosChanged();
    return {{QStringLiteral("ok"), true},
            {QStringLiteral("id"), result.record.id},
            {QStringLiteral("warnings"), result.warnings}};
}

QString InspectionController::removePhoto(const QString &photoId)
{
    const CoreError e = m_photoManager->remove(photoId);
    if (e.ok()) {
        m_photos->reload();
        m_violationPhotos->reload();
        m_checklist->refreshPhotos();
        m_violations->reload();
        emit photosChanged();
    }
    return e.message();
}

QVariantMap InspectionController::photo(const QString &photoId) const
{
    PhotoRecord record;
    if (m_photoManager->photo(photoId, &record).failed())
        return {};
    return m_photos->describe(record);
}

QString InspectionController::kind() const
{
    return m_row.value(QStringLiteral("kind")).toString();
}
