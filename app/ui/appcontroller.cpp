#include "appcontroller.h"

#include "checklistmanager.h"
#include "clustercontroller.h"
#include "clusterlistmodel.h"
#include "clustermanager.h"
#include "database.h"
#include "demodataloader.h"
#include "domainlabels.h"
#include "inspectioncontroller.h"
#include "inspectionmanager.h"
#include "photomanager.h"
#include "photomodel.h"
#include "positionsourceoptions.h"
#include "positiontracker.h"
#include "recordlookup.h"
#include "searchindex.h"
#include "searchresultmodel.h"
#include "settingsmanager.h"
#include "violationcatalogmodel.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

AppController::AppController(SettingsManager *settings, QObject *parent)
    : QObject(parent), m_settings(settings), m_labels(new DomainLabels(this)),
      m_position(new PositionTracker(this))
{
    if (!m_settings) {
        m_ownedSettings = std::make_unique<SettingsManager>();
        m_settings = m_ownedSettings.get();
    }
    auto applyLocale = [this] {
        m_labels->setLocale(m_settings->language() == QLatin1String("en")
                                ? QLocale(QLocale::English, QLocale::UnitedKingdom)
                                : QLocale(QLocale::Vietnamese, QLocale::Vietnam));
    };
    applyLocale();
    connect(m_settings, &SettingsManager::languageChanged, this, [this, applyLocale] {
        applyLocale();
        if (m_clusterList)
            m_clusterList->reload();
        if (m_cluster)
            m_cluster->reload();
    });
}

AppController::~AppController()
{
    close();
}

QString AppController::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString AppController::databasePathFor(const QString &dataDir, bool demo)
{
    return demo ? QDir(dataDir).filePath(QStringLiteral("demo/ccn-demo.sqlite"))
                : QDir(dataDir).filePath(QStringLiteral("ccn.sqlite"));
}

QString AppController::dataRoot() const
{
    return m_db ? QFileInfo(m_db->path()).absolutePath() : QString();
}

QString AppController::databasePath() const
{
    return m_db ? m_db->path() : QString();
}

void AppController::setReady(bool ready, const CoreError &error)
{
    m_ready = ready;
    m_error = error;
    emit readyChanged();
}

void AppController::close()
{
    const bool wasReady = m_ready;
    delete m_inspection;
    delete m_cluster;
    delete m_search;
    delete m_clusterList;
    delete m_catalog;
    m_inspection = nullptr;
    m_cluster = nullptr;
    m_search = nullptr;
    m_clusterList = nullptr;
    m_catalog = nullptr;
    m_photos.reset();
    m_labels->setRecordLookup(nullptr);
    m_records.reset();
    m_searchIndex.reset();
    m_checklists.reset();
    m_inspections.reset();
    m_clusterManager.reset();
    if (m_db)
        m_db->close();
    m_db.reset();
    m_ready = false;
    if (wasReady)
        emit readyChanged();
}

CoreError AppController::open(const QString &dataDir, bool demo, ClusterListLoading listLoading)
{
    close();
    m_demo = demo;
    const QString path = databasePathFor(dataDir, demo);
    const QString root = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(root)) {
        const CoreError e(
            CoreError::Code::Io,
            tr("Không tạo được thư mục dữ liệu %1. Hãy kiểm tra bộ nhớ của máy.").arg(root));
        setReady(false, e);
        return e;
    }
    auto db = std::make_unique<Database>();
    CoreError e = db->open(path);
    if (e.failed()) {
        setReady(false, e);
        return e;
    }
    DemoDataLoader loader(db->connection());
    e = demo ? loader.loadDefaults() : loader.loadChecklist();
    if (e.failed()) {
        db->close();
        setReady(false, e);
        return e;
    }
    // photos/ and thumbs/ beside the database (the layout SyncClient reads too).
    auto photos = std::make_unique<PhotoManager>(db->connection(), root);
    e = photos->open();
    if (e.failed()) {
        db->close();
        setReady(false, e);
        return e;
    }
    m_db = std::move(db);
    m_photos = std::move(photos);
    const QSqlDatabase conn = m_db->connection();
    m_clusterManager = std::make_unique<ClusterManager>(conn);
    m_inspections = std::make_unique<InspectionManager>(conn);
    m_checklists = std::make_unique<ChecklistManager>(conn);
    m_searchIndex = std::make_unique<SearchIndex>(conn);
    // The sync page names the rows of conflicts and refused changes from this database.
    m_records = std::make_unique<RecordLookup>(conn);
    m_labels->setRecordLookup(m_records.get());
    m_clusterList = new ClusterListModel(m_clusterManager.get(), m_labels, this,
                                         listLoading == ClusterListLoading::Later
                                             ? ClusterListModel::Loading::Later
                                             : ClusterListModel::Loading::Now);
    m_search = new SearchResultModel(m_searchIndex.get(), this);
    m_cluster = new ClusterController(m_clusterManager.get(), m_inspections.get(), m_labels, this);
    m_catalog = new ViolationCatalogModel(m_labels, this);
    m_inspection =
        new InspectionController(m_inspections.get(), m_checklists.get(), m_clusterManager.get(),
                                 m_photos.get(), m_position, m_settings, m_labels, this);
    // A started or submitted inspection changes the cluster's figures and the list.
    connect(m_inspections.get(), &InspectionManager::inspectionChanged, this,
            &AppController::reloadShown);
    // The position panel warns when the inspector is outside the open cluster's boundary.
    connect(m_cluster, &ClusterController::loaded, this, [this] {
        m_position->setBoundaryGeoJson(
            m_cluster->cluster().value(QStringLiteral("boundary_geojson")).toString());
    });
    setReady(true, CoreError::none());
    return {};
}

void AppController::reloadShown()
{
    if (!m_ready)
        return;
    // A list still waiting for its first load (ClusterListLoading::Later) is read then.
    if (m_clusterList->loaded())
        m_clusterList->reload();
    if (!m_cluster->clusterId().isEmpty())
        m_cluster->reload();
}

void AppController::reloadPulled()
{
    if (!m_ready)
        return;
    reloadShown();
    m_inspection->refreshPulled();
}

void AppController::reloadPhotos()
{
    if (!m_ready)
        return;
    m_inspection->photos()->reload();
    m_inspection->violationPhotos()->reload();
}

void AppController::reloadSearch()
{
    if (m_ready && m_search)
        m_search->reload();
}

CoreError AppController::startPosition()
{
    m_position->stop();
    PositionSourceOptions options;
    if (m_settings->positionSource() == QLatin1String("nmea") && !m_settings->nmeaFile().isEmpty())
        options = PositionSourceOptions::nmea(m_settings->nmeaFile());
    m_position->setSourceOptions(options);
    return m_position->start();
}

QString AppController::startAveraging(int durationMs)
{
    return m_position->startAveraging(qBound(1000, durationMs, 60000)).message();
}

QString AppController::restartPosition()
{
    return startPosition().message();
}
