#pragma once

#include "coreerror.h"
#include "protocolversion.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

class PushChange;
class PushRequest;

// One push batch built from the outbox (PROTOCOL.md, Push): the oldest entries not rejected, in
// outbox order, at most `limit` and `maxRowChars` of row text, each named by its outbox seq.
// fields: insert = every travelling column, update = the columns whose value differs between
// old_json and new_json, delete = deleted_at. Outbox entries are never changed once written (a
// later edit is a new entry), so a batch can be sent again as it is.
class PushBatch
{
public:
    struct Entry {
        qint64 outboxSeq = 0;
        QString entity;
        QString rowId;
        QString op;
        qint64 baseSeq = 0;
    };
    struct Outcome {
        int stored = 0; // applied + duplicate + conflict
        int conflicts = 0;
        int rejected = 0;
        qint64 serverSeq = 0;
    };

    // As many as the registry takes: a full push of 10,000 inspections took 8.4-10.5 s in
    // batches of 5,000 against 11.0-12.9 s in batches of 2,000.
    static constexpr int maxChanges = ProtocolVersion::maxChangesPerPush;
    // Row text a batch holds at most (new_json's characters; one entry alone may hold more). Even
    // if every character took three bytes in UTF-8, the body stays under the registry's 16 MiB
    // cap (ProtocolVersion::maxBodyBytes): without it, 2,000 entries with long notes made a body
    // the registry refused with 413 at every round, forever.
    static constexpr qint64 maxRowChars = 4000000;
    static_assert(3 * maxRowChars < ProtocolVersion::maxBodyBytes);

    // afterSeq: only entries after this outbox seq (the next batch, built while the one before
    // it is with the registry).
    // An entry whose body alone would pass the registry's cap (ProtocolVersion::maxBodyBytes;
    // the app's forms keep text far shorter, but a row can come from elsewhere) is not sent: the
    // registry would answer 413 at every round and the entries after it would never leave. It is
    // marked refused here (rejected_code tooLargeCode(), with a message that says what to do), as
    // the registry marks a change it refuses: the user sees it on the sync page and may give it
    // up (RejectedDiscard keeps its values on the tablet).
    static CoreError build(const QSqlDatabase &db, const QString &deviceId, int limit,
                           PushBatch *out, qint64 afterSeq = 0);
    // The fields that travel for one outbox entry.
    static QJsonObject fieldsFor(const QString &op, const QJsonObject &oldRow,
                                 const QJsonObject &newRow);

    bool isEmpty() const { return m_entries.isEmpty(); }
    int size() const { return int(m_entries.size()); }
    const QList<Entry> &entries() const { return m_entries; }
    qint64 lastSeq() const { return m_entries.isEmpty() ? 0 : m_entries.constLast().outboxSeq; }
    QByteArray body() const { return m_body; }

    // Checks the registry's reply against the batch and, in one transaction: deletes the stored
    // entries and marks the rejected ones. A reply that does not match the batch changes nothing
    // (Malformed error). A conflict makes sure the pull cursor is before the row's version that
    // holds the winning values (the result's seq; the change's base_seq when the result has
    // none), moving it back only if it is past that. A row whose change the registry stored as
    // sent (the reply's `own`, or a duplicate with a seq) gets that seq as its sync_seq: the pull
    // does not bring it back (X-CCN-Skip-Own). Other rows' sync_seq is left to the next pull;
    // until the cursor passes the reply's server_seq and the row holds that version (PullApplier)
    // they are listed in pushed_unpulled (schema 6), so a restore of the registry in between still
    // has them sent again.
    CoreError applyReply(QSqlDatabase db, const QJsonObject &reply, Outcome *outcome) const;

    static QString tooLargeCode() { return QStringLiteral("too_large"); }

private:
    // The bytes of a body holding `change` alone when they pass the registry's cap, else 0.
    static qint64 bodyBytesAlone(const PushRequest &request, const PushChange &change,
                                 qint64 chars);
    static CoreError setAsideTooLarge(const QSqlDatabase &db, qint64 outboxSeq, qint64 bytes);

    QList<Entry> m_entries;
    QByteArray m_body;
};
