#include "syncclient.h"

#include "rejecteddiscard.h"

#include "commitwatch.h"
#include "conflictedchanges.h"
#include "migrator.h"
#include "phototransfer.h"
#include "pullphase.h"
#include "searchbacklog.h"
#include "synchttp.h"
#include "syncworker.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QLocale>
#include <QNetworkInformation>
#include <QSysInfo>
#include <QTimer>

namespace {
qint64 parseExpiry(const QJsonValue &v)
{
    if (v.isDouble())
        return qint64(v.toDouble());
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}
} // namespace

SyncClient::SyncClient(QSqlDatabase db, const QString &dataRoot, QObject *parent)
    : QObject(parent), m_manager(std::move(db)), m_dataRoot(dataRoot), m_http(new SyncHttp(this)),
      m_sideHttp(new SyncHttp(this)), m_fileHttp(new SyncHttp(this)),
      m_aheadHttp(new SyncHttp(this))
{
    m_serverUrl = QUrl(m_manager.value(QStringLiteral("server_url")));
    m_auth = m_manager.auth();
    for (SyncHttp *h : {m_http, m_sideHttp, m_fileHttp, m_aheadHttp})
        configureHttp(h);
    // The supervisor's two lists are fetched together (the sync page asks for both), and a
    // resolution may be sent while they are away: none of them may drop another.
    m_sideHttp->setOneAtATime(false);
    m_photos = new PhotoTransfer(m_manager, m_dataRoot, m_http, m_fileHttp, photoRound(), this);
    connect(m_photos, &PhotoTransfer::originalReady, this, &SyncClient::originalReady);
    connect(m_photos, &PhotoTransfer::originalFailed, this, &SyncClient::originalFailed);
    connect(m_photos, &PhotoTransfer::originalProgress, this, &SyncClient::originalProgress);
    m_pull = new PullPhase(m_manager, m_http, m_aheadHttp, pullRound(), this);
    m_discards = new DiscardPhase(m_http, discardRound(), this);
    m_localCommits = new CommitWatch(m_manager.database(), 500, this);
    connect(m_localCommits, &CommitWatch::committed, this, [this] {
        if (!m_syncing) // a round counts again as it goes and when it ends
            refreshCounts();
    });
    m_timer.setInterval(15 * 60 * 1000);
    connect(&m_timer, &QTimer::timeout, this, [this]() {
        if (m_autoSync && m_online && loggedIn())
            sync();
    });

    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        if (QNetworkInformation *ni = QNetworkInformation::instance()) {
            connect(ni, &QNetworkInformation::reachabilityChanged, this,
                    &SyncClient::updateReachability);
            updateReachability();
        }
    }
    m_timer.start();
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this]() {
        m_nextRetryAt = 0;
        emit nextRetryChanged();
        // Offline by the system's word: the network's return starts the round (setOnline).
        // Without that word, trying is how the device learns that the registry is back.
        if (m_autoSync && (m_online || !m_hasReachability) && loggedIn() && !m_syncing)
            sync();
    });
    refreshCounts();
    // Rows left unindexed when the app last stopped are indexed once it is up.
    if (const CoreError e = SearchBacklog::count(m_manager.database(), &m_searchBacklog);
        e.failed())
        qWarning("search: %s", qPrintable(e.message()));
    if (m_searchBacklog > 0)
        QTimer::singleShot(0, this, &SyncClient::indexSearchBacklog);
}

SyncClient::~SyncClient() = default;

PhotoTransfer::Round SyncClient::photoRound()
{
    PhotoTransfer::Round round;
    round.going = [this] { return m_syncing; };
    round.progress = [this](double p, const QString &phase) { return setProgress(p, phase); };
    round.recount = [this] { return refreshCounts(); };
    round.replied = [this](const SyncReply &r) { return noteReply(r); };
    round.endsRound = [this](const SyncReply &r, const PhotoTransfer::Ending &ending) {
        return replyEndsRound(r, ending);
    };
    round.finish = [this](const CoreError &e, SyncErrors::Kind kind) { finishRound(e, kind); };
    return round;
}

PullPhase::Round SyncClient::pullRound()
{
    PullPhase::Round pull;
    pull.number = [this] { return m_syncing ? m_round : 0; };
    pull.advance = [this](double p, const QString &phase) {
        return setProgress(qMax(m_progress, p), phase);
    };
    pull.endsRound = [this](const SyncReply &r) { return replyEndsRound(r); };
    pull.finish = [this](const CoreError &e, SyncErrors::Kind kind) { finishRound(e, kind); };
    pull.written = [this](int rows, int deferred) {
        m_roundPulledRows += rows;
        // Said when the round ends (no signal more during it); indexed after it.
        m_searchBacklog += deferred;
        m_roundDeferred += deferred;
    };
    pull.writtenLate = [this](int rows, int deferred) {
        if (rows > 0)
            emit pulled(rows);
        if (deferred > 0) {
            m_searchBacklog += deferred;
            emit searchBacklogChanged();
            indexSearchBacklog();
        }
    };
    pull.notice = [this](const QString &notice) {
        m_notice = notice;
        return emitDuringRound(&SyncClient::noticeChanged);
    };
    pull.role = [this] { return m_auth.role; };
    pull.pushAgain = [this](int rows) {
        m_roundPushTotal += rows;
        if (refreshCounts())
            pushNext(); // then the pull, from the stored cursor
    };
    pull.done = [this] { m_photos->start(); };
    return pull;
}

DiscardPhase::Round SyncClient::discardRound()
{
    DiscardPhase::Round round;
    round.number = [this] { return m_syncing ? m_round : 0; };
    round.endsRound = [this](const SyncReply &r) { return replyEndsRound(r); };
    round.finish = [this](const CoreError &e, SyncErrors::Kind kind) { finishRound(e, kind); };
    round.written = [this](int rows) { m_roundPulledRows += rows; };
    round.done = [this] { m_pull->start(worker()); };
    return round;
}

void SyncClient::configureHttp(SyncHttp *http)
{
    http->setBaseUrl(m_serverUrl);
    http->setToken(m_auth.token);
    http->setSchemaVersion(Migrator::currentVersion(m_manager.database()));
    http->setTimeoutMs(m_timeoutMs);
}

void SyncClient::setTimeoutMs(int ms)
{
    m_timeoutMs = ms;
    for (SyncHttp *h : {m_http, m_sideHttp, m_fileHttp, m_aheadHttp})
        h->setTimeoutMs(ms);
}

void SyncClient::setPageSize(int n)
{
    m_pull->setPageSize(n);
}

QUrl SyncClient::serverUrlFrom(const QString &typed)
{
    const QString text = typed.trimmed();
    // "https://…", "http://…", or another scheme (refused at sign-in, named) stay as typed.
    if (text.isEmpty() || text.contains(QLatin1String("://")))
        return QUrl(text);
    const QUrl local(QStringLiteral("http://") + text);
    const QHostAddress host(local.host());
    const bool loopback =
        local.host() == QLatin1String("localhost") || (!host.isNull() && host.isLoopback());
    return QUrl(QStringLiteral("%1://%2").arg(loopback ? "http" : "https", text));
}

void SyncClient::setServerAddress(const QString &typed)
{
    setServerUrl(serverUrlFrom(typed));
}

void SyncClient::setServerUrl(const QUrl &url)
{
    if (url == m_serverUrl)
        return;
    m_serverUrl = url;
    m_manager.setValue(QStringLiteral("server_url"), url.toString());
    for (SyncHttp *h : {m_http, m_sideHttp, m_fileHttp, m_aheadHttp})
        h->setBaseUrl(url);
    emit serverUrlChanged();
}

QString SyncClient::noDeviceId()
{
    return tr("Không ghi được mã thiết bị vào cơ sở dữ liệu trên máy.");
}

QString SyncClient::deviceName(const QString &hostName, const QString &productName,
                               const QString &deviceId)
{
    const QString host = hostName.trimmed();
    if (!host.isEmpty() && host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) != 0 &&
        !host.startsWith(QLatin1String("localhost."), Qt::CaseInsensitive))
        return host;
    const QString product =
        productName.trimmed().isEmpty() ? tr("Máy tính bảng") : productName.trimmed();
    // A UUIDv7 begins with its time: its last 6 digits tell two tablets of one batch apart.
    return QStringLiteral("%1 (%2)").arg(product, deviceId.right(6));
}

bool SyncClient::isSupervisor() const
{
    return m_auth.role == QLatin1String("supervisor") || m_auth.role == QLatin1String("admin");
}

QDateTime SyncClient::lastSyncAt() const
{
    const qint64 ms = m_manager.lastSyncAt();
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms) : QDateTime();
}

bool SyncClient::acknowledgeKeptForReview()
{
    const CoreError e =
        ConflictedChanges(m_manager.database()).markRead(QDateTime::currentMSecsSinceEpoch());
    if (e.failed()) {
        setLastError(e, SyncErrors::Kind::Local);
        return false;
    }
    refreshCounts();
    return true;
}

bool SyncClient::hasUnsyncedWork() const
{
    return m_pendingRecords + m_rejectedRecords + m_pendingPhotos + m_othersPendingRecords > 0;
}

QString SyncClient::othersPendingAuthors() const
{
    return m_othersPendingAuthors.join(QStringLiteral(", "));
}

bool SyncClient::adoptOthersChanges()
{
    // A round under way has picked its batches by the author: not changed beneath it.
    if (m_syncing) {
        setLastError(SyncErrors::make(SyncErrors::Kind::Busy), SyncErrors::Kind::Busy);
        return false;
    }
    if (!loggedIn()) {
        setLastError(SyncErrors::make(SyncErrors::Kind::NotLoggedIn),
                     SyncErrors::Kind::NotLoggedIn);
        return false;
    }
    const CoreError e = m_manager.adoptOthersChanges();
    if (e.failed()) {
        setLastError(e, SyncErrors::Kind::Local);
        return false;
    }
    refreshCounts();
    return true;
}

QString SyncClient::unsyncedSummary() const
{
    if (!hasUnsyncedWork())
        return QString();
    QStringList parts;
    if (m_pendingRecords > 0)
        parts << tr("%n thay đổi chưa gửi", nullptr, m_pendingRecords);
    if (m_rejectedRecords > 0)
        parts << tr("%n thay đổi bị máy chủ từ chối", nullptr, m_rejectedRecords);
    if (m_pendingPhotos > 0)
        parts << tr("%n ảnh chưa tải lên (%1)", nullptr, m_pendingPhotos)
                     .arg(sizeText(m_pendingPhotoBytes));
    if (m_othersPendingRecords > 0)
        parts << tr("%n thay đổi của %1 chưa gửi", nullptr, m_othersPendingRecords)
                     .arg(othersPendingAuthors());
    return tr("Trên máy còn %1. Chúng vẫn được giữ trên máy và sẽ gửi khi đăng nhập lại.")
        .arg(parts.join(QStringLiteral(", ")));
}

QString SyncClient::sizeText(qint64 bytes)
{
    if (bytes < 1024 * 1024)
        return tr("%1 KB").arg(bytes > 0 ? qMax<qint64>(1, (bytes + 512) / 1024) : 0);
    return tr("%1 MB").arg(QLocale().toString(double(bytes) / (1024.0 * 1024.0), 'f', 1));
}

void SyncClient::setAutoSync(bool on)
{
    if (on == m_autoSync)
        return;
    m_autoSync = on;
    if (!on)
        stopRetry();
    emit autoSyncChanged();
}

void SyncClient::setAutoSyncIntervalMs(int ms)
{
    if (ms == m_timer.interval() || ms <= 0)
        return;
    m_timer.setInterval(ms);
    emit autoSyncChanged();
}

void SyncClient::setOnline(bool on)
{
    if (on == m_online)
        return;
    m_online = on;
    emit onlineChanged();
    // The network came back: send what waited.
    if (on && m_autoSync && loggedIn() && !m_syncing)
        QTimer::singleShot(0, this, [this]() { sync(); });
}

void SyncClient::updateReachability()
{
    QNetworkInformation *ni = QNetworkInformation::instance();
    const auto r = ni ? ni->reachability() : QNetworkInformation::Reachability::Unknown;
    m_hasReachability = r != QNetworkInformation::Reachability::Unknown;
    if (m_hasReachability)
        setOnline(r != QNetworkInformation::Reachability::Disconnected);
    else
        setOnline(m_lastRequestOk);
}

bool SyncClient::emitDuringRound(void (SyncClient::*signal)())
{
    const bool going = m_syncing;
    const quint64 round = m_round;
    emit(this->*signal)();
    return !going || stillGoing(round);
}

bool SyncClient::noteReply(const SyncReply &r)
{
    m_lastRequestOk = r.status != 0 && r.networkError == QNetworkReply::NoError;
    if (m_syncing && m_lastRequestOk && r.status < 300)
        ++m_roundAnswered;
    const bool going = m_syncing;
    const quint64 round = m_round;
    if (!m_hasReachability)
        setOnline(m_lastRequestOk);
    return !going || stillGoing(round);
}

double SyncClient::pullFraction(qint64 from, qint64 next, qint64 last)
{
    return PullPhase::fraction(from, next, last);
}

bool SyncClient::setProgress(double p, const QString &phase)
{
    p = qBound(0.0, p, 1.0);
    if (qFuzzyCompare(p + 1, m_progress + 1) && phase == m_phase)
        return m_syncing;
    m_progress = p;
    m_phase = phase;
    const quint64 round = m_round;
    emit progressChanged();
    return stillGoing(round);
}

void SyncClient::setLastError(const CoreError &e, SyncErrors::Kind kind)
{
    if (e.message() == m_lastError.message() && kind == m_lastErrorKind &&
        e.code() == m_lastError.code())
        return;
    m_lastError = e;
    m_lastErrorKind = kind;
    emit lastErrorChanged();
}

bool SyncClient::refreshCounts()
{
    const SyncManager::Waiting waiting = m_manager.waiting();
    const int pending = waiting.records;
    const qint64 recordBytes = waiting.bytes;
    const int others = waiting.othersRecords;
    const QStringList &authors = waiting.otherAuthors;
    const int rejected = m_manager.rejectedCount();
    // The lists change without their counts (a refused change retried and another refused; the
    // value that won a conflict pulled after the push that lost it).
    QVariantList rejectedList = rejected > 0 ? m_manager.rejectedChanges() : QVariantList();
    const ConflictedChanges conflicted(m_manager.database());
    const int keptCount = conflicted.unreadCount();
    QVariantList kept = keptCount > 0 ? conflicted.unread(20) : QVariantList();
    const QList<PendingPhoto> photos = m_manager.pendingPhotos(m_dataRoot);
    qint64 bytes = 0;
    for (const PendingPhoto &p : photos)
        bytes += qMax<qint64>(0, p.size - p.uploadedBytes);
    if (pending == m_pendingRecords && recordBytes == m_pendingRecordBytes &&
        rejected == m_rejectedRecords && photos.size() == m_pendingPhotos &&
        bytes == m_pendingPhotoBytes && others == m_othersPendingRecords &&
        authors == m_othersPendingAuthors && keptCount == m_keptForReviewCount &&
        rejectedList == m_rejectedChanges && kept == m_keptForReview)
        return true;
    m_rejectedChanges = std::move(rejectedList);
    m_keptForReview = std::move(kept);
    m_keptForReviewCount = keptCount;
    m_pendingRecords = pending;
    m_othersPendingRecords = others;
    m_othersPendingAuthors = authors;
    m_pendingRecordBytes = recordBytes;
    m_rejectedRecords = rejected;
    m_pendingPhotos = int(photos.size());
    m_pendingPhotoBytes = bytes;
    return emitDuringRound(&SyncClient::countsChanged);
}

// --- login / logout ---------------------------------------------------------------------------

void SyncClient::login(const QString &username, const QString &password)
{
    if (m_loggingIn)
        return;
    if (!m_serverUrl.isValid() || m_serverUrl.isEmpty()) {
        const CoreError e(CoreError::Code::InvalidInput,
                          tr("Chưa có địa chỉ máy chủ. Hãy nhập địa chỉ máy chủ do quản trị viên "
                             "cung cấp."));
        setLastError(e, SyncErrors::Kind::Refused);
        emit loginFinished(false, e.message());
        return;
    }
    if ((m_serverUrl.scheme() != QLatin1String("https") &&
         m_serverUrl.scheme() != QLatin1String("http")) ||
        m_serverUrl.host().isEmpty()) {
        const CoreError e(CoreError::Code::InvalidInput,
                          tr("Địa chỉ máy chủ \"%1\" không dùng được. Hãy nhập địa chỉ do quản trị "
                             "viên cung cấp, dạng https://tên-máy-chủ.")
                              .arg(m_serverUrl.toString()));
        setLastError(e, SyncErrors::Kind::Refused);
        emit loginFinished(false, e.message());
        return;
    }
    const QString deviceId = m_manager.deviceId();
    const QString deviceSecret = m_manager.deviceSecret();
    if (deviceId.isEmpty() || deviceSecret.isEmpty()) {
        const CoreError e = SyncErrors::make(SyncErrors::Kind::Local, noDeviceId());
        setLastError(e, SyncErrors::Kind::Local);
        emit loginFinished(false, e.message());
        return;
    }
    m_loggingIn = true;
    emit loggingInChanged();
    m_sideHttp->abort(); // the lists and resolutions of the session before, if any are away
    forgetResolving();
    m_sideHttp->setToken(QString());
    const QJsonObject body{
        {QStringLiteral("username"), username.trimmed()},
        {QStringLiteral("password"), password},
        {QStringLiteral("device_id"), deviceId},
        {QStringLiteral("device_secret"), deviceSecret},
        {QStringLiteral("device_name"),
         deviceName(QSysInfo::machineHostName(), QSysInfo::prettyProductName(), deviceId)}};
    m_sideHttp->postJson(QStringLiteral("login"), body, [this](const SyncReply &r) {
        m_loggingIn = false;
        emit loggingInChanged();
        noteReply(r);
        SyncErrors::Kind kind = SyncErrors::Kind::None;
        CoreError e = SyncErrors::fromReply(r, &kind);
        QJsonObject refusal;
        // Another tablet holds this device id: the registry's words say what to do.
        const bool taken =
            r.status == 403 && r.json(&refusal) &&
            refusal.value(QLatin1String("code")).toString() == QLatin1String("device_taken");
        if (kind == SyncErrors::Kind::Unauthorized ||
            (kind == SyncErrors::Kind::Refused && (r.status == 400 || r.status == 403) && !taken)) {
            kind = SyncErrors::Kind::BadLogin;
            e = SyncErrors::make(kind);
        }
        SyncAuth a;
        QJsonObject o;
        if (e.ok()) {
            if (!r.json(&o) || o.value(QLatin1String("token")).toString().isEmpty() ||
                !o.value(QLatin1String("user")).isObject()) {
                kind = SyncErrors::Kind::Malformed;
                e = SyncErrors::malformed(QStringLiteral("login"));
            }
        }
        if (e.ok()) {
            const QJsonObject u = o.value(QLatin1String("user")).toObject();
            a.token = o.value(QLatin1String("token")).toString();
            a.expiresAt = parseExpiry(o.value(QLatin1String("expires_at")));
            a.userId = u.value(QLatin1String("id")).toVariant().toString();
            a.username = u.value(QLatin1String("username")).toString();
            a.role = u.value(QLatin1String("role")).toString();
            a.provinceId = u.value(QLatin1String("province_id")).toVariant().toString();
            bool reset = false, otherRegistry = false;
            const CoreError stored =
                m_manager.setAuthFrom(m_serverUrl.toString(), a, &reset, &otherRegistry);
            if (otherRegistry)
                m_pull->forgetEpoch(); // as setAuthFrom did
            if (reset) {
                qInfo("sync: another user or registry than this device last pulled for: the "
                      "pull starts again from the beginning");
            }
            if (stored.failed()) {
                kind = SyncErrors::Kind::Local;
                e = SyncErrors::make(kind, stored.message());
            }
        }
        if (e.failed()) {
            setLastError(e, kind);
            emit loginFinished(false, e.message());
            return;
        }
        m_auth = a;
        for (SyncHttp *h : {m_http, m_sideHttp, m_fileHttp, m_aheadHttp})
            h->setToken(a.token);
        setLastError({}, SyncErrors::Kind::None);
        emit authChanged();
        // What waits is counted again: which changes are this user's to send depends on who
        // logged in (another user's wait for them).
        refreshCounts();
        emit loginFinished(true, QString());
        fetchSupervisorLists();
        if (m_autoSync)
            sync();
    });
}

bool SyncClient::logout(bool confirmed)
{
    refreshCounts();
    if (hasUnsyncedWork() && !confirmed) {
        setLastError({CoreError::Code::NotEditable,
                      unsyncedSummary() + QLatin1Char(' ') +
                          tr("Hãy đồng bộ trước khi đăng xuất, hoặc xác nhận để vẫn đăng xuất.")},
                     SyncErrors::Kind::Busy);
        return false;
    }
    cancel();
    stopRetry();
    m_sideHttp->abort();
    forgetResolving();
    m_photos->abortOriginals(
        tr("Đã đăng xuất nên ảnh gốc chưa tải xong. Hãy đăng nhập rồi mở lại ảnh."));
    // The registry drops the token at once (a tablet left behind is not still signed in). Best
    // effort: offline, the token simply expires; the local logout does not wait for it.
    if (!m_auth.token.isEmpty() && m_serverUrl.isValid())
        m_sideHttp->postJson(QStringLiteral("logout"), QJsonObject(), [](const SyncReply &) {});
    m_manager.clearAuth();
    m_auth = SyncAuth();
    for (SyncHttp *h : {m_http, m_sideHttp, m_fileHttp, m_aheadHttp})
        h->setToken(QString());
    if (!m_conflicts.isEmpty() || m_conflictCount > 0) {
        m_conflicts.clear();
        m_conflictCount = 0;
        emit conflictsChanged();
    }
    if (!m_registryRejections.isEmpty() || m_registryRejectionCount > 0) {
        m_registryRejections.clear();
        m_registryRejectionCount = 0;
        emit registryRejectionsChanged();
    }
    if (!m_devices.isEmpty() || m_deviceCount > 0) {
        m_devices.clear();
        m_deviceCount = 0;
        emit devicesChanged();
    }
    setLastError({}, SyncErrors::Kind::None);
    emit authChanged();
    return true;
}

bool SyncClient::replyEndsRound(const SyncReply &r,
                                const std::function<void(SyncErrors::Kind)> &ending)
{
    const quint64 round = m_round;
    CoreError e;
    const bool failed = handleFailure(r, &e);
    if (!stillGoing(round)) // ended by a handler of a signal the reply gave rise to
        return true;
    if (failed) {
        if (ending)
            ending(m_lastErrorKind);
        finishRound(e, m_lastErrorKind);
    }
    return failed;
}

bool SyncClient::handleFailure(const SyncReply &r, CoreError *error)
{
    noteReply(r);
    SyncErrors::Kind kind = SyncErrors::Kind::None;
    const CoreError e = SyncErrors::fromReply(r, &kind);
    if (e.ok())
        return false;
    if (kind == SyncErrors::Kind::Unauthorized) {
        // The token expired or the device was revoked: log out, keep every unsynced change.
        m_manager.clearAuth();
        m_auth = SyncAuth();
        for (SyncHttp *h : {m_http, m_sideHttp, m_fileHttp, m_aheadHttp})
            h->setToken(QString());
        emit authChanged();
    }
    if (error)
        *error = e;
    setLastError(e, kind);
    return true;
}

// --- the round ----------------------------------------------------------------------------------

bool SyncClient::sync()
{
    if (m_syncing)
        return false;
    if (!loggedIn()) {
        const CoreError e = SyncErrors::make(SyncErrors::Kind::NotLoggedIn);
        setLastError(e, SyncErrors::Kind::NotLoggedIn);
        emit roundFinished(false, e.message());
        return false;
    }
    m_syncing = true;
    ++m_round;
    m_roundPushed = 0;
    m_roundAnswered = 0;
    m_roundPulledRows = 0;
    m_roundPushTotal = 0;
    // The round's state is in place before anyone hears of it: a handler may end it at once.
    const bool noticeGone = !m_notice.isEmpty();
    m_notice.clear();
    if (noticeGone && !emitDuringRound(&SyncClient::noticeChanged))
        return true;
    if (!emitDuringRound(&SyncClient::syncingChanged))
        return true;
    // The push's share of the progress bar: the outbox counted by the worker (a scan of it,
    // tens of milliseconds for a large backlog), before the first batch is built.
    auto total = std::make_shared<int>(0);
    worker()->run(
        [total](QSqlDatabase db) {
            SyncManager m(db);
            // Changes refused for want of another row go again: that row may be there now.
            if (const CoreError e = m.retryWaitingForOtherRows(); e.failed())
                qWarning("sync: %s", qPrintable(e.message()));
            *total = m.pendingRecordCount();
            return CoreError();
        },
        [this, total, round = m_round](const CoreError &) {
            if (round == m_round)
                m_roundPushTotal = *total;
        });
    if (setProgress(0, QStringLiteral("push")))
        pushNext();
    return true;
}

void SyncClient::cancel()
{
    if (!m_syncing)
        return;
    m_http->abort();
    finishRound(CoreError(CoreError::Code::Io, tr("Đã dừng đồng bộ. Dữ liệu chưa gửi vẫn được "
                                                  "giữ trên máy.")),
                SyncErrors::Kind::Offline);
    stopRetry(); // stopped on purpose: not tried again by itself
}

void SyncClient::finishRound(const CoreError &error, SyncErrors::Kind kind)
{
    if (!m_syncing)
        return;
    // Pages of the round the worker has not begun are dropped.
    if (m_worker)
        m_worker->endRound();
    // A stored batch's outcome is still written when the round ends for another reason, and
    // every outcome handed to the worker before, all before the round is reported ended (failing
    // that, the next round sends the batch again and the registry answers "duplicate"). The
    // worker writes them after the work before them: at most a page.
    for (std::optional<RepliedBatch> *replied : {&m_replied, &m_replyWaiting}) {
        if (!*replied)
            continue;
        const RepliedBatch done = std::move(**replied);
        replied->reset();
        const CoreError e = worker()->runNow([&done](QSqlDatabase db) {
            PushBatch::Outcome outcome;
            return done.batch.applyReply(db, done.reply, &outcome);
        });
        if (e.failed())
            qWarning("sync: %s", qPrintable(e.message()));
    }
    if (m_settling > 0)
        worker()->runNow([](QSqlDatabase) { return CoreError(); });
    m_syncing = false;
    m_batch = PreparedBatch();
    m_next.reset();
    m_preparing = false;
    m_startPending = false;
    m_pull->end();
    if (error.ok()) {
        m_manager.setLastSyncAt(QDateTime::currentMSecsSinceEpoch());
        emit lastSyncAtChanged();
        setProgress(1, QStringLiteral("done"));
    }
    setLastError(error, error.ok() ? SyncErrors::Kind::None : kind);
    scheduleRetry(error.ok() ? SyncErrors::Kind::None : kind, m_roundAnswered > 0);
    refreshCounts();
    if (m_roundPulledRows > 0)
        emit pulled(m_roundPulledRows);
    m_roundPulledRows = 0;
    if (m_roundDeferred > 0) {
        m_roundDeferred = 0;
        emit searchBacklogChanged();
    }
    indexSearchBacklog();
    // What a supervisor has to settle may have changed with the round: the app's header says
    // how much there is on every page, without the sync page open.
    if (error.ok())
        fetchSupervisorLists();
    emit syncingChanged();
    emit roundFinished(error.ok(), error.message());
}

void SyncClient::fetchSupervisorLists()
{
    if (!isSupervisor())
        return;
    fetchConflicts();
    fetchRegistryRejections();
}

void SyncClient::indexSearchBacklog()
{
    // A round under way goes first: a chunk in the worker's queue delays its work (30-100 ms).
    if (m_indexing || m_syncing || m_searchBacklog <= 0)
        return;
    m_indexing = true;
    auto left = std::make_shared<int>(0);
    worker()->run([left, chunk = m_searchChunk](
                      QSqlDatabase db) { return SearchBacklog::indexSome(db, chunk, left.get()); },
                  [this, left](const CoreError &e) {
                      m_indexing = false;
                      if (e.failed()) {
                          // The rows keep waiting: the next round's end tries again.
                          qWarning("search: %s", qPrintable(e.message()));
                          const QString why =
                              tr("Chưa lập được chỉ mục tìm kiếm cho các mục vừa tải về (%1). "
                                 "Máy sẽ thử lại sau lần đồng bộ tới; nếu bộ nhớ máy đã đầy, "
                                 "hãy giải phóng bớt.")
                                  .arg(e.message());
                          if (why != m_searchIndexError) {
                              m_searchIndexError = why;
                              emit searchBacklogChanged();
                          }
                          return;
                      }
                      const bool cleared = !m_searchIndexError.isEmpty();
                      m_searchIndexError.clear();
                      if (*left != m_searchBacklog || cleared) {
                          m_searchBacklog = *left;
                          emit searchBacklogChanged();
                      }
                      indexSearchBacklog();
                  });
}

void SyncClient::setChunkSize(int bytes)
{
    m_photos->setChunkSize(bytes);
}

int SyncClient::chunkSize() const
{
    return m_photos->chunkSize();
}

void SyncClient::setRetryDelays(int firstMs, int maxMs)
{
    m_retryFirstMs = qMax(1, firstMs);
    m_retryMaxMs = qMax(m_retryFirstMs, maxMs);
}

QDateTime SyncClient::nextRetryAt() const
{
    return m_nextRetryAt > 0 ? QDateTime::fromMSecsSinceEpoch(m_nextRetryAt) : QDateTime();
}

void SyncClient::scheduleRetry(SyncErrors::Kind kind, bool answered)
{
    // A reply that is not the protocol's is tried again too: a Wi-Fi that wants its own login
    // page first answers with that page until the user has signed in there.
    const bool passing = kind == SyncErrors::Kind::Offline || kind == SyncErrors::Kind::Timeout ||
                         kind == SyncErrors::Kind::Server || kind == SyncErrors::Kind::Malformed;
    if (!passing || !m_autoSync)
        return stopRetry();
    // Answers that came before a reply that is not the protocol's may have been the same
    // stranger (a Wi-Fi's login page answers 200): they do not count.
    if (answered && kind != SyncErrors::Kind::Malformed)
        m_retryDelayMs = 0;
    m_retryDelayMs = m_retryDelayMs == 0 ? m_retryFirstMs
                                         : int(qMin<qint64>(2LL * m_retryDelayMs, m_retryMaxMs));
    m_retryTimer.start(m_retryDelayMs);
    m_nextRetryAt = QDateTime::currentMSecsSinceEpoch() + m_retryDelayMs;
    emit nextRetryChanged();
}

void SyncClient::stopRetry()
{
    m_retryDelayMs = 0;
    m_retryTimer.stop();
    if (m_nextRetryAt == 0)
        return;
    m_nextRetryAt = 0;
    emit nextRetryChanged();
}

SyncWorker *SyncClient::worker()
{
    if (!m_worker)
        m_worker = std::make_unique<SyncWorker>(m_manager.database().databaseName());
    return m_worker.get();
}

void SyncClient::pushNext()
{
    m_startPending = true;
    prepare(0);
}

void SyncClient::prepare(qint64 afterSeq)
{
    m_preparing = true;
    auto p = std::make_shared<PreparedBatch>();
    const QString deviceId = m_manager.deviceId();
    if (deviceId.isEmpty())
        p->error = SyncErrors::make(SyncErrors::Kind::Local, noDeviceId());
    p->coding = m_http->requestCoding();
    worker()->run(
        [p, deviceId, limit = m_batchSize, afterSeq](QSqlDatabase db) {
            if (p->error.failed())
                return CoreError();
            p->error = PushBatch::build(db, deviceId, limit, &p->batch, afterSeq);
            if (p->error.ok() && !p->batch.isEmpty())
                p->body = SyncHttp::encode(p->batch.body(), p->coding);
            return CoreError();
        },
        [this, p, round = m_round](const CoreError &e) {
            if (e.failed() && p->error.ok())
                p->error = e;
            nextReady(round, std::move(*p));
        });
}

void SyncClient::nextReady(quint64 round, PreparedBatch p)
{
    if (round != m_round || !m_syncing)
        return;
    m_preparing = false;
    m_next = std::move(p);
    if (m_startPending) {
        m_startPending = false;
        m_batch = std::move(*m_next);
        m_next.reset();
        if (const CoreError e = m_batch.error; e.failed()) // a copy: finishRound clears m_batch
            return finishRound(e, SyncErrors::Kind::Local);
        return sendBatch();
    }
    if (m_replyWaiting)
        advance();
}

void SyncClient::sendBatch()
{
    if (m_batch.batch.isEmpty())
        return pushDone();
    const qint64 lastSeq = m_batch.batch.lastSeq();
    if (m_batch.coding != m_http->requestCoding()) {
        // Prepared before the registry's last reply changed what it reads (rare: a registry
        // replaced by another version between two requests).
        m_batch.coding = m_http->requestCoding();
        m_batch.body = SyncHttp::encode(m_batch.batch.body(), m_batch.coding);
    }
    // The epoch the batch's bases come from: a registry restored since then takes them as
    // bases from before its restore (PROTOCOL.md, Push).
    SyncHttp::Headers headers;
    if (const QString epoch = m_pull->registryEpoch(); !epoch.isEmpty())
        headers.append({"X-CCN-Epoch", epoch.toUtf8()});
    m_http->postEncodedJson(
        QStringLiteral("push"), m_batch.body, m_batch.coding,
        [this](const SyncReply &r) { batchReplied(r); }, [this, lastSeq] { batchSent(lastSeq); },
        headers);
}

void SyncClient::batchSent(qint64 lastSeq)
{
    // Only for the batch with the registry now (a late signal of an earlier one is ignored).
    if (!m_syncing || m_batch.batch.isEmpty() || m_batch.batch.lastSeq() != lastSeq)
        return;
    settle();
    if (!m_next && !m_preparing)
        prepare(lastSeq);
}

bool SyncClient::roundReply(const SyncReply &r, const QString &what, QJsonObject *out)
{
    if (replyEndsRound(r))
        return false;
    if (!r.json(out)) {
        finishRound(SyncErrors::malformed(what), SyncErrors::Kind::Malformed);
        return false;
    }
    return true;
}

void SyncClient::batchReplied(const SyncReply &r)
{
    // The batch before this one was stored whatever became of this one: its outcome is written
    // first (it normally was, when this batch's body had gone).
    settle();
    if (r.status == 415 && m_batch.coding != m_http->requestCoding())
        return sendBatch(); // once more, in the coding this answer named (sendBatch re-encodes)
    QJsonObject reply;
    if (!roundReply(r, QStringLiteral("push"), &reply))
        return;
    m_replyWaiting = RepliedBatch{std::move(m_batch.batch), reply};
    m_batch = PreparedBatch();
    if (m_next)
        return advance();
    if (!m_preparing)
        prepare(m_replyWaiting->batch.lastSeq());
}

void SyncClient::advance()
{
    if (const CoreError e = m_next->error; e.failed()) // a copy: finishRound clears m_next
        return finishRound(e, SyncErrors::Kind::Local);
    // The next batch goes out first; the outcome of the one replied to is written once that body
    // has gone, while the registry stores it. If that local write fails, the round ends and the
    // batch in flight is dropped (the registry may keep it: the next round sends it again and
    // gets "duplicate").
    m_replied = std::move(m_replyWaiting);
    m_replyWaiting.reset();
    m_batch = std::move(*m_next);
    m_next.reset();
    sendBatch();
}

void SyncClient::pushDone()
{
    // The last outcomes are written before the pull reads its cursor (an outcome may move it),
    // and so is whatever an ended round left with the worker (a page being written): the worker
    // answers the empty job after all of it, in order.
    settle();
    worker()->run([](QSqlDatabase) { return CoreError(); },
                  [this, round = m_round](const CoreError &) {
                      if (round == m_round && m_syncing)
                          m_discards->start(worker()); // then the pull
                  });
}

void SyncClient::settle()
{
    if (!m_replied)
        return;
    auto done = std::make_shared<RepliedBatch>(std::move(*m_replied));
    m_replied.reset();
    auto outcome = std::make_shared<PushBatch::Outcome>();
    ++m_settling;
    worker()->run(
        [done, outcome](QSqlDatabase db) {
            return done->batch.applyReply(db, done->reply, outcome.get());
        },
        [this, done, outcome, round = m_round](const CoreError &e) {
            --m_settling;
            if (!stillGoing(round)) {
                refreshCounts(); // written after its round ended
                return;
            }
            if (e.failed()) {
                m_http->abort();
                return finishRound(e, e.code() == CoreError::Code::Sql
                                          ? SyncErrors::Kind::Local
                                          : SyncErrors::Kind::Malformed);
            }
            m_roundPushed += done->batch.size();
            // The counts follow from the reply; counting the outbox again after every batch
            // would cost a scan of it per batch (the round's end counts it once).
            const int left = qMax(0, m_pendingRecords - outcome->stored - outcome->rejected);
            // The size follows in proportion until the round's end measures it again.
            m_pendingRecordBytes =
                m_pendingRecords > 0 ? m_pendingRecordBytes * left / m_pendingRecords : 0;
            m_pendingRecords = left;
            m_rejectedRecords += outcome->rejected;
            if (!emitDuringRound(&SyncClient::countsChanged))
                return;
            setProgress(0.4 * m_roundPushed / qMax(1, qMax(m_roundPushTotal, m_roundPushed)),
                        QStringLiteral("push"));
        });
}

void SyncClient::fetchOriginal(const QString &sha256)
{
    m_photos->fetchOriginal(sha256);
}

void SyncClient::originalShown(const QString &sha256)
{
    m_photos->originalShown(sha256);
}

void SyncClient::setOriginalCacheLimit(qint64 bytes, bool trimNow)
{
    m_photos->setOriginalCacheLimit(bytes, trimNow);
}

// --- conflicts and rejected changes -------------------------------------------------------------

void SyncClient::fetchList(const QString &name, QVariantList *into, int *count,
                           void (SyncClient::*changed)())
{
    if (!loggedIn())
        return;
    // The lists are asked for side by side (after a round, a resolution, the page opening): an
    // answer is taken only if no later request for the same list went out after it, so an older
    // list never replaces a newer one.
    const quint64 asked = ++m_listAsked[name];
    m_sideHttp->get(name, [this, name, into, count, changed, asked](const SyncReply &r) {
        if (asked != m_listAsked.value(name))
            return;
        CoreError e;
        if (handleFailure(r, &e))
            return;
        QJsonObject o;
        if (!r.json(&o) || !o.value(name).isArray()) {
            setLastError(SyncErrors::malformed(name), SyncErrors::Kind::Malformed);
            return;
        }
        *into = o.value(name).toArray().toVariantList();
        if (count)
            *count = qMax(int(into->size()), o.value(QLatin1String("total")).toInt());
        emit(this->*changed)();
    });
}

void SyncClient::fetchConflicts()
{
    fetchList(QStringLiteral("conflicts"), &m_conflicts, &m_conflictCount,
              &SyncClient::conflictsChanged);
}

void SyncClient::fetchRegistryRejections()
{
    fetchList(QStringLiteral("rejections"), &m_registryRejections, &m_registryRejectionCount,
              &SyncClient::registryRejectionsChanged);
}

void SyncClient::fetchDevices()
{
    // Supervisors and admins get the devices of the users they look after too (the registry
    // lets them revoke those); the others their own.
    fetchList(QStringLiteral("devices"), &m_devices, &m_deviceCount, &SyncClient::devicesChanged);
}

void SyncClient::revokeDevice(const QString &id)
{
    if (id == m_manager.deviceId()) {
        emit deviceRevoked(false, tr("Đây là máy đang dùng: hãy đăng xuất thay vì thu hồi."), id);
        return;
    }
    postDeviceAction(id, QStringLiteral("revoke"), &SyncClient::deviceRevoked);
}

void SyncClient::reinstateDevice(const QString &id)
{
    postDeviceAction(id, QStringLiteral("reinstate"), &SyncClient::deviceReinstated);
}

void SyncClient::postDeviceAction(const QString &id, const QString &action,
                                  void (SyncClient::*done)(bool, const QString &, const QString &))
{
    if (!loggedIn()) {
        emit(this->*done)(false, tr("Hãy đăng nhập trước."), id);
        return;
    }
    m_sideHttp->postJson(QStringLiteral("devices/%1/%2").arg(id, action), QJsonObject(),
                         [this, id, done](const SyncReply &r) {
                             CoreError e;
                             if (handleFailure(r, &e)) {
                                 emit(this->*done)(false, e.message(), id);
                                 return;
                             }
                             emit(this->*done)(true, QString(), id);
                             fetchDevices();
                         });
}

void SyncClient::resolveConflict(const QString &conflictId, const QString &choice,
                                 const QVariant &value)
{
    if (m_resolving.contains(conflictId))
        return; // its resolution is on its way: conflictResolved follows that one
    QJsonObject body{{QStringLiteral("choice"), choice}};
    if (choice == QLatin1String("value"))
        body.insert(QStringLiteral("value"), QJsonValue::fromVariant(value));
    // What the supervisor saw of the row: a registry that has stored a later write since refuses
    // the choice (409 conflict_changed), and the list fetched again shows that write.
    for (const QVariant &c : std::as_const(m_conflicts)) {
        const QVariantMap m = c.toMap();
        if (m.value(QStringLiteral("id")).toString() != conflictId)
            continue;
        if (m.contains(QStringLiteral("live_seq")))
            body.insert(QStringLiteral("seen_seq"),
                        double(m.value(QStringLiteral("live_seq")).toLongLong()));
        break;
    }
    m_resolving << conflictId;
    emit resolvingChanged();
    m_sideHttp->postJson(
        QStringLiteral("conflicts/%1/resolve").arg(conflictId), body,
        [this, conflictId](const SyncReply &r) { conflictAnswered(conflictId, r); });
}

void SyncClient::forgetResolving()
{
    // Their answers were dropped with the connection's requests: the buttons are free again
    // (the list, fetched again, says what was settled).
    if (m_resolving.isEmpty())
        return;
    m_resolving.clear();
    emit resolvingChanged();
}

void SyncClient::conflictAnswered(const QString &conflictId, const SyncReply &r)
{
    m_resolving.removeAll(conflictId);
    emit resolvingChanged();
    QJsonObject refusal;
    if (r.networkError == QNetworkReply::NoError && r.status >= 400 && r.status < 500 &&
        r.status != 401 && r.status != 426 && r.status != 429 && r.json(&refusal) &&
        refusal.value(QLatin1String("code")).toString() != QLatin1String("device_revoked") &&
        !refusal.value(QLatin1String("message")).toString().isEmpty()) {
        // Refused for this conflict (another supervisor settled it first, a later write came,
        // the value is not one the field takes): the registry's words under its card, which say
        // what to do; the page's error stays for what stops the sync (the sign-in gone, an
        // update needed, this tablet revoked, too many tries). The list shows what is still open.
        noteReply(r);
        emit conflictResolved(false, refusal.value(QLatin1String("message")).toString(),
                              conflictId);
        fetchConflicts();
        return;
    }
    CoreError e;
    if (handleFailure(r, &e)) {
        emit conflictResolved(false, e.message(), conflictId);
        return;
    }
    emit conflictResolved(true, QString(), conflictId);
    fetchConflicts();
    // The resolution is a new registry write: pull it.
    if (m_autoSync)
        sync();
}

bool SyncClient::discardRejected(qint64 outboxSeq)
{
    // Safe during a round: a change still marked refused is in no batch of it (one that goes
    // again by itself is unmarked when the round begins, and is then not found here).
    const CoreError e = RejectedDiscard::discard(m_manager.database(), outboxSeq,
                                                 QDateTime::currentMSecsSinceEpoch());
    if (e.failed()) {
        setLastError(e, SyncErrors::Kind::Local);
        return false;
    }
    refreshCounts();
    return true;
}

int SyncClient::newRowsGivenUpWith(qint64 outboxSeq) const
{
    return RejectedDiscard::newRowsGivenUpWith(m_manager.database(), outboxSeq);
}

bool SyncClient::retryRejected(qint64 outboxSeq)
{
    const CoreError e = m_manager.retryRejected(outboxSeq);
    if (e.failed()) {
        setLastError(e, SyncErrors::Kind::Local);
        return false;
    }
    refreshCounts();
    return true;
}
