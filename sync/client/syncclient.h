#pragma once

#include "coreerror.h"
#include "discardphase.h"
#include "phototransfer.h"
#include "pullphase.h"
#include "pushbatch.h"
#include "syncerrors.h"
#include "syncmanager.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSqlDatabase>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QVariantList>

#include <functional>
#include <memory>
#include <optional>

class CommitWatch;
class SyncWorker;
class SyncHttp;
struct SyncReply;

// The device's side of the sync protocol (sync/PROTOCOL.md) and the status the UI shows.
// A round: push the outbox in batches, pull pages until `more` is false, upload the photo files
// the registry lacks, fetch thumbnails of pulled photos. Any error ends the round with a message
// that says what to do; the next round starts from what is stored in the device database.
// Rounds run on sync(), when the network comes back, and on a timer while online. The round's
// database work (batches, their outcomes, pulled pages) is done by a SyncWorker on its own thread
// and connection; this object, the network and the status live on the UI thread.
// The pull phase is PullPhase's; the photo phase and the originals on demand are PhotoTransfer's.
class SyncClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QUrl serverUrl READ serverUrl WRITE setServerUrl NOTIFY serverUrlChanged)
    Q_PROPERTY(bool online READ online NOTIFY onlineChanged)
    Q_PROPERTY(bool loggedIn READ loggedIn NOTIFY authChanged)
    Q_PROPERTY(QString user READ user NOTIFY authChanged)
    Q_PROPERTY(QString role READ role NOTIFY authChanged)
    Q_PROPERTY(bool isSupervisor READ isSupervisor NOTIFY authChanged)
    Q_PROPERTY(bool loggingIn READ loggingIn NOTIFY loggingInChanged)
    Q_PROPERTY(bool syncing READ syncing NOTIFY syncingChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString phase READ phase NOTIFY progressChanged)
    Q_PROPERTY(QDateTime lastSyncAt READ lastSyncAt NOTIFY lastSyncAtChanged)
    // When a round that failed for the network's or the registry's sake is tried again by itself
    // (invalid when none is due).
    Q_PROPERTY(QDateTime nextRetryAt READ nextRetryAt NOTIFY nextRetryChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    // What the last round did that the user should know of, not an error (the registry was
    // restored from a backup); cleared when the next round starts.
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    Q_PROPERTY(int lastErrorKind READ lastErrorKind NOTIFY lastErrorChanged)
    Q_PROPERTY(bool updateRequired READ updateRequired NOTIFY lastErrorChanged)
    Q_PROPERTY(int pendingRecords READ pendingRecords NOTIFY countsChanged)
    // The stored size of the waiting records' values (what a round sends, before compression).
    Q_PROPERTY(qint64 pendingRecordBytes READ pendingRecordBytes NOTIFY countsChanged)
    Q_PROPERTY(int rejectedRecords READ rejectedRecords NOTIFY countsChanged)
    Q_PROPERTY(QVariantList rejectedChanges READ rejectedChanges NOTIFY countsChanged)
    // The user's changes the registry stored with a conflict, not read yet (ConflictedChanges): the
    // tablet shows the value that won, theirs waits for a supervisor. Newest first, at most 20.
    Q_PROPERTY(QVariantList keptForReview READ keptForReview NOTIFY countsChanged)
    Q_PROPERTY(int keptForReviewCount READ keptForReviewCount NOTIFY countsChanged)
    Q_PROPERTY(int waitLimitDays READ waitLimitDays CONSTANT)
    Q_PROPERTY(int pendingPhotos READ pendingPhotos NOTIFY countsChanged)
    Q_PROPERTY(qint64 pendingPhotoBytes READ pendingPhotoBytes NOTIFY countsChanged)
    // Changes other users made on this tablet: they go up only when their author logs in here
    // (the registry takes a change as its sender's), or once the user logged in takes them over.
    Q_PROPERTY(int othersPendingRecords READ othersPendingRecords NOTIFY countsChanged)
    // Their authors' user names, oldest first, joined with commas.
    Q_PROPERTY(QString othersPendingAuthors READ othersPendingAuthors NOTIFY countsChanged)
    Q_PROPERTY(bool hasUnsyncedWork READ hasUnsyncedWork NOTIFY countsChanged)
    Q_PROPERTY(QString unsyncedSummary READ unsyncedSummary NOTIFY countsChanged)
    // For supervisors: the open conflict records of their province (GET /api/v1/conflicts),
    // fetched after login and after each good round, and when asked.
    Q_PROPERTY(QVariantList conflicts READ conflicts NOTIFY conflictsChanged)
    // How many there are: the registry lists at most 1000, the oldest first.
    Q_PROPERTY(int conflictCount READ conflictCount NOTIFY conflictsChanged)
    // The conflicts whose resolution is on its way to the registry (resolveConflict): their
    // buttons wait for the answer (a second tap sent a second resolution).
    Q_PROPERTY(QStringList resolvingConflicts READ resolvingConflicts NOTIFY resolvingChanged)
    // For supervisors: the changes the registry still refuses from their province's devices
    // (GET /api/v1/rejections), those waiting for another row first among what to chase.
    Q_PROPERTY(
        QVariantList registryRejections READ registryRejections NOTIFY registryRejectionsChanged)
    Q_PROPERTY(
        int registryRejectionCount READ registryRejectionCount NOTIFY registryRejectionsChanged)
    // The devices this user signed in on (GET /api/v1/devices: theirs; a supervisor's also those
    // of their province's users, an admin's everyone's), fetched when asked: a lost tablet is
    // revoked from here (revokeDevice) on another one. [{id, name, registered_at, last_seen_at,
    // revoked, username}]
    Q_PROPERTY(QVariantList devices READ devices NOTIFY devicesChanged)
    // How many devices the registry has for that list (its `total`): above devices' length when
    // the registry cut the list at its size cap.
    Q_PROPERTY(int deviceCount READ deviceCount NOTIFY devicesChanged)
    // This device's id (the registry's name for it in that list).
    Q_PROPERTY(QString deviceId READ deviceId CONSTANT)
    // Pulled tenants and inspections that search does not find yet (SearchBacklog): the worker
    // indexes them between rounds, a chunk at a time.
    Q_PROPERTY(int searchBacklog READ searchBacklog NOTIFY searchBacklogChanged)
    // Why the last chunk of it could not be indexed (a full disk), in plain words; empty once a
    // chunk went in. The rows keep waiting; the next round's end tries again.
    Q_PROPERTY(QString searchIndexError READ searchIndexError NOTIFY searchBacklogChanged)
    Q_PROPERTY(bool autoSync READ autoSync WRITE setAutoSync NOTIFY autoSyncChanged)
    Q_PROPERTY(int autoSyncIntervalMs READ autoSyncIntervalMs WRITE setAutoSyncIntervalMs NOTIFY
                   autoSyncChanged)
public:
    enum ErrorKind {
        NoError = int(SyncErrors::Kind::None),
        Offline = int(SyncErrors::Kind::Offline),
        Timeout = int(SyncErrors::Kind::Timeout),
        ServerError = int(SyncErrors::Kind::Server),
        UpdateRequired = int(SyncErrors::Kind::UpdateRequired),
        Unauthorized = int(SyncErrors::Kind::Unauthorized),
        BadLogin = int(SyncErrors::Kind::BadLogin),
        TooManyAttempts = int(SyncErrors::Kind::TooManyAttempts),
        Refused = int(SyncErrors::Kind::Refused),
        Malformed = int(SyncErrors::Kind::Malformed),
        LocalError = int(SyncErrors::Kind::Local),
        NotLoggedIn = int(SyncErrors::Kind::NotLoggedIn),
        Busy = int(SyncErrors::Kind::Busy),
        DeviceRevoked = int(SyncErrors::Kind::DeviceRevoked),
    };
    Q_ENUM(ErrorKind)

    // `db` is the open device database; `dataRoot` holds photos/ and thumbs/, laid out as the
    // app keeps them (PhotoStore).
    SyncClient(QSqlDatabase db, const QString &dataRoot, QObject *parent = nullptr);
    ~SyncClient() override;

    QUrl serverUrl() const { return m_serverUrl; }
    void setServerUrl(const QUrl &url);
    // The address as the user typed it (the sign-in page): one without its scheme
    // ("ccn.sct.gov.vn", "192.168.1.10:8787") is taken as https (http on this machine's loopback,
    // where the demo registry listens). As a URL it was relative, or no URL at all.
    Q_INVOKABLE void setServerAddress(const QString &typed);
    // A size to wait for, as the page and the sign-out warning say it: KB below 1 MiB (at least
    // 1 when not nothing), MB with one decimal above, in the tablet's number format.
    Q_INVOKABLE static QString sizeText(qint64 bytes);
    static QUrl serverUrlFrom(const QString &typed);
    bool online() const { return m_online; }
    bool loggedIn() const { return m_auth.valid(); }
    QString user() const { return m_auth.username; }
    QString role() const { return m_auth.role; }
    bool isSupervisor() const;
    bool loggingIn() const { return m_loggingIn; }
    bool syncing() const { return m_syncing; }
    double progress() const { return m_progress; }
    // The share of a pull done: the cursor's way from the round's first cursor `from` to the
    // registry's latest sequence `last` (1 when there is nothing between them).
    static double pullFraction(qint64 from, qint64 next, qint64 last);
    // The name the registry lists this device under, for an admin revoking a lost tablet and a
    // supervisor reading who saved what: its host name, or where that tells nothing (Android
    // answers "localhost") its product name with the start of its device id.
    static QString deviceName(const QString &hostName, const QString &productName,
                              const QString &deviceId);
    QString phase() const { return m_phase; }
    QDateTime lastSyncAt() const;
    QDateTime nextRetryAt() const;
    QString lastError() const { return m_lastError.message(); }
    QString notice() const { return m_notice; }
    CoreError lastCoreError() const { return m_lastError; }
    int lastErrorKind() const { return int(m_lastErrorKind); }
    bool updateRequired() const { return m_lastErrorKind == SyncErrors::Kind::UpdateRequired; }
    int pendingRecords() const { return m_pendingRecords; }
    qint64 pendingRecordBytes() const { return m_pendingRecordBytes; }
    // How long a change refused for want of another row goes again by itself (SyncManager).
    int waitLimitDays() const { return SyncManager::waitLimitDays; }
    int rejectedRecords() const { return m_rejectedRecords; }
    // Read with the counts (refreshCounts), not at each look of the page's bindings.
    QVariantList rejectedChanges() const { return m_rejectedChanges; }
    QVariantList keptForReview() const { return m_keptForReview; }
    int keptForReviewCount() const { return m_keptForReviewCount; }
    // The user has read about those changes ("Đã hiểu"); false (and lastError) when it could not
    // be stored.
    Q_INVOKABLE bool acknowledgeKeptForReview();
    int pendingPhotos() const { return m_pendingPhotos; }
    qint64 pendingPhotoBytes() const { return m_pendingPhotoBytes; }
    int othersPendingRecords() const { return m_othersPendingRecords; }
    QString othersPendingAuthors() const;
    bool hasUnsyncedWork() const;
    QString unsyncedSummary() const;
    QVariantList conflicts() const { return m_conflicts; }
    QVariantList registryRejections() const { return m_registryRejections; }
    int conflictCount() const { return m_conflictCount; }
    QStringList resolvingConflicts() const { return m_resolving; }
    int registryRejectionCount() const { return m_registryRejectionCount; }
    QVariantList devices() const { return m_devices; }
    int deviceCount() const { return m_deviceCount; }
    int searchBacklog() const { return m_searchBacklog; }
    QString searchIndexError() const { return m_searchIndexError; }
    bool autoSync() const { return m_autoSync; }
    void setAutoSync(bool on);
    int autoSyncIntervalMs() const { return m_timer.interval(); }
    void setAutoSyncIntervalMs(int ms);

    QString deviceId() { return m_manager.deviceId(); }
    SyncManager &manager() { return m_manager; }

    // Tuning (tests use small values).
    void setTimeoutMs(int ms);
    void setBatchSize(int n) { m_batchSize = qBound(1, n, PushBatch::maxChanges); }
    void setPageSize(int n);
    // Rows of the SearchBacklog indexed per chunk (500: ~30 ms for inspections).
    void setSearchChunk(int n) { m_searchChunk = qMax(1, n); }
    // The largest photo chunk (1 MiB). A chunk lost on the way halves the next ones (down to
    // 64 KiB, or the largest if smaller); four that arrive in a row double them again. The size
    // is kept from round to round: a link that drops every few seconds still moves a photo on.
    void setChunkSize(int bytes);
    int chunkSize() const;
    // A round that failed with no connection, a timeout, a 5xx or a reply that is not the
    // protocol's is tried again after `firstMs`, then after twice as long each time, at most
    // `maxMs` (30 s and 15 min).
    void setRetryDelays(int firstMs, int maxMs);

public slots:
    void login(const QString &username, const QString &password);
    // Refuses (false, with lastError saying what would be lost) while anything is unsynced,
    // unless `confirmed`. Logging out never deletes unsynced work: it waits on the device for the
    // next login.
    bool logout(bool confirmed = false);
    // Starts a round unless one is running. Returns false when none started.
    bool sync();
    void cancel();
    // Ask the registry for the supervisor's lists now (a round that went well does it too).
    void fetchConflicts();
    void fetchRegistryRejections();
    // Both, when the user is a supervisor (or an admin); nothing for other users.
    void fetchSupervisorLists();
    // The user's devices, again; devicesChanged follows (lastError says why not).
    void fetchDevices();
    // Revokes one of the listed devices (a lost tablet): its sign-in stops working at once
    // on the registry and it cannot sign in again; what it had not synced stays on it.
    // deviceRevoked follows, and the list is fetched again. This device is not revoked here
    // (logout is the way).
    void revokeDevice(const QString &id);
    // Gives a revoked listed device back (found again, or revoked by mistake): it signs in
    // again with the password and sends what it kept. deviceReinstated follows, then the list.
    void reinstateDevice(const QString &id);
    void resolveConflict(const QString &conflictId, const QString &choice,
                         const QVariant &value = QVariant());
    // Fetches a photo's original (on demand); originalReady or originalFailed follows,
    // originalProgress meanwhile. Fetched originals are a cache (OriginalCache): the least
    // recently shown make room for a new one past its limit, before its originalReady.
    void fetchOriginal(const QString &sha256);
    // The app shows an original it has (the cache keeps it the longest).
    void originalShown(const QString &sha256);
    // PhotoTransfer::setOriginalCacheLimit.
    void setOriginalCacheLimit(qint64 bytes, bool trimNow = false);
    bool retryRejected(qint64 outboxSeq);
    // Gives up a refused change of the user's (RejectedDiscard): kept on the device, no longer
    // sent or listed; the row shows what it showed before that change at once, and the next
    // round fetches the registry's version of it. False (lastError says why) when it cannot.
    Q_INVOKABLE bool discardRejected(qint64 outboxSeq);
    // How many new rows of the user's belong to the refused new row of entry `outboxSeq` and go
    // with it when it is given up (an inspection's answers and violations): said before.
    Q_INVOKABLE int newRowsGivenUpWith(qint64 outboxSeq) const;
    // The user logged in takes over the changes other users left on this tablet: the next round
    // sends them as theirs. False (lastError says why) while a round runs or when logged out.
    bool adoptOthersChanges();
    // Counts what waits again; false when a handler of countsChanged ended the round under way.
    bool refreshCounts();

signals:
    void serverUrlChanged();
    void onlineChanged();
    void authChanged();
    void loggingInChanged();
    void syncingChanged();
    void progressChanged();
    void lastSyncAtChanged();
    void nextRetryChanged();
    void lastErrorChanged();
    void noticeChanged();
    void countsChanged();
    void conflictsChanged();
    void registryRejectionsChanged();
    void devicesChanged();
    void searchBacklogChanged();
    void autoSyncChanged();
    void loginFinished(bool ok, const QString &message);
    void roundFinished(bool ok, const QString &message);
    // Rows pulled from the registry were written in the round that just ended (before
    // roundFinished, also when the round failed after them), or by a page of an ended round
    // that the worker finished later: lists on screen read them again.
    void pulled(int rows);
    // A resolution the registry took, or why not (a choice on a list gone out of date: 409
    // conflict_changed, and the list is read again), for the conflict `conflictId`.
    void conflictResolved(bool ok, const QString &message, const QString &conflictId);
    void resolvingChanged();
    // The registry revoked device `id`, or why not.
    void deviceRevoked(bool ok, const QString &message, const QString &id);
    // The registry gave device `id` back, or why not.
    void deviceReinstated(bool ok, const QString &message, const QString &id);
    void originalReady(const QString &sha256, const QString &path);
    void originalFailed(const QString &sha256, const QString &message);
    // total: -1 when the registry did not say.
    void originalProgress(const QString &sha256, qint64 received, qint64 total);

private:
    // What the photo phase and the pull ask of the round: SyncClient's progress, counts, replies
    // and end (PhotoTransfer::Round, PullPhase::Round).
    PhotoTransfer::Round photoRound();
    PullPhase::Round pullRound();
    DiscardPhase::Round discardRound();
    // A push batch read from the outbox and deflated, ready to send.
    struct PreparedBatch {
        PushBatch batch;
        QByteArray body;   // compressed with `coding`
        QByteArray coding; // SyncHttp::requestCoding() when it was prepared
        CoreError error;   // building it failed
    };
    // A batch the registry has answered whose outcome is not written yet.
    struct RepliedBatch {
        PushBatch batch;
        QJsonObject reply;
    };
    // Why a round or a login cannot start: the device id could not be stored.
    static QString noDeviceId();
    void setOnline(bool on);
    // Any signal's handlers may end the round under way (cancel(): the sync page's Stop, a
    // logout) and even begin another. Whatever emits one during a round goes on only when
    // `stillGoing(round)` for the round it was in: each of these says so.
    bool stillGoing(quint64 round) const { return m_syncing && m_round == round; }
    bool emitDuringRound(void (SyncClient::*signal)());
    // Emits progressChanged: false when the round is no longer going, and the caller must not
    // go on with it.
    bool setProgress(double p, const QString &phase);
    void setLastError(const CoreError &e, SyncErrors::Kind kind);
    // Notes whether the link answered (onlineChanged): false when that ended the round.
    bool noteReply(const SyncReply &r);
    bool handleFailure(const SyncReply &r, CoreError *error);
    // The registry's answer to a resolution (resolveConflict).
    void conflictAnswered(const QString &conflictId, const SyncReply &r);
    // After the side connection's requests were dropped: no resolution is on its way.
    void forgetResolving();
    // GET `name` (a list: conflicts, rejections, devices), its array member `name` into *into,
    // then `changed`; a failure says so in lastError and keeps the list as it was. *count, when
    // given: the list's `total` (its length from a registry that does not say).
    void fetchList(const QString &name, QVariantList *into, int *count,
                   void (SyncClient::*changed)());
    // POST devices/{id}/{action} (revoke, reinstate), then `done` and the list again; `done`
    // with "log in first" when no user is.
    void postDeviceAction(const QString &id, const QString &action,
                          void (SyncClient::*done)(bool, const QString &, const QString &));
    // For a reply of the round: true when the caller must not go on with the round (the reply
    // failed and ended it, or a handler of a signal on the way did). `ending`, if given, hears
    // the failure's kind before the round ends.
    bool replyEndsRound(const SyncReply &r,
                        const std::function<void(SyncErrors::Kind)> &ending = {});
    void updateReachability();
    void configureHttp(SyncHttp *http);

    // The worker, made on first use, for the database work of rounds.
    SyncWorker *worker();
    void pushNext();
    // Has the worker build the batch after outbox seq `afterSeq` (m_next).
    void prepare(qint64 afterSeq);
    void nextReady(quint64 round, PreparedBatch batch);
    void sendBatch();
    void batchSent(qint64 lastSeq);
    void batchReplied(const SyncReply &r);
    // m_replyWaiting's successor is ready: it goes out (or the push ends).
    void advance();
    // The push is over: the pull starts once the outcomes before it are written.
    void pushDone();
    // Has the worker write the outcome of m_replied, if any, to the outbox; the counts follow.
    void settle();
    // The JSON object of a reply within the round (`what` answers); on failure the round ends
    // and it is false.
    bool roundReply(const SyncReply &r, const QString &what, QJsonObject *out);
    void finishRound(const CoreError &error, SyncErrors::Kind kind);
    // Has the worker index a chunk of the SearchBacklog, then the next, while no round runs.
    void indexSearchBacklog();
    // After a round: a failure the network or the registry may get over is tried again later
    // (backing off); anything else, or a success, ends the waiting. A round in which the
    // registry answered something before it failed (the link works now and then) starts the
    // waits again from the shortest, unless it ended on a reply that is not the protocol's.
    void scheduleRetry(SyncErrors::Kind kind, bool answered);
    void stopRetry();

    SyncManager m_manager;
    QString m_dataRoot;
    QUrl m_serverUrl;
    SyncAuth m_auth;
    SyncHttp *m_http;
    SyncHttp *m_sideHttp;
    SyncHttp *m_fileHttp;
    SyncHttp *m_aheadHttp;    // pull: the page after the one being written
    PullPhase *m_pull;        // the round's pull (on m_http and m_aheadHttp)
    DiscardPhase *m_discards; // the round's discards, between push and pull (on m_http)
    PhotoTransfer *m_photos;  // the round's last phase (on m_http), originals (on m_fileHttp)
    QTimer m_timer;
    // The inspector's saves on this connection: what waits is counted again once they settle
    // (the header's count followed only the sync page and the rounds).
    CommitWatch *m_localCommits = nullptr;
    QTimer m_retryTimer; // single shot: the next try after a failed round
    int m_retryFirstMs = 30 * 1000;
    int m_retryMaxMs = 15 * 60 * 1000;
    int m_retryDelayMs = 0; // the last delay waited (0: the last round did not fail so)
    qint64 m_nextRetryAt = 0;
    bool m_autoSync = true;
    bool m_online = true;
    bool m_lastRequestOk = true;
    bool m_hasReachability = false;
    bool m_loggingIn = false;
    bool m_syncing = false;
    double m_progress = 0;
    QString m_phase;
    CoreError m_lastError;
    SyncErrors::Kind m_lastErrorKind = SyncErrors::Kind::None;
    int m_pendingRecords = 0;
    qint64 m_pendingRecordBytes = 0;
    int m_rejectedRecords = 0;
    QVariantList m_rejectedChanges;
    QVariantList m_keptForReview; // the newest 20
    int m_keptForReviewCount = 0;
    int m_pendingPhotos = 0;
    int m_othersPendingRecords = 0;
    QStringList m_othersPendingAuthors;
    qint64 m_pendingPhotoBytes = 0;
    QVariantList m_conflicts;
    QVariantList m_registryRejections;
    int m_conflictCount = 0;
    QStringList m_resolving;
    int m_registryRejectionCount = 0;
    QVariantList m_devices; // the user's own
    int m_deviceCount = 0;
    QHash<QString, quint64> m_listAsked; // per list: the number of its latest request
    int m_searchBacklog = 0;
    QString m_searchIndexError;
    int m_roundDeferred = 0; // of it, rows the round's pages left (said at the round's end)
    int m_searchChunk = 500;
    bool m_indexing = false; // a chunk of the SearchBacklog is with the worker
    int m_batchSize = PushBatch::maxChanges;
    QString m_notice;
    int m_timeoutMs = 30000;

    // The round under way. m_batch is with the registry. Once its body has gone, the worker
    // writes the outcome of the batch before it (m_replied) and builds the batch after it
    // (m_next): both cores work while the registry stores, and neither the upload nor the UI
    // thread waits for that work. A replied batch whose successor is still being built waits
    // in m_replyWaiting.
    quint64 m_round = 0; // counts rounds: the worker's answers of an ended round are told apart
    PreparedBatch m_batch;
    std::optional<PreparedBatch> m_next;
    bool m_preparing = false;    // the worker builds m_next
    bool m_startPending = false; // ... and it is the round's first batch
    std::optional<RepliedBatch> m_replied;
    std::optional<RepliedBatch> m_replyWaiting;
    int m_settling = 0;                   // outcomes handed to the worker and not answered
    std::unique_ptr<SyncWorker> m_worker; // the round's database work, on its own thread
    int m_roundPulledRows = 0;
    int m_roundPushTotal = 0;
    int m_roundPushed = 0;
    int m_roundAnswered = 0; // requests of this round the registry answered with success
};
