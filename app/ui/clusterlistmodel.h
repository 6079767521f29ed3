#pragma once

#include "variantlistmodel.h"

class ClusterManager;
class DomainLabels;

// The cluster list: search text (ignoring case and diacritics: "dong huong" finds "Đồng Hướng")
// and filters (status, no operating wastewater plant, open violations). Each change reloads.
// Created with Loading::Later, it stays empty (loaded false) until reload() is called: the app
// shows its first frame before it reads the clusters.
class ClusterListModel : public VariantListModel
{
    Q_OBJECT
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)
    Q_PROPERTY(
        QString statusFilter READ statusFilter WRITE setStatusFilter NOTIFY statusFilterChanged)
    Q_PROPERTY(bool noWastewaterPlant READ noWastewaterPlant WRITE setNoWastewaterPlant NOTIFY
                   noWastewaterPlantChanged)
    Q_PROPERTY(bool openViolationsOnly READ openViolationsOnly WRITE setOpenViolationsOnly NOTIFY
                   openViolationsOnlyChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
public:
    enum Role {
        IdRole = Qt::UserRole,
        NameRole,
        CodeRole,
        StatusRole,
        StatusLabelRole,
        ProvinceRole,
        FillRateRole,
        FillRateTextRole,
        OpenViolationsRole,
        TenantCountRole,
        WwtpStatusRole,
        WwtpLabelRole,
        AreaTextRole,
        IsDemoRole,
    };
    Q_ENUM(Role)

    enum class Loading { Now, Later };

    ClusterListModel(ClusterManager *clusters, DomainLabels *labels, QObject *parent = nullptr,
                     Loading loading = Loading::Now);

    QString searchText() const { return m_searchText; }
    void setSearchText(const QString &text);
    QString statusFilter() const { return m_status; }
    void setStatusFilter(const QString &status);
    bool noWastewaterPlant() const { return m_noWwtp; }
    void setNoWastewaterPlant(bool on);
    bool openViolationsOnly() const { return m_openViolations; }
    void setOpenViolationsOnly(bool on);
    // False until the first reload() (Loading::Later).
    bool loaded() const { return m_loaded; }

    Q_INVOKABLE void reload();
    Q_INVOKABLE void clearFilters();

signals:
    void searchTextChanged();
    void statusFilterChanged();
    void noWastewaterPlantChanged();
    void openViolationsOnlyChanged();
    void loadedChanged();

private:
    ClusterManager *m_clusters;
    DomainLabels *m_labels;
    QString m_searchText;
    QString m_status;
    bool m_noWwtp = false;
    bool m_openViolations = false;
    bool m_loaded = false;
};
