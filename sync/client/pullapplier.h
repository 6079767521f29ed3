#pragma once

#include "coreerror.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

#include <memory>
#include <vector>

// Writes one pulled page (PROTOCOL.md, Pull) and its cursor in ONE transaction with
// sync_flags.applying = 1, so nothing is echoed into the outbox. A field that still has a pending
// (not rejected) outbox change keeps the local value; a tombstone sets deleted_at; each row's
// sync_seq becomes the change's seq. Pulled photo rows ask for their thumbnails.
class PullApplier
{
public:
    struct Page {
        int applied = 0;
        int skipped = 0; // unknown entities
        qint64 next = 0;
        bool more = false;
    };

    explicit PullApplier(QSqlDatabase db);
    ~PullApplier();
    PullApplier(const PullApplier &) = delete;
    PullApplier &operator=(const PullApplier &) = delete;

    // `since` is the cursor the page was asked with; the reply is checked before anything is
    // written (a malformed page changes nothing).
    CoreError apply(const QJsonObject &page, qint64 since, Page *result);

    // Fields of (entity, rowId) with a pending local change in the outbox.
    QStringList pendingFields(const QString &entity, const QString &rowId) const;

private:
    CoreError applyChange(const QJsonObject &change);
    // Pending fields of every row of the page, read with one query (the outbox does not change
    // while a page is applied: sync_flags.applying is set).
    CoreError loadPending(const QJsonArray &changes);
    // `sql` prepared once (cached by its text) for this connection; null if it does not prepare.
    QSqlQuery *prepared(const QString &sql);

    QSqlDatabase m_db;
    QHash<QString, QStringList> m_columns;   // synced tables -> travelling columns
    QHash<QString, QSet<QString>> m_pending; // entity + '/' + row_id -> fields, for one page
    QHash<QString, QSqlQuery *> m_statements;
    std::vector<std::unique_ptr<QSqlQuery>> m_ownedStatements;
};
