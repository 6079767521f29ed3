#pragma once

#include "changeresult.h"
#include "coreerror.h"
#include "principal.h"
#include "protocolversion.h"
#include "pullpage.h"
#include "pushchange.h"
#include "registryaccounts.h"
#include "registryconflicts.h"
#include "registrydiscards.h"
#include "registrypull.h"
#include "registrypush.h"
#include "registryrecords.h"
#include "registryrejections.h"
#include "registryscope.h"
#include "sqlitestatements.h"
#include "walcheckpointer.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>
#include <vector>

class SeqWatermark;
class SyncSchema;
struct sqlite3;

// The registry's storage: one interface, two SQL dialects (SQLite in the data directory by
// default, PostgreSQL through QPSQL when given a postgresql:// URL). Every stored change, its
// history row, its outcome record and its conflict records are written in one transaction; the
// registry sequence is assigned here (never from device clocks). Not thread-safe: one per thread.
// Its work is done by parts, one concern each, on its connection, statements and transactions
// (they are its friends); its functions answer through them:
//   RegistryAccounts: users, devices, tokens.
//   RegistryConflicts: conflict records, listed and resolved.
//   RegistryRejections: the changes it refused, listed for supervisors.
//   RegistryDiscards: refused changes their devices gave up, and those rows again.
//   RegistryPull: pull pages.
//   RegistryScope: the province and cluster of a row, who may read or write it.
//   RegistryRecords: stored rows and their history, writeRow.
//   RegistryPush: push batches and the batch being stored (PushState).
class RegistryStore
{
public:
    RegistryStore();
    ~RegistryStore();
    RegistryStore(const RegistryStore &) = delete;
    RegistryStore &operator=(const RegistryStore &) = delete;

    // Whether open() may create the registry's database when it finds none (SQLite: no
    // registry.sqlite in the data directory; PostgreSQL: a database without the registry's
    // tables). Only first-time setup creates one: a command given a mistyped directory, or a
    // PostgreSQL registry's directory without --database, must not back up, list or renew an
    // empty registry (and write its sequence 0 into the directory's watermark).
    enum class Create { IfMissing, Never };
    // databaseUrl empty: SQLite file registry.sqlite in dataDir. Else
    // postgresql://user[:pw]@host[:port]/db. With Create::Never and no database there, fails
    // with NotFound before anything is written.
    CoreError open(const QString &dataDir, const QString &databaseUrl = QString(),
                   Create create = Create::IfMissing);
    // open() found no database and created it (an empty registry): its file, or its URL
    // without the password.
    bool created() const { return m_created; }
    QString location() const { return m_location; }
    void close();
    bool isPostgres() const { return m_postgres; }
    QSqlDatabase connection() const;
    const SyncSchema &schema() const { return *m_schema; }
    int schemaVersion() const;
    qint64 serverSeq() const;
    // The registry's epoch (schema/registry/003) and the sequence it began at, as read when the
    // database was opened; renewEpoch begins another one at the current sequence (after a
    // restore that did not go through a backup copy of this registry: `ccn-registry new-epoch`).
    QString epoch() const { return m_epoch; }
    qint64 epochSeq() const { return m_epochSeq; }
    CoreError renewEpoch();
    // The database was found below what its data directory saw stored (SeqWatermark) and open()
    // began a new epoch at its sequence: the sequence it went back from, else -1.
    qint64 wentBackFrom() const { return m_wentBackFrom; }

    // Users, devices, tokens.
    CoreError addUser(const Principal &user, const QString &password, bool fastHash, QString *id);
    // A read the database cannot answer (here and in the lists below: devices, conflicts,
    // rejections) gives an empty list and fills *error, which callers that answer users pass.
    QList<Principal> users(CoreError *error = nullptr) const;
    // Which of `usernames` can sign in (stored and not disabled). A failed read fills *error.
    QStringList enabledUsers(const QStringList &usernames, CoreError *error) const;
    // Disables these users (users.disabled_at): they no longer sign in and their tokens stop.
    // Disabled, not deleted: their devices and the rows they stored keep naming them.
    // *disabled: how many were enabled before.
    CoreError disableUsers(const QStringList &usernames, int *disabled);
    // Checks the password and that the device id is this tablet's (its secret: registry schema
    // 12, device_keys); registers (or refreshes) the device; returns a new token. Taken when
    // another tablet holds the id, NotEditable when the device is revoked.
    CoreError login(const QString &username, const QString &password, const QString &deviceId,
                    const QString &deviceSecret, const QString &deviceName, qint64 ttlMs,
                    Principal *user, QString *token, qint64 *expiresAt);
    // The principal for a bearer token; fails for unknown, expired or revoked tokens, and when
    // the database cannot be read (then *error says so: the token may well be good).
    std::optional<Principal> authenticate(const QString &token, CoreError *error = nullptr);
    CoreError logout(const QString &token);
    // The devices `who` may see (admin: all; supervisor: their province's users'; others:
    // their own), ordered by user name, each with its newest 10 revokes and reinstatements; they
    // stop before the one that would take their text past maxBytes (one at least). *total: how
    // many there are.
    QJsonArray devices(const Principal &who, CoreError *error = nullptr, int *total = nullptr,
                       qsizetype maxBytes = listBytes) const;
    // Revokes a device (admin: anyone's; supervisor: their province's users' but admins'; others:
    // their own). Its tokens stop at once.
    CoreError revokeDevice(const Principal &who, const QString &deviceId);
    // Gives a revoked device back (a lost tablet found, or one revoked by mistake), with the same
    // rights: its user signs in on it again with the password, and what it kept goes up.
    CoreError reinstateDevice(const Principal &who, const QString &deviceId);

    // Sync. A push batch (PROTOCOL.md, Push) is stored in one transaction (or joins the one of
    // beginBatch): one result per change in *results. Fails, storing nothing, only when the
    // storage fails. The one-change form is a batch of one.
    CoreError push(const Principal &who, const QList<PushChange> &changes,
                   QList<ChangeResult> *results);
    ChangeResult push(const Principal &who, const PushChange &change);
    // skipOwn: leave out rows whose latest version the pulling device holds as it is
    // (records.clean_device, the reply's `own`); they move `next`, and a page passes over at most
    // ten times `limit` rows in all.
    // A page that cannot be read is empty, with *error (when given) saying why.
    PullPage pull(const Principal &who, qint64 since, int limit, bool skipOwn = false,
                  QString *error = nullptr) const;
    // Authoritative writes (demo seed, CSV import, conflict resolution): no merge, no scope.
    CoreError writeRow(const QString &entity, const QString &rowId, const QJsonObject &fields,
                       const QString &origin, const QString &userId, qint64 *seq = nullptr);
    std::optional<QJsonObject> row(const QString &entity, const QString &rowId) const;
    // The live rows of `entity` in the province `provinceId` (for clusters: that province's
    // clusters). A read that fails gives none and fills *error.
    QList<QJsonObject> rowsInProvince(const QString &entity, const QString &provinceId,
                                      CoreError *error) const;
    // Ids that people type (add-user, import-clusters) checked against what is stored: a live
    // province (admin_units, level province); for a user, also their clusters and communes,
    // live and of that province. NotFound saying what the id must be; Sql when the database
    // cannot be read. An admin works in every province, and the first one is added before any
    // province is stored (their tablet sends the administrative units): theirs is not checked.
    CoreError checkProvince(const QString &id) const;
    CoreError checkUserScope(const Principal &user) const;
    // What `who` may do with the photo `sha256` (RegistryScope::photoAccess): None with *error
    // filled when the database cannot be read.
    RegistryScope::PhotoAccess photoAccess(const Principal &who, const QString &sha256,
                                           CoreError *error) const;

    // The supervisor's lists (conflicts, rejections) give at most this many entries, the oldest
    // first, and stop before the entry that would take their text past listBytes (one entry at
    // least: values of 16 MiB are possible, three to a conflict); *total says how many there are.
    static constexpr int listLimit = 1000;
    static constexpr qsizetype listBytes = 8 * 1024 * 1024;

    // Conflicts.
    QJsonArray conflicts(const Principal &who, bool includeResolved, int *total = nullptr,
                         int limit = listLimit, qsizetype maxBytes = listBytes,
                         CoreError *error = nullptr) const;
    // choice: current | incoming | value. Returns the conflict after resolution in *out.
    // seenSeq: the conflict's live_seq as the supervisor saw it (-1: not given); a row written
    // since is not resolved (Outdated; *out then holds the conflict with what the row holds now).
    CoreError resolveConflict(const Principal &who, const QString &id, const QString &choice,
                              const QJsonValue &value, bool hasValue, qint64 seenSeq,
                              QJsonObject *out);

    // The pushed changes still refused, for supervisors (RegistryRejections).
    QJsonArray rejections(const Principal &who, int *total = nullptr, int limit = listLimit,
                          qsizetype maxBytes = listBytes, CoreError *error = nullptr) const;
    // Changes of `who`'s device that it gave up after a refusal (RegistryDiscards): off the
    // list of refused changes; the registry's version of their rows.
    PullPage discard(const Principal &who, const QList<DiscardRequest::Change> &changes,
                     QString *error, qsizetype maxBytes = ProtocolVersion::maxPullPageRowBytes);

    // Whole-set operations. Between beginBatch and commitBatch every push() and writeRow() joins
    // one transaction, and all of them become durable at commitBatch.
    CoreError beginBatch();
    CoreError commitBatch();
    void rollbackBatch();
    CoreError backup(const QString &outFile);

    // Scope: whether `who` may read / write a row of `entity` with this scope.
    bool canRead(const Principal &who, const QString &provinceId, const QString &clusterId) const;
    bool canWrite(const Principal &who, const QString &entity, const QString &provinceId,
                  const QString &clusterId) const;
    static bool isReferenceEntity(const QString &entity);

    static QString hashToken(const QString &token);

private:
    friend class DependentRows;
    friend class InspectionLock;
    friend class RegistryAccounts;
    friend class RegistryConflicts;
    friend class RegistryDiscards;
    friend class RegistryPull;
    friend class RegistryPush;
    friend class RegistryRejections;
    friend class RegistryRecords;
    friend class RegistryScope;

    qint64 nextSeq(QString *error);
    CoreError migrate();
    // Begins a write transaction. On SQLite it takes the write lock at once (BEGIN IMMEDIATE),
    // where the busy timeout waits for another connection's commit: a deferred transaction that
    // read before its first write would fail that write at once with "database is locked" had
    // another connection (a CLI command beside the server) committed in between
    // (SQLITE_BUSY_SNAPSHOT). PostgreSQL: BEGIN. Qt's commit() and rollback() end it. False
    // with *why on failure.
    bool begin(QSqlDatabase db, QString *why) const;
    // begin() for a transaction that reads stored rows (or conflicts) and writes what it read
    // back changed: push, writeRow, resolveConflict, a batch. On PostgreSQL it also takes the
    // counter row's lock before the first read: under READ COMMITTED a write committed between
    // this transaction's read and its write would otherwise be overwritten with the values read
    // before it. SQLite's BEGIN IMMEDIATE already holds the one write lock.
    bool beginWrite(QSqlDatabase db, QString *why) const;
    // Writes the epoch row if there is none and reads it.
    CoreError loadEpoch();
    // Compares the database with the data directory's watermark (a new epoch if it went back)
    // and writes the watermark.
    CoreError checkWatermark();
    // After a commit that may have stored sequences: the watermark follows, at most twice a
    // second (and when the store closes).
    void committed();
    void writeWatermark();
    // Runs `sql` with binds on a statement prepared once per connection (cached by SQL text);
    // null on failure (*error says why). The caller reads the rows, then finish()es it.
    QSqlQuery *statement(const QString &sql, const QVariantList &binds,
                         QString *error = nullptr) const;

    // Whether the PostgreSQL database holds the registry's tables (registry_migrations).
    bool hasRegistryTables(QString *error) const;

    QString m_connection;
    bool m_postgres = false;
    bool m_created = false;
    QString m_location;
    QString m_epoch;
    qint64 m_epochSeq = 0;
    std::unique_ptr<SeqWatermark> m_watermark; // null without a data directory
    QElapsedTimer m_watermarkWritten;
    bool m_watermarkBehind = false;
    bool m_watermarkWarned = false;
    qint64 m_wentBackFrom = -1;
    QUrl m_databaseUrl; // PostgreSQL only (backup)
    bool m_inBatch = false;
    std::unique_ptr<SyncSchema> m_schema;
    mutable QHash<QString, QSqlQuery *> m_statements;
    sqlite3 *m_sqlite = nullptr;                 // the SQLite connection's handle (else null)
    mutable SqliteStatements m_sqliteStatements; // writeRowsSqlite's, prefetch's, pull's (by SQL)
    mutable std::vector<std::unique_ptr<QSqlQuery>> m_ownedStatements;
    std::unique_ptr<WalCheckpointer> m_checkpointer; // SQLite only: commits do not checkpoint
    RegistryAccounts m_accounts{*this};
    RegistryConflicts m_conflicts{*this};
    RegistryDiscards m_discards{*this};
    RegistryPull m_pull{*this};
    RegistryPush m_push{*this};
    RegistryRejections m_rejections{*this};
    RegistryRecords m_records{*this};
    RegistryScope m_scope{*this};
};
