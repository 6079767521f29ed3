#pragma once

#include "coreerror.h"

#include <QObject>
#include <QSqlDatabase>
#include <QVariantList>
#include <QVariantMap>

// Owns the clusters and what hangs off them (tenants, infrastructure items, boundary markers) as
// the device stores them. Rows come back as column -> value maps with derived figures added:
// fill_rate (leased ÷ industrial land, never stored), open_violations, tenant_count.
class ClusterManager : public QObject
{
    Q_OBJECT
public:
    struct Filter {
        QString text;   // folded and matched anywhere in name, code, investor, place
        QString status; // empty = any
        bool noWastewaterPlant = false;
        bool openViolations = false;
    };

    explicit ClusterManager(QSqlDatabase db, QObject *parent = nullptr);

    QVariantList clusters(const Filter &filter) const;
    QVariantMap cluster(const QString &id) const;
    QVariantList tenants(const QString &clusterId) const;
    QVariantList inspections(const QString &clusterId) const;
    QVariantList openViolations(const QString &clusterId) const;
    // Infrastructure items with their latest progress reading.
    QVariantList infrastructure(const QString &clusterId) const;
    QVariantList boundaryMarkers(const QString &clusterId) const;
    static QStringList statuses();

    // fill rate in percent, or a null QVariant when the industrial land is unknown or zero.
    static QVariant fillRate(const QVariant &industrialLandHa, const QVariant &leasedLandHa);

private:
    QSqlDatabase m_db;
};
