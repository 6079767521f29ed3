#pragma once

#include "coreerror.h"

#include <QObject>

#include <memory>

Q_MOC_INCLUDE("settingsmanager.h")
Q_MOC_INCLUDE("domainlabels.h")
Q_MOC_INCLUDE("positiontracker.h")
Q_MOC_INCLUDE("clusterlistmodel.h")
Q_MOC_INCLUDE("searchresultmodel.h")
Q_MOC_INCLUDE("clustercontroller.h")
Q_MOC_INCLUDE("inspectioncontroller.h")
Q_MOC_INCLUDE("violationcatalogmodel.h")

class ChecklistManager;
class ClusterController;
class ClusterListModel;
class ClusterManager;
class Database;
class DomainLabels;
class InspectionController;
class InspectionManager;
class PhotoManager;
class PositionTracker;
class RecordLookup;
class SearchIndex;
class SearchResultModel;
class SettingsManager;
class ViolationCatalogModel;

// The session: owns the database, the managers and what the pages bind to.
// open() uses the user's database (<dataDir>/ccn.sqlite, seeded with the checklist templates
// only) or, in demo mode, a separate file (<dataDir>/demo/ccn-demo.sqlite, seeded with the demo
// data): demo rows never reach the real database. A database written by a newer app is not
// opened; its CoreError message is shown instead (errorMessage).
class AppController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool ready READ ready NOTIFY readyChanged)
    Q_PROPERTY(bool demo READ demo NOTIFY readyChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY readyChanged)
    Q_PROPERTY(QString databasePath READ databasePath NOTIFY readyChanged)
    Q_PROPERTY(SettingsManager *settings READ settings CONSTANT)
    Q_PROPERTY(DomainLabels *labels READ labels CONSTANT)
    Q_PROPERTY(PositionTracker *position READ position CONSTANT)
    Q_PROPERTY(ClusterListModel *clusters READ clusters NOTIFY readyChanged)
    Q_PROPERTY(SearchResultModel *search READ search NOTIFY readyChanged)
    Q_PROPERTY(ClusterController *cluster READ cluster NOTIFY readyChanged)
    Q_PROPERTY(InspectionController *inspection READ inspection NOTIFY readyChanged)
    Q_PROPERTY(ViolationCatalogModel *catalog READ catalog NOTIFY readyChanged)
public:
    // settings: not owned; null = the application's default settings (owned).
    explicit AppController(SettingsManager *settings = nullptr, QObject *parent = nullptr);
    ~AppController() override;

    // The directory for the user's data: QStandardPaths::AppDataLocation.
    static QString defaultDataDir();
    static QString databasePathFor(const QString &dataDir, bool demo);

    // Later: the cluster list stays empty (clusters()->loaded() false) until
    // clusters()->reload(); the app's start reads it after its first frame is on screen.
    enum class ClusterListLoading { Now, Later };
    CoreError open(const QString &dataDir, bool demo,
                   ClusterListLoading listLoading = ClusterListLoading::Now);
    void close();

    bool ready() const { return m_ready; }
    bool demo() const { return m_demo; }
    QString errorMessage() const { return m_error.message(); }
    CoreError error() const { return m_error; }
    QString databasePath() const;
    // The directory of the open database, holding photos/ and thumbs/.
    QString dataRoot() const;

    SettingsManager *settings() const { return m_settings; }
    DomainLabels *labels() const { return m_labels; }
    PositionTracker *position() const { return m_position; }
    ClusterListModel *clusters() const { return m_clusterList; }
    SearchResultModel *search() const { return m_search; }
    ClusterController *cluster() const { return m_cluster; }
    InspectionController *inspection() const { return m_inspection; }
    ViolationCatalogModel *catalog() const { return m_catalog; }

    Database *database() const { return m_db.get(); }
    InspectionManager *inspectionManager() const { return m_inspections.get(); }
    ClusterManager *clusterManager() const { return m_clusterManager.get(); }
    PhotoManager *photoManager() const { return m_photos.get(); }

    // Starts the position source the settings name (an NMEA log or the default source);
    // the tracker's errorMessage tells why there is none.
    CoreError startPosition();
    // Averages the fixes of the next milliseconds; an empty string, or why it cannot start.
    Q_INVOKABLE QString startAveraging(int durationMs = 5000);
    // Restarts the position source after the settings changed; an empty string or why not.
    Q_INVOKABLE QString restartPosition();
    // Reads the cluster list and the open cluster again: after the database changed under
    // them (a saved inspection, rows pulled from the registry).
    void reloadShown();
    // After a sync round wrote to the database: what reloadShown reloads, and the open
    // inspection (InspectionController::refreshPulled).
    void reloadPulled();
    // Searches again: rows pulled earlier became searchable (SyncClient::searchBacklogChanged).
    void reloadSearch();
    // Reads the open inspection's photos again: a round brought their rows or thumbnails, or an
    // original arrived (SyncClient::roundFinished, originalReady).
    void reloadPhotos();

signals:
    void readyChanged();

private:
    void setReady(bool ready, const CoreError &error);

    SettingsManager *m_settings;
    std::unique_ptr<SettingsManager> m_ownedSettings;
    DomainLabels *m_labels;
    PositionTracker *m_position;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ClusterManager> m_clusterManager;
    std::unique_ptr<InspectionManager> m_inspections;
    std::unique_ptr<ChecklistManager> m_checklists;
    std::unique_ptr<SearchIndex> m_searchIndex;
    std::unique_ptr<RecordLookup> m_records;
    std::unique_ptr<PhotoManager> m_photos;
    ClusterListModel *m_clusterList = nullptr;
    SearchResultModel *m_search = nullptr;
    ClusterController *m_cluster = nullptr;
    InspectionController *m_inspection = nullptr;
    ViolationCatalogModel *m_catalog = nullptr;
    bool m_ready = false;
    bool m_demo = false;
    CoreError m_error;
};
