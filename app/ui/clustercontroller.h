#pragma once

#include <QObject>
#include <QVariantList>
#include <QVariantMap>

class ClusterManager;
class DomainLabels;
class InspectionManager;

// The cluster page: key figures (fill rate derived from leased ÷ industrial land), tenants, past
// inspections, open violations and infrastructure progress of one cluster.
class ClusterController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString clusterId READ clusterId NOTIFY loaded)
    Q_PROPERTY(QString name READ name NOTIFY loaded)
    Q_PROPERTY(bool found READ found NOTIFY loaded)
    // Raw row with derived figures (fill_rate, open_violations, tenant_count).
    Q_PROPERTY(QVariantMap cluster READ cluster NOTIFY loaded)
    // [{label, value}] ready to show, in reading order.
    Q_PROPERTY(QVariantList figures READ figures NOTIFY loaded)
    Q_PROPERTY(double fillRate READ fillRate NOTIFY loaded)
    Q_PROPERTY(QVariantList tenants READ tenants NOTIFY loaded)
    Q_PROPERTY(QVariantList inspections READ inspections NOTIFY loaded)
    // Rows add severityLabel, statusLabel, deadlineText and nextStatuses [{value, label}]: the
    // forward moves of the follow-up state machine.
    Q_PROPERTY(QVariantList openViolations READ openViolations NOTIFY loaded)
    // Rows add kindLabel, percent (-1: no reading), percentText and latestText (date of it).
    Q_PROPERTY(QVariantList infrastructure READ infrastructure NOTIFY loaded)
public:
    ClusterController(ClusterManager *clusters, InspectionManager *inspections,
                      DomainLabels *labels, QObject *parent = nullptr);

    QString clusterId() const { return m_id; }
    QString name() const { return m_cluster.value(QStringLiteral("name")).toString(); }
    bool found() const { return !m_cluster.isEmpty(); }
    QVariantMap cluster() const { return m_cluster; }
    QVariantList figures() const { return m_figures; }
    // Percent, or -1 when unknown.
    double fillRate() const;
    QVariantList tenants() const { return m_tenants; }
    QVariantList inspections() const { return m_inspections; }
    QVariantList openViolations() const { return m_violations; }
    QVariantList infrastructure() const { return m_infrastructure; }

    Q_INVOKABLE void load(const QString &clusterId);
    Q_INVOKABLE void reload();

    // Moves an open violation forward (see InspectionManager::setViolationStatus), also when its
    // inspection was submitted. An empty string, or the message to show beside the violation.
    Q_INVOKABLE QString setViolationStatus(const QString &violationId, const QString &status);

    // The readings of an infrastructure item, newest first: {id, percent, percentText, dateText,
    // note, inInspection}.
    Q_INVOKABLE QVariantList progressHistory(const QString &itemId) const;
    // Records a reading as typed: percent ("62,5", "62.5 %"), date (dd/MM/yyyy or yyyy-MM-dd,
    // not in the future), note; inspectionId links it to the draft being done (may be empty).
    // Returns {ok, id, message, errors: {percent|date|note: message}}; nothing saved when !ok.
    Q_INVOKABLE QVariantMap recordProgress(const QString &itemId, const QString &percent,
                                           const QString &date, const QString &note,
                                           const QString &inspectionId = QString());

signals:
    void loaded();

private:
    ClusterManager *m_clusters;
    InspectionManager *m_inspectionManager;
    DomainLabels *m_labels;
    QString m_id;
    QVariantMap m_cluster;
    QVariantList m_figures, m_tenants, m_inspections, m_violations, m_infrastructure;
};
