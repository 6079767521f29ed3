#pragma once

#include "coreerror.h"

#include <QHash>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>

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

    // `since` is the cursor the page was asked with; the reply is checked before anything is
    // written (a malformed page changes nothing).
    CoreError apply(const QJsonObject &page, qint64 since, Page *result);

    // Fields of (entity, rowId) with a pending local change in the outbox.
    QStringList pendingFields(const QString &entity, const QString &rowId) const;

private:
    CoreError applyChange(const QJsonObject &change);

    QSqlDatabase m_db;
    QHash<QString, QStringList> m_columns; // synced tables -> travelling columns
};
