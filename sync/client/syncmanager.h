#pragma once

#include "coreerror.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantList>

// Who is logged in on this device, as the registry said at login. Stored in sync_state under
// "auth" as JSON with "format": 1. Never the password.
struct SyncAuth {
    static constexpr int format = 1;
    QString token;
    qint64 expiresAt = 0;
    QString userId;
    QString username;
    QString role;
    QString provinceId;

    bool valid() const { return !token.isEmpty(); }
};

// A photo file that the registry does not have yet.
struct PendingPhoto {
    QString sha256;
    QString path;
    qint64 size = 0;
    qint64 uploadedBytes = 0;
    // False while every row naming it waits in the outbox as a new row (not sent, refused, or
    // another user's): the registry takes a photo's bytes only once it holds a row naming them.
    bool named = true;
};

// The sync state kept in the device database: the device id, the login, the pull cursor, the last
// successful sync, the photo transfers, and the counts the UI shows.
class SyncManager
{
public:
    explicit SyncManager(QSqlDatabase db);

    QSqlDatabase database() const { return m_db; }

    QString value(const QString &key, const QString &fallback = QString()) const;
    CoreError setValue(const QString &key, const QString &value);
    CoreError removeValue(const QString &key);

    // Chosen once per device database (UUIDv7) and kept; empty when it cannot be stored.
    QString deviceId();
    // 32 random bytes (base64url) made once per device database beside its id and sent at every
    // login: the registry keeps their hash and refuses the id to anyone without them, so nobody
    // can push under this tablet's id. Empty when it cannot be stored.
    QString deviceSecret();
    qint64 pullCursor() const;
    CoreError setPullCursor(qint64 cursor);
    qint64 lastSyncAt() const;
    CoreError setLastSyncAt(qint64 ms);

    SyncAuth auth() const;
    CoreError setAuth(const SyncAuth &auth);
    // A login's auth, with the registry it came from: when this device last pulled for another
    // registry or another user, its pull cursor goes back to 0 in the same transaction (the pull
    // is filtered by the user's scope, so the new user's rows below the old cursor were never
    // pulled; another registry's sequences mean nothing here). The registry epoch it knew is
    // forgotten only with another registry (*epochForgotten): it is the registry's, and kept
    // across users a restore made meanwhile is still caught. The pull's owner is kept under
    // "pull_owner" as JSON {"format": 1, "server", "user_id"}; a device that has none yet (an
    // older app) keeps its cursor.
    CoreError setAuthFrom(const QString &server, const SyncAuth &auth, bool *cursorReset = nullptr,
                          bool *epochForgotten = nullptr);
    CoreError clearAuth();

    // Outbox entries still to send (not rejected), and when asked the size of their new values
    // (as stored: the JSON text, in bytes) in the same scan.
    // Outbox entries the user logged in (sync_flags.author) sends: theirs, and those with no
    // author (schema 009). The SQL condition; every statement that picks entries to send uses it.
    static constexpr const char *ownEntries =
        "(author IS NULL OR author = (SELECT author FROM sync_flags))";
    // Entries waiting to be sent by the user logged in (ownEntries) and, with `bytes`, their size.
    int pendingRecordCount(qint64 *bytes = nullptr) const;
    // The entries waiting to be sent (refused ones are in rejectedCount), in one scan: the user
    // logged in sends `records` (`bytes` of values); `othersRecords` are other users' entries
    // made on this tablet, which wait for them to log in; `otherAuthors` their user names (ids
    // where a name was never seen), oldest first.
    struct Waiting {
        int records = 0;
        qint64 bytes = 0;
        int othersRecords = 0;
        QStringList otherAuthors;
    };
    Waiting waiting() const;
    // Who works on the tablet from now on (at each login); their name is kept for the page.
    CoreError setAuthor(const QString &userId, const QString &username);
    // The user logged in takes over the entries others left (sent as theirs from then on).
    CoreError adoptOthersChanges();
    int rejectedCount() const;
    // Rejected entries on the tablet: seq, mine (made by the user logged in, or by no one known:
    // they may give it up) and author (another user's name, else their id; empty when mine),
    // entity, row_id, op, code, message, created_at,
    // retriedBySync (ChangeResult::waitsForAnotherRow and waiting for less than waitLimitDays: sent
    // again by each round) and waitedTooLong (the same, waiting longer: no longer sent by itself;
    // the user is asked to tell a supervisor, then to send it again). `now`: the device clock, ms
    // since epoch (-1: now).
    QVariantList rejectedChanges(qint64 now = -1) const;
    // Makes a rejected entry eligible again (the user fixed the cause, or asked for another wait);
    // false when not found.
    CoreError retryRejected(qint64 outboxSeq);
    // How long an entry refused for want of another row goes again by itself (schema 008,
    // outbox.waiting_since, device clock): a row that has not come in a week is not coming by
    // itself (the tablet that holds it was lost or reset), and a person has to act.
    static constexpr int waitLimitDays = 7;
    // Makes every entry rejected for one of those eligible again (each round, before it pushes),
    // unless it has waited waitLimitDays already. `now`: ms since epoch (-1: now).
    CoreError retryWaitingForOtherRows(qint64 now = -1);

    // Photo files under `root` (a PhotoStore's) whose rows are alive and that the registry does
    // not hold yet (those it holds no row naming are marked: PendingPhoto::named).
    QList<PendingPhoto> pendingPhotos(const QString &root) const;
    // The type of the photo named `sha` ("image/jpeg" when no row names it): its file's suffix.
    QString photoMime(const QString &sha) const;
    CoreError setPhotoUploaded(const QString &sha, qint64 received, qint64 total, bool complete);
    CoreError setPhotoError(const QString &sha, const QString &error);
    QStringList wantedThumbnails() const;
    CoreError setThumbnailFetched(const QString &sha);
    // The registry cannot make this photo's thumbnail (it reads no image in the file): it is no
    // longer wanted. A later pull of the photo's row asks once more (thumb_state 'none').
    CoreError setThumbnailUnavailable(const QString &sha);

private:
    CoreError setThumbState(const QString &sha, const QString &state);
    // User id -> user name of everyone who logged in here (sync_state "authors").
    QJsonObject authorNames() const;
    // The time before which an entry that waits for another row has waited too long.
    static qint64 waitStart(qint64 now);
    QSqlDatabase m_db;
};
