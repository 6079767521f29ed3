#pragma once

#include "coreerror.h"
#include "pulledpage.h"
#include "sqlitestatements.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

#include <memory>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

// Writes one pulled page (PROTOCOL.md, Pull: runs of rows) and its cursor in ONE transaction with
// sync_flags.applying = 1, so nothing is echoed into the outbox. A field that still has a pending
// (not rejected) outbox change keeps the local value; a tombstone sets deleted_at; each row's
// sync_seq becomes its seq. Pulled photo rows ask for their thumbnails; search_text is refreshed
// once per affected row per page; new tenants and inspections wait in the SearchBacklog. Keep one
// applier for many pages: its statements are prepared once per (entity, column list).
class PullApplier
{
public:
    struct Page {
        int applied = 0;
        int skipped = 0;  // rows of entities this device does not have
        int deferred = 0; // new rows left for search to index after the round (SearchBacklog)
        qint64 next = 0;
        bool more = false;
    };

    explicit PullApplier(QSqlDatabase db);
    ~PullApplier();
    PullApplier(const PullApplier &) = delete;
    PullApplier &operator=(const PullApplier &) = delete;

    // `since` is the cursor the page was asked with; the whole page is checked before anything
    // is written (a malformed page changes nothing and says what is wrong).
    CoreError apply(const PulledPage &page, qint64 since, Page *result);
    // The same for a page held as a JSON object (its values as Qt read them).
    CoreError apply(const QJsonObject &page, qint64 since, Page *result);
    // Writes the registry's versions of rows that discards asked for (POST /api/v1/discards,
    // RejectedDiscard) as a page is written, in one transaction, but the pull cursor stays where
    // it is; a column the registry's row does not carry is emptied (a row alive on the registry
    // is alive here: a refused new row given up had become a tombstone), unless a change still
    // waiting holds it; the discards named in `done` (their change seqs) leave refetch_rows.
    CoreError applyRefetched(const PulledPage &page, const QList<qint64> &done, Page *result);

    // Fields of (entity, rowId) with a pending local change in the outbox.
    QStringList pendingFields(const QString &entity, const QString &rowId) const;

private:
    // What a column list of an entity means on this device, worked out once per (entity, column
    // list) and kept with its statements for every run and page of that shape.
    struct Shape {
        QString entity;
        bool known = false;     // a table of this device
        bool searched = false;  // has search_text
        bool triggered = false; // a trigger of its own (not the outbox's) fires on its writes
        // Its only triggers keep the full-text indexes: new rows are inserted with triggers off
        // and indexed once per page (SearchText::indexNew), or after the round for the tables
        // SearchBacklog defers.
        bool indexedPerPage = false;
        QString searchParent;  // the table whose search_text names this one's rows
        qsizetype width = 0;   // items in a row: seq, deleted, then one per wire column
        QStringList columns;   // device columns written, in statement order ("id" first)
        std::vector<int> from; // wire index (in a row array) of each of `columns`
        int idAt = -1, deletedAtAt = -1, updatedAtAt = -1, searchParentAt = -1, sha256At = -1;
        sqlite3_stmt *probe = nullptr; // a row by id
        sqlite3_stmt *range = nullptr; // any row between two ids
        // Statements without pending fields: [insert or update][deleted_at added for a
        // tombstone whose run does not carry it].
        sqlite3_stmt *statements[2][2] = {{nullptr, nullptr}, {nullptr, nullptr}};
        QHash<int, sqlite3_stmt *> inserts;         // by row count
        std::vector<const PulledPage::Row *> fresh; // this page's new rows, inserted together
    };
    struct Run {
        Shape *shape = nullptr;
        const PulledPage::Run *run = nullptr;
    };

    // The shape of the run's columns for its entity, checked (an empty message) or why not.
    Shape *shapeOf(const PulledPage::Run &run, QString *why);
    CoreError check(qint64 since, Page *p, std::vector<Run> *runs);
    // A page, applied again with settleKeys when it failed on a natural key held by two rows.
    CoreError applyPage(qint64 since, Page *result);
    CoreError applyPageOnce(qint64 since, Page *result);
    // Sets aside, into displaced_rows, the rows of the page or of the device that another row of
    // the same natural key keeps out of their table (DisplacedRows); their ids go to m_skip.
    CoreError settleKeys(const std::vector<Run> &runs);
    // What a page of refetched rows writes instead of the cursor (applyRefetched).
    CoreError finishRefetch(const std::vector<Run> &runs);
    CoreError applyRun(const Run &run);
    // Whether the table may hold a row of the run: it holds a row between the run's lowest and
    // highest id (true too where that is not worked out).
    CoreError anyBetween(const Run &run, bool *any);
    // Inserts the new rows gathered for each shape (of triggered tables or not).
    CoreError insertFresh(bool triggered);
    // ... of the shapes indexed per page or of the others (with the connection as it is).
    CoreError insertFresh(bool triggered, bool indexedPerPage);
    struct RowFacts {
        qint64 seq = 0;
        bool deleted = false;
        bool setDeletedAt = false; // a tombstone without deleted_at gets one
        bool extra = false;        // ... in a column the run does not carry
        qint64 deletedAt = 0;
    };
    RowFacts factsOf(const Shape &shape, const PulledPage::Row &row, qint64 now) const;
    // Binds a value of the page (its text stays in the page until the step).
    void bind(sqlite3_stmt *st, int at, const PulledPage::Value &v) const;
    // Binds a row's values from parameter `at` on (an update: but id and `keep`, then sync_seq
    // and the id); returns the next parameter.
    int bindRow(sqlite3_stmt *st, int at, const Shape &shape, const PulledPage::Row &row,
                const RowFacts &facts, bool update, const QSet<QString> *keep) const;
    CoreError step(sqlite3_stmt *st) const;
    // Pending fields of every row of the page, read with one query, only when the outbox holds
    // unrejected entries (it does not change while a page is applied: sync_flags.applying is set).
    CoreError loadPending(const std::vector<Run> &runs);
    // INSERT of `rows` rows of `columns` + sync_seq, or UPDATE of `columns` (but id and `keep`)
    // + sync_seq by id.
    sqlite3_stmt *writer(const QString &entity, const QStringList &columns, bool insert,
                         const QSet<QString> &keep, int rows = 1);
    // Rows are written through SQLite's own API on the connection's handle (Qt SQL's binding
    // costs more than the insert itself): `sql` prepared once for this connection.
    sqlite3_stmt *raw(const QString &sql);
    CoreError rawFailure() const;
    // `sql` prepared once (cached by its text) for this connection; null if it does not prepare.
    // Deletes the pushed_unpulled entries (server_seq <= ?) whose row holds that version now:
    // its sync_seq at or past it, or no such row.
    QString pulledBackSql() const;
    QSqlQuery *prepared(const QString &sql);

    QSqlDatabase m_db;
    const PulledPage *m_page = nullptr;         // the page being applied
    const QList<qint64> *m_refetched = nullptr; // applyRefetched's discards, else null
    QHash<QString, QStringList> m_columns;      // synced tables -> travelling columns
    QSet<QString> m_triggered;                  // tables with triggers besides the outbox's
    QSet<QString> m_indexedPerPage;             // ... that are only the full-text indexes
    QHash<QString, QStringList> m_indexNew;     // table -> new rows for the full-text indexes
    QHash<QString, QSet<QString>> m_pending;    // entity + '/' + row_id -> fields, for one page
    QHash<QString, QSet<QString>> m_search;     // table -> ids whose search_text to refresh
    QHash<QString, QSqlQuery *> m_statements;
    std::vector<std::unique_ptr<QSqlQuery>> m_ownedStatements;
    sqlite3 *m_handle = nullptr;
    SqliteStatements m_raw;              // on m_handle
    QHash<QByteArray, Shape *> m_shapes; // entity + column list -> shape
    QByteArray m_shapeKey;
    std::vector<std::unique_ptr<Shape>> m_ownedShapes;
    mutable int m_failedCode = 0;    // SQLite's extended code of the last failed step
    mutable QString m_failedMessage; // ... and its message
    bool m_settleKeys = false;       // applying a page again: settleKeys first
    QSet<QString> m_skip;            // entity + '/' + id: rows of the page not written
};
