#include "syncmanager.h"

#include "changeresult.h"

#include "photostore.h"
#include "retriedchanges.h"
#include "transaction.h"
#include "uuid7.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

namespace {
CoreError sqlError(const QSqlQuery &q)
{
    return {CoreError::Code::Sql,
            QObject::tr("Không ghi được trạng thái đồng bộ: %1").arg(q.lastError().text())};
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

SyncManager::SyncManager(QSqlDatabase db) : m_db(std::move(db)) {}

QString SyncManager::value(const QString &key, const QString &fallback) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    q.addBindValue(key);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return fallback;
}

CoreError SyncManager::setValue(const QString &key, const QString &value)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO sync_state(key, value) VALUES (?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec())
        return sqlError(q);
    return {};
}

CoreError SyncManager::removeValue(const QString &key)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM sync_state WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return sqlError(q);
    return {};
}

QString SyncManager::deviceId()
{
    QString id = value(QStringLiteral("device_id"));
    if (id.isEmpty()) {
        // An id that is not stored is never handed out: the next call would make another, and
        // the registry would see a batch sent again under it as another device's.
        const QString fresh = Uuid7::generate();
        if (const CoreError e = setValue(QStringLiteral("device_id"), fresh); e.failed()) {
            qWarning("sync: the device id could not be stored: %s", qPrintable(e.message()));
            return {};
        }
        id = fresh;
    }
    return id;
}

QString SyncManager::deviceSecret()
{
    QString secret = value(QStringLiteral("device_secret"));
    if (secret.isEmpty()) {
        QByteArray raw(32, Qt::Uninitialized);
        QRandomGenerator::system()->generate(raw.begin(), raw.end());
        const QString fresh = QString::fromLatin1(
            raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        if (const CoreError e = setValue(QStringLiteral("device_secret"), fresh); e.failed()) {
            qWarning("sync: the device secret could not be stored: %s", qPrintable(e.message()));
            return {};
        }
        secret = fresh;
    }
    return secret;
}

qint64 SyncManager::pullCursor() const
{
    return value(QStringLiteral("pull_cursor"), QStringLiteral("0")).toLongLong();
}

CoreError SyncManager::setPullCursor(qint64 cursor)
{
    return setValue(QStringLiteral("pull_cursor"), QString::number(cursor));
}

qint64 SyncManager::lastSyncAt() const
{
    return value(QStringLiteral("last_sync_at"), QStringLiteral("0")).toLongLong();
}

CoreError SyncManager::setLastSyncAt(qint64 ms)
{
    return setValue(QStringLiteral("last_sync_at"), QString::number(ms));
}

SyncAuth SyncManager::auth() const
{
    SyncAuth a;
    const QJsonObject o = QJsonDocument::fromJson(value(QStringLiteral("auth")).toUtf8()).object();
    // A format this app does not know is treated as "not logged in" (the user logs in again).
    if (o.value(QLatin1String("format")).toInt() != SyncAuth::format)
        return a;
    a.token = o.value(QLatin1String("token")).toString();
    a.expiresAt = qint64(o.value(QLatin1String("expires_at")).toDouble());
    a.userId = o.value(QLatin1String("user_id")).toString();
    a.username = o.value(QLatin1String("username")).toString();
    a.role = o.value(QLatin1String("role")).toString();
    a.provinceId = o.value(QLatin1String("province_id")).toString();
    return a;
}

CoreError SyncManager::setAuth(const SyncAuth &a)
{
    QJsonObject o{{QStringLiteral("format"), SyncAuth::format},
                  {QStringLiteral("token"), a.token},
                  {QStringLiteral("expires_at"), double(a.expiresAt)},
                  {QStringLiteral("user_id"), a.userId},
                  {QStringLiteral("username"), a.username},
                  {QStringLiteral("role"), a.role},
                  {QStringLiteral("province_id"), a.provinceId}};
    return setValue(QStringLiteral("auth"),
                    QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
}

CoreError SyncManager::setAuthFrom(const QString &server, const SyncAuth &a, bool *cursorReset,
                                   bool *epochForgotten)
{
    const QJsonObject owner{{QStringLiteral("format"), 1},
                            {QStringLiteral("server"), server},
                            {QStringLiteral("user_id"), a.userId}};
    const QString ownerText =
        QString::fromUtf8(QJsonDocument(owner).toJson(QJsonDocument::Compact));
    const QString was = value(QStringLiteral("pull_owner"));
    const bool reset = !was.isEmpty() && was != ownerText;
    // The epoch is the registry's: kept when only the user changes (a restore made meanwhile is
    // still caught by the next user's pull), forgotten with another registry.
    const bool otherRegistry =
        reset && QJsonDocument::fromJson(was.toUtf8()).object().value(QLatin1String("server")) !=
                     QJsonValue(server);
    Transaction tx(m_db);
    if (!tx.active())
        return tx.beginError();
    CoreError e = setAuth(a);
    if (e.ok())
        e = setValue(QStringLiteral("pull_owner"), ownerText);
    if (e.ok())
        e = setAuthor(a.userId, a.username);
    if (e.ok() && reset)
        e = setPullCursor(0);
    if (e.ok() && otherRegistry) // another registry's epoch says nothing of this one
        e = removeValue(QStringLiteral("registry_epoch"));
    if (e.ok())
        e = tx.commit();
    if (e.failed())
        return e; // rolled back: the login is refused, nothing half written
    if (cursorReset)
        *cursorReset = reset;
    if (epochForgotten)
        *epochForgotten = otherRegistry;
    return {};
}

CoreError SyncManager::clearAuth()
{
    return removeValue(QStringLiteral("auth"));
}

int SyncManager::pendingRecordCount(qint64 *bytes) const
{
    QSqlQuery q(m_db);
    if (bytes)
        *bytes = 0;
    const QString size = bytes ? QStringLiteral("coalesce(sum(length(CAST(new_json AS BLOB))), 0)")
                               : QStringLiteral("0");
    if (!q.exec(QStringLiteral("SELECT count(*), %1 FROM outbox WHERE rejected_code IS NULL AND %2")
                    .arg(size, QLatin1String(ownEntries))) ||
        !q.next())
        return 0;
    if (bytes)
        *bytes = q.value(1).toLongLong();
    return q.value(0).toInt();
}

SyncManager::Waiting SyncManager::waiting() const
{
    // One scan of the outbox, by sender: the user logged in (ownEntries) or another author.
    // Refused entries are counted apart (rejectedCount), whoever made them.
    Waiting w;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT %1 AS own, author, count(*), coalesce(sum(length(CAST("
                               "new_json AS BLOB))), 0) FROM outbox WHERE rejected_code IS NULL "
                               "GROUP BY own, author ORDER BY min(seq)")
                    .arg(QLatin1String(ownEntries))))
        return w;
    QJsonObject names;
    while (q.next()) {
        if (q.value(0).toBool()) {
            w.records += q.value(2).toInt();
            w.bytes += q.value(3).toLongLong();
            continue;
        }
        if (names.isEmpty())
            names = authorNames();
        const QString id = q.value(1).toString();
        const QString name = names.value(id).toString();
        w.othersRecords += q.value(2).toInt();
        w.otherAuthors << (name.isEmpty() ? id : name);
    }
    return w;
}

QJsonObject SyncManager::authorNames() const
{
    return QJsonDocument::fromJson(value(QStringLiteral("authors")).toUtf8()).object();
}

CoreError SyncManager::setAuthor(const QString &userId, const QString &username)
{
    QJsonObject names = authorNames();
    if (!username.isEmpty() && names.value(userId).toString() != username) {
        names.insert(userId, username);
        const CoreError e =
            setValue(QStringLiteral("authors"),
                     QString::fromUtf8(QJsonDocument(names).toJson(QJsonDocument::Compact)));
        if (e.failed())
            return e;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE sync_flags SET author = ?"));
    q.addBindValue(userId);
    return q.exec() ? CoreError() : sqlError(q);
}

CoreError SyncManager::adoptOthersChanges()
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("UPDATE outbox SET author = (SELECT author FROM sync_flags) WHERE "
                                 "NOT %1")
                      .arg(QLatin1String(ownEntries)))
               ? CoreError()
               : sqlError(q);
}

int SyncManager::rejectedCount() const
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE rejected_code IS NOT NULL")) &&
        q.next())
        return q.value(0).toInt();
    return 0;
}

QVariantList SyncManager::rejectedChanges(qint64 now) const
{
    const qint64 since = waitStart(now);
    QVariantList out;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SELECT seq, entity, row_id, op, rejected_code, rejected_message, "
                          "created_at, waiting_since, %1, author FROM outbox WHERE "
                          "rejected_code IS NOT NULL ORDER BY seq")
               .arg(QLatin1String(ownEntries)));
    QJsonObject names;
    while (q.next()) {
        const bool waits = ChangeResult::waitsForAnotherRow(q.value(4).toString());
        const bool tooLong = waits && !q.value(7).isNull() && q.value(7).toLongLong() <= since;
        const bool mine = q.value(8).toInt() != 0;
        if (!mine && names.isEmpty())
            names = authorNames();
        const QString author = q.value(9).toString();
        out << QVariantMap{
            {QStringLiteral("seq"), q.value(0)},
            {QStringLiteral("mine"), mine},
            {QStringLiteral("author"), mine ? QString() : names.value(author).toString(author)},
            {QStringLiteral("entity"), q.value(1)},
            {QStringLiteral("rowId"), q.value(2)},
            {QStringLiteral("op"), q.value(3)},
            {QStringLiteral("code"), q.value(4)},
            {QStringLiteral("message"), q.value(5)},
            {QStringLiteral("createdAt"), q.value(6)},
            {QStringLiteral("retriedBySync"), waits && !tooLong},
            {QStringLiteral("waitedTooLong"), tooLong}};
    }
    return out;
}

namespace {
// rejected_code IN (…) of those codes, for entries that began to wait after `since`.
QString waitingCodesIn(qint64 since)
{
    return QStringLiteral("rejected_code IN ('%1') AND coalesce(waiting_since > %2, 1)")
        .arg(ChangeResult::waitingCodes().join(QStringLiteral("', '")))
        .arg(since);
}
} // namespace

qint64 SyncManager::waitStart(qint64 now)
{
    if (now < 0)
        now = QDateTime::currentMSecsSinceEpoch();
    return now - qint64(waitLimitDays) * 24 * 3600 * 1000;
}

CoreError SyncManager::retryWaitingForOtherRows(qint64 now)
{
    const qint64 since = waitStart(now);
    // Read first: most rounds have none, and the write would wait for any other writer.
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM outbox WHERE %1)")
                    .arg(waitingCodesIn(since))) ||
        !q.next())
        return sqlError(q);
    if (!q.value(0).toBool())
        return {};
    q.finish();
    return RetriedChanges::retry(m_db, waitingCodesIn(since), {}, false, nullptr);
}

CoreError SyncManager::retryRejected(qint64 outboxSeq)
{
    int retried = 0;
    if (const CoreError e =
            RetriedChanges::retry(m_db, QStringLiteral("seq = ? AND rejected_code IS NOT NULL"),
                                  {outboxSeq}, true, &retried);
        e.failed())
        return e;
    if (retried == 0)
        return {CoreError::Code::NotFound, QObject::tr("Không tìm thấy thay đổi bị từ chối này.")};
    return {};
}

QList<PendingPhoto> SyncManager::pendingPhotos(const QString &root) const
{
    QList<PendingPhoto> out;
    if (root.isEmpty())
        return out;
    const PhotoStore store(root);
    QSqlQuery q(m_db);
    q.exec(QStringLiteral(
        "SELECT p.sha256, coalesce(t.uploaded_bytes, 0), max(p.mime), min(p.id IN (SELECT "
        "row_id FROM outbox WHERE entity = 'photos' AND op = 'insert')) FROM photos p LEFT JOIN "
        "photo_transfers t ON t.sha256 = p.sha256 WHERE p.deleted_at IS NULL AND "
        "coalesce(t.on_server, 0) = 0 GROUP BY p.sha256 ORDER BY min(p.created_at), p.sha256"));
    while (q.next()) {
        PendingPhoto p;
        p.sha256 = q.value(0).toString();
        p.path = store.originalPath(p.sha256, q.value(2).toString());
        const QFileInfo fi(p.path);
        if (!fi.isFile())
            continue; // a pulled photo whose original this device never had
        p.size = fi.size();
        p.uploadedBytes = q.value(1).toLongLong();
        p.named = q.value(3).toInt() == 0;
        out << p;
    }
    return out;
}

CoreError SyncManager::setPhotoUploaded(const QString &sha, qint64 received, qint64 total,
                                        bool complete)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO photo_transfers(sha256, on_server, uploaded_bytes, total_bytes, changed_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT(sha256) DO UPDATE SET on_server = excluded.on_server, "
        "uploaded_bytes = excluded.uploaded_bytes, total_bytes = excluded.total_bytes, "
        "last_error = NULL, changed_at = excluded.changed_at"));
    q.addBindValue(sha);
    q.addBindValue(complete ? 1 : 0);
    q.addBindValue(received);
    q.addBindValue(total);
    q.addBindValue(nowMs());
    if (!q.exec())
        return sqlError(q);
    return {};
}

CoreError SyncManager::setPhotoError(const QString &sha, const QString &error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO photo_transfers(sha256, attempts, last_error, changed_at) VALUES (?, 1, ?, ?) "
        "ON CONFLICT(sha256) DO UPDATE SET attempts = attempts + 1, last_error = "
        "excluded.last_error, "
        "changed_at = excluded.changed_at"));
    q.addBindValue(sha);
    q.addBindValue(error);
    q.addBindValue(nowMs());
    if (!q.exec())
        return sqlError(q);
    return {};
}

QStringList SyncManager::wantedThumbnails() const
{
    QStringList out;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SELECT sha256 FROM photo_transfers WHERE thumb_state = 'wanted' "
                          "ORDER BY changed_at, sha256"));
    while (q.next())
        out << q.value(0).toString();
    return out;
}

CoreError SyncManager::setThumbnailFetched(const QString &sha)
{
    return setThumbState(sha, QStringLiteral("fetched"));
}

CoreError SyncManager::setThumbnailUnavailable(const QString &sha)
{
    return setThumbState(sha, QStringLiteral("none"));
}

CoreError SyncManager::setThumbState(const QString &sha, const QString &state)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE photo_transfers SET thumb_state = ?, changed_at = ? WHERE "
                             "sha256 = ?"));
    q.addBindValue(state);
    q.addBindValue(nowMs());
    q.addBindValue(sha);
    if (!q.exec())
        return sqlError(q);
    return {};
}

QString SyncManager::photoMime(const QString &sha) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT mime FROM photos WHERE sha256 = ? ORDER BY deleted_at IS NOT "
                             "NULL LIMIT 1"));
    q.addBindValue(sha);
    return q.exec() && q.next() ? q.value(0).toString() : QStringLiteral("image/jpeg");
}
