#include "pullapplier.h"

#include "searchbacklog.h"
#include "searchtext.h"
#include "sqlitehandle.h"

#include "displacedrows.h"
#include "outboxtriggers.h"
#include "protocolversion.h"
#include "pullpragmas.h"
#include "pushbatch.h"
#include "syncerrors.h"
#include "transaction.h"
#include "triggersoff.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QtMath>

#include <algorithm>
#include <cstring>

#include <sqlite3.h>

namespace {
CoreError sqlFailure(const QSqlQuery &q)
{
    return SyncErrors::make(SyncErrors::Kind::Local, q.lastError().text());
}

CoreError malformed(int run, const QString &what)
{
    return SyncErrors::malformed(QStringLiteral("pull: run %1: %2").arg(run).arg(what));
}
} // namespace

PullApplier::PullApplier(QSqlDatabase db) : m_db(std::move(db))
{
    m_columns = OutboxTriggers::syncedColumns(m_db);
    // The outbox's triggers do nothing while a page is written (sync_flags.applying); tables
    // whose writes fire other triggers (full-text indexes) are written with triggers on.
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'"));
    QHash<QString, QSet<QString>> own; // table -> its triggers besides the outbox's
    while (q.next()) {
        const QString table = q.value(0).toString();
        const QString name = q.value(1).toString();
        if (name != table + QLatin1String("_outbox_ai") &&
            name != table + QLatin1String("_outbox_au") &&
            name != table + QLatin1String("_no_hard_delete"))
            own[table].insert(name);
    }
    for (auto it = own.constBegin(); it != own.constEnd(); ++it) {
        m_triggered.insert(it.key());
        // Only the triggers that keep the full-text indexes: new rows can be indexed per page.
        const QStringList index = SearchText::indexTriggersOf(it.key());
        if (!index.isEmpty() && it.value() == QSet<QString>(index.cbegin(), index.cend()))
            m_indexedPerPage.insert(it.key());
    }
    m_handle = SqliteHandle::of(m_db);
    m_raw.setConnection(m_handle);
}

PullApplier::~PullApplier() = default;

sqlite3_stmt *PullApplier::raw(const QString &sql)
{
    return m_raw.prepare(sql);
}

CoreError PullApplier::rawFailure() const
{
    return SyncErrors::make(SyncErrors::Kind::Local,
                            m_handle ? QString::fromUtf8(sqlite3_errmsg(m_handle))
                                     : QStringLiteral("pull: not an SQLite database"));
}

QString PullApplier::pulledBackSql() const
{
    QStringList tables = m_columns.keys();
    tables.sort(); // a fixed statement text
    QStringList held;
    for (const QString &t : std::as_const(tables))
        held << QStringLiteral("(p.entity = '%1' AND NOT EXISTS (SELECT 1 FROM %1 r WHERE r.id = "
                               "p.row_id AND r.sync_seq < p.server_seq))")
                    .arg(t);
    return QStringLiteral("DELETE FROM pushed_unpulled AS p WHERE p.server_seq <= ? AND (%1)")
        .arg(held.isEmpty() ? QStringLiteral("0") : held.join(QStringLiteral(" OR ")));
}

QSqlQuery *PullApplier::prepared(const QString &sql)
{
    if (QSqlQuery *q = m_statements.value(sql))
        return q;
    auto owned = std::make_unique<QSqlQuery>(m_db);
    owned->setForwardOnly(true);
    if (!owned->prepare(sql))
        return nullptr;
    QSqlQuery *q = owned.get();
    m_ownedStatements.push_back(std::move(owned));
    m_statements.insert(sql, q);
    return q;
}

sqlite3_stmt *PullApplier::writer(const QString &entity, const QStringList &columns, bool insert,
                                  const QSet<QString> &keep, int rows)
{
    QStringList parts;
    for (const QString &c : columns) {
        if (insert)
            parts << QStringLiteral("?");
        else if (c != QLatin1String("id") && !keep.contains(c))
            parts << QStringLiteral("%1 = ?").arg(c);
    }
    if (insert) {
        const QString values =
            QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QStringLiteral(", ?)");
        QStringList all;
        for (int i = 0; i < rows; ++i)
            all << values;
        return raw(
            QStringLiteral("INSERT INTO %1(%2, sync_seq) VALUES %3")
                .arg(entity, columns.join(QStringLiteral(", ")), all.join(QStringLiteral(", "))));
    }
    parts << QStringLiteral("sync_seq = ?");
    return raw(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?")
                   .arg(entity, parts.join(QStringLiteral(", "))));
}

CoreError PullApplier::loadPending(const std::vector<Run> &runs)
{
    m_pending.clear();
    QSqlQuery *any = prepared(
        QStringLiteral("SELECT EXISTS (SELECT 1 FROM outbox WHERE rejected_code IS NULL)"));
    if (!any)
        return SyncErrors::make(SyncErrors::Kind::Local, m_db.lastError().text());
    if (!any->exec())
        return sqlFailure(*any);
    const bool pending = any->next() && any->value(0).toInt() != 0;
    any->finish();
    if (!pending)
        return {};
    QJsonArray ids;
    for (const Run &run : runs) {
        if (!run.shape->known)
            continue;
        for (int i = 0; i < run.run->rowCount; ++i)
            ids.append(
                m_page->toString(m_page->at(m_page->row(run.run->firstRow + i), run.shape->idAt)));
    }
    QSqlQuery *q = prepared(QStringLiteral(
        "SELECT entity, row_id, op, old_json, new_json FROM outbox WHERE rejected_code IS NULL "
        "AND row_id IN (SELECT value FROM json_each(?))"));
    if (!q)
        return SyncErrors::make(SyncErrors::Kind::Local, m_db.lastError().text());
    q->bindValue(0, QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact)));
    if (!q->exec())
        return sqlFailure(*q);
    while (q->next()) {
        const QJsonObject oldRow =
            QJsonDocument::fromJson(q->value(3).toString().toUtf8()).object();
        const QJsonObject newRow =
            QJsonDocument::fromJson(q->value(4).toString().toUtf8()).object();
        const QJsonObject f = PushBatch::fieldsFor(q->value(2).toString(), oldRow, newRow);
        QSet<QString> &fields =
            m_pending[q->value(0).toString() + QLatin1Char('/') + q->value(1).toString()];
        for (auto it = f.constBegin(); it != f.constEnd(); ++it)
            fields.insert(it.key());
    }
    q->finish();
    return {};
}

QStringList PullApplier::pendingFields(const QString &entity, const QString &rowId) const
{
    QSet<QString> fields;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT op, old_json, new_json FROM outbox WHERE entity = ? AND "
                             "row_id = ? AND rejected_code IS NULL"));
    q.addBindValue(entity);
    q.addBindValue(rowId);
    q.exec();
    while (q.next()) {
        const QJsonObject oldRow = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
        const QJsonObject newRow = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
        const QJsonObject f = PushBatch::fieldsFor(q.value(0).toString(), oldRow, newRow);
        for (auto it = f.constBegin(); it != f.constEnd(); ++it)
            fields.insert(it.key());
    }
    QStringList out(fields.begin(), fields.end());
    out.sort();
    return out;
}

PullApplier::Shape *PullApplier::shapeOf(const PulledPage::Run &run, QString *why)
{
    // The key is built in a buffer kept for every run (pages hold hundreds of runs).
    QByteArray &key = m_shapeKey;
    key.clear();
    auto append = [&](const PulledPage::Value &v) {
        if (v.isString())
            key.append(v.utf8, v.size);
        else
            key.append('\x1e'); // not a name: never the key of a checked shape
    };
    append(run.entity);
    for (int i = 0; i < run.columnCount; ++i) {
        key.append('\x1f');
        append(m_page->value(run.firstColumn + i));
    }
    if (Shape *shape = m_shapes.value(key))
        return shape;
    const QString entity = m_page->toString(run.entity);
    auto owned = std::make_unique<Shape>();
    Shape &s = *owned;
    s.entity = entity;
    const auto known = m_columns.constFind(entity);
    s.known = known != m_columns.constEnd();
    s.searched = SearchText::covers(entity);
    s.width = run.columnCount + 2;
    QSet<QString> seen;
    for (int i = 0; i < run.columnCount; ++i) {
        const PulledPage::Value &column = m_page->value(run.firstColumn + i);
        const QString c = m_page->toString(column);
        if (!column.isString() || c.isEmpty() || seen.contains(c)) {
            *why = QStringLiteral("column %1 is not a new name").arg(i);
            return nullptr;
        }
        seen.insert(c);
        const int at = i + 2;
        if (c == QLatin1String("id"))
            s.idAt = at;
        if (!s.known || !known->contains(c))
            continue; // a column this device does not have
        if (c == QLatin1String("id")) {
            s.columns.prepend(c);
            s.from.insert(s.from.begin(), at);
        } else {
            s.columns << c;
            s.from.push_back(at);
        }
        if (c == QLatin1String("deleted_at")) {
            s.deletedAtAt = at;
        } else if (c == QLatin1String("updated_at")) {
            s.updatedAtAt = at;
        } else if (c == QLatin1String("sha256") && entity == QLatin1String("photos")) {
            s.sha256At = at;
        } else if (c == QLatin1String("inspection_id") &&
                   entity == QLatin1String("inspection_participants")) {
            s.searchParentAt = at;
            s.searchParent = QStringLiteral("inspections");
        } else if (c == QLatin1String("cluster_id") && entity == QLatin1String("cluster_units")) {
            s.searchParentAt = at;
            s.searchParent = QStringLiteral("clusters");
        }
    }
    if (s.idAt < 0) {
        *why = QStringLiteral("no id column");
        return nullptr;
    }
    s.triggered = m_triggered.contains(entity) ||
                  (s.sha256At >= 0 && m_triggered.contains(QStringLiteral("photo_transfers")));
    s.indexedPerPage = s.searched && s.sha256At < 0 && m_indexedPerPage.contains(entity);
    m_shapes.insert(key, owned.get());
    m_ownedShapes.push_back(std::move(owned));
    return &s;
}

CoreError PullApplier::check(qint64 since, Page *p, std::vector<Run> *runs)
{
    const PulledPage &page = *m_page;
    if (page.protocol().toInt() != ProtocolVersion::current)
        return SyncErrors::malformed(QStringLiteral("pull: protocol"));
    if (page.runsType() != PulledPage::Type::Array || !page.next().isInteger() ||
        page.more().type != PulledPage::Type::Bool)
        return SyncErrors::malformed(QStringLiteral("pull: page needs runs, next and more"));
    p->next = qint64(page.next().number);
    p->more = page.more().boolean;
    if (p->next < since)
        return SyncErrors::malformed(QStringLiteral("pull: cursor went back"));
    qint64 last = since;
    int n = 0;
    for (const PulledPage::Run &r : page.runs()) {
        ++n;
        if (r.type != PulledPage::Type::Object || !r.entity.isString() ||
            page.toString(r.entity).isEmpty() || r.columnsType != PulledPage::Type::Array ||
            r.rowsType != PulledPage::Type::Array)
            return malformed(n, QStringLiteral("needs entity, columns and rows"));
        if (r.rowCount == 0)
            return malformed(n, QStringLiteral("no rows"));
        Run run;
        run.run = &r;
        QString why;
        run.shape = shapeOf(r, &why);
        if (!run.shape)
            return malformed(n, why);
        const int width = int(run.shape->width);
        const int idAt = run.shape->idAt;
        for (int i = 0; i < r.rowCount; ++i) {
            const PulledPage::Row &row = page.row(r.firstRow + i);
            if (row.type != PulledPage::Type::Array || row.size != width)
                return malformed(n, QStringLiteral("a row has not %1 values").arg(width));
            const PulledPage::Value &seq = page.at(row, 0);
            const PulledPage::Value &deleted = page.at(row, 1);
            if (!seq.isInteger() || qint64(seq.number) <= last)
                return malformed(n, QStringLiteral("seq not in ascending order after the cursor"));
            last = qint64(seq.number);
            if (last > p->next)
                return malformed(n, QStringLiteral("seq after next"));
            if (!deleted.isInteger() || (deleted.toInteger() != 0 && deleted.toInteger() != 1))
                return malformed(n, QStringLiteral("deleted is not 0 or 1"));
            const PulledPage::Value &id = page.at(row, idAt);
            if (!id.isString() || page.toString(id).isEmpty())
                return malformed(n, QStringLiteral("a row without id"));
        }
        runs->push_back(run);
    }
    // A page whose rows this device holds already (left out, X-CCN-Skip-Own) has no runs but
    // moves the cursor on; one that does neither would be asked for again and again.
    if (p->more && runs->empty() && p->next <= since)
        return SyncErrors::malformed(QStringLiteral("pull: empty page with more"));
    return {};
}

CoreError PullApplier::apply(const QJsonObject &page, qint64 since, Page *result)
{
    return apply(PulledPage::fromObject(page), since, result);
}

CoreError PullApplier::apply(const PulledPage &page, qint64 since, Page *result)
{
    m_page = &page;
    const CoreError e = applyPage(since, result);
    m_page = nullptr;
    return e;
}

CoreError PullApplier::applyRefetched(const PulledPage &page, const QList<qint64> &done,
                                      Page *result)
{
    m_page = &page;
    m_refetched = &done;
    const CoreError e = applyPage(0, result);
    m_refetched = nullptr;
    m_page = nullptr;
    return e;
}

CoreError PullApplier::finishRefetch(const std::vector<Run> &runs)
{
    const PulledPage &page = *m_page;
    // A column the registry's row does not carry is empty there: the device's value of it (one
    // a change given up had written, a refused new row's tombstone) goes too, unless a change
    // still waiting to be sent holds it. A tombstone's deleted_at was written with the row.
    for (const Run &run : runs) {
        if (!run.shape->known)
            continue;
        const QString &entity = run.shape->entity;
        QStringList absent;
        for (const QString &c : m_columns.value(entity))
            if (c != QLatin1String("id") && !run.shape->columns.contains(c))
                absent << c;
        for (int i = 0; !absent.isEmpty() && i < run.run->rowCount; ++i) {
            const PulledPage::Row &row = page.row(run.run->firstRow + i);
            const QString id = page.toString(page.at(row, run.shape->idAt));
            const QSet<QString> keep = m_pending.value(entity + QLatin1Char('/') + id);
            const bool deleted = page.at(row, 1).toInteger() != 0;
            QStringList sets;
            for (const QString &c : std::as_const(absent))
                if (!keep.contains(c) && !(deleted && c == QLatin1String("deleted_at")))
                    sets << c + QStringLiteral(" = NULL");
            if (sets.isEmpty())
                continue;
            QSqlQuery *empty = prepared(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?")
                                            .arg(entity, sets.join(QStringLiteral(", "))));
            if (!empty)
                return SyncErrors::make(SyncErrors::Kind::Local, m_db.lastError().text());
            empty->bindValue(0, id);
            if (!empty->exec())
                return sqlFailure(*empty);
        }
    }
    QSqlQuery *done = prepared(QStringLiteral("DELETE FROM refetch_rows WHERE change_seq = ?"));
    if (!done)
        return SyncErrors::make(SyncErrors::Kind::Local, m_db.lastError().text());
    for (const qint64 seq : *m_refetched) {
        done->bindValue(0, seq);
        if (!done->exec())
            return sqlFailure(*done);
    }
    return {};
}

CoreError PullApplier::applyPage(qint64 since, Page *result)
{
    m_failedCode = 0;
    CoreError e = applyPageOnce(since, result);
    if (e.failed() && m_failedCode == SQLITE_CONSTRAINT_UNIQUE) {
        // Two rows of one natural key (the registry holds two answers to one question): the page
        // again, the rows that cannot be held set aside first (DisplacedRows).
        m_settleKeys = true;
        m_failedCode = 0; // the retry's own failure, if any, says what it was
        e = applyPageOnce(since, result);
        m_settleKeys = false;
        m_skip.clear();
    }
    if (e.failed() && (m_failedCode & 0xff) == SQLITE_CONSTRAINT)
        // Not the device's storage: a row of the registry this tablet's schema does not take (a
        // value its CHECK refuses, a NOT NULL column empty). Said so, not as a full disk.
        return SyncErrors::make(
            SyncErrors::Kind::Malformed,
            QStringLiteral("pull: a row the registry sent does not fit this tablet (%1)")
                .arg(m_failedMessage));
    return e;
}

CoreError PullApplier::applyPageOnce(qint64 since, Page *result)
{
    Page p;
    std::vector<Run> runs;
    if (const CoreError e = check(since, &p, &runs); e.failed())
        return e;

    // Foreign keys off, commits not waiting for the disk, a cache that holds the page.
    const PullPragmas pragmas(m_db);
    QSqlQuery q(m_db);
    CoreError error;
    m_search.clear();
    m_indexNew.clear();
    for (const auto &shape : m_ownedShapes)
        shape->fresh.clear();
    {
        Transaction tx(m_db);
        if (!tx.active()) {
            error = SyncErrors::make(SyncErrors::Kind::Local, tx.beginError().message());
        } else if (!q.exec(QStringLiteral("UPDATE sync_flags SET applying = 1"))) {
            error = sqlFailure(q);
        } else if (error = loadPending(runs);
                   error.ok() && (!m_settleKeys || (error = settleKeys(runs)).ok())) {
            // Tables without triggers of their own first, with the connection's triggers off:
            // the outbox's do nothing while a page is written, yet each row would run their
            // program. Tables with triggers (full-text indexes) last: once those have written in
            // this transaction, FTS5 takes part in every later statement.
            for (const bool triggered : {false, true}) {
                const TriggersOff off(m_handle, !triggered);
                for (const Run &run : runs) {
                    if (error.failed() || run.shape->triggered != triggered)
                        continue;
                    if (!run.shape->known) {
                        p.skipped += run.run->rowCount;
                        continue;
                    }
                    error = applyRun(run);
                    if (error.ok())
                        p.applied += run.run->rowCount;
                }
                if (error.ok())
                    error = insertFresh(triggered);
            }
            // search_text is device-only: rebuilt once for every row the page touched, for the
            // rows they describe, and for the rows that show their values (a renamed cluster's
            // tenants and inspections). New rows inserted with triggers off enter the full-text
            // indexes here, all of a table's in one statement per index, or wait in the
            // SearchBacklog for the sync worker to index them after the round.
            if (error.ok() && m_search.contains(QStringLiteral("clusters")))
                error = SearchText::rowsShowing(m_db, QStringLiteral("clusters"),
                                                m_search.value(QStringLiteral("clusters")).values(),
                                                &m_search);
            for (auto it = m_indexNew.constBegin(); error.ok() && it != m_indexNew.constEnd();
                 ++it) {
                QSet<QString> &others = m_search[it.key()];
                for (const QString &id : it.value())
                    others.remove(id);
                if (SearchBacklog::defers(it.key())) {
                    error = SearchBacklog::add(m_db, it.key(), it.value());
                    p.deferred += int(it.value().size());
                } else {
                    error = SearchText::indexNew(m_db, it.key(), it.value());
                }
            }
            for (auto it = m_search.constBegin(); error.ok() && it != m_search.constEnd(); ++it)
                error = SearchText::refresh(m_db, it.key(), it.value().values());
            if (error.ok() && m_refetched) {
                error = finishRefetch(runs);
            } else if (error.ok()) {
                QSqlQuery *cur =
                    prepared(QStringLiteral("INSERT INTO sync_state(key, value) VALUES "
                                            "('pull_cursor', ?) ON CONFLICT(key) DO UPDATE SET "
                                            "value = excluded.value"));
                if (!cur)
                    error = SyncErrors::make(SyncErrors::Kind::Local, m_db.lastError().text());
                else if (cur->bindValue(0, QString::number(p.next)); !cur->exec())
                    error = sqlFailure(*cur);
            }
            if (error.ok() && !m_refetched) {
                // Versions pushed in batches the cursor has now passed are held once their row
                // holds them: pulled at that version or later. A row written again by another
                // device after the batch comes once, at its newest version, maybe in a later page
                // the round never reaches; until then its entry stays, so a restore of the
                // registry in between still has it sent again.
                QSqlQuery *done = prepared(pulledBackSql());
                if (!done)
                    error = SyncErrors::make(SyncErrors::Kind::Local, m_db.lastError().text());
                else if (done->bindValue(0, p.next); !done->exec())
                    error = sqlFailure(*done);
            }
            if (error.ok() && !q.exec(QStringLiteral("UPDATE sync_flags SET applying = 0")))
                error = sqlFailure(q);
            if (error.ok()) {
                const CoreError c = tx.commit();
                if (c.failed())
                    error = SyncErrors::make(SyncErrors::Kind::Local, c.message());
            }
        }
    }
    m_pending.clear();
    m_search.clear();
    m_indexNew.clear();
    if (error.failed())
        return error;
    if (result)
        *result = p;
    return {};
}

CoreError PullApplier::applyRun(const Run &run)
{
    const PulledPage &page = *m_page;
    Shape &shape = *run.shape;
    // A row the device has is updated (only the run's columns), a new one inserted: an upsert
    // would check the NOT NULL columns of its INSERT part first, and refuse a partial row.
    if (!shape.probe &&
        !(shape.probe = raw(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(shape.entity))))
        return rawFailure();
    sqlite3_stmt *photo =
        shape.sha256At < 0
            ? nullptr
            : raw(QStringLiteral("INSERT INTO photo_transfers(sha256, thumb_state, changed_at) "
                                 "VALUES (?, 'wanted', ?) ON CONFLICT(sha256) DO UPDATE SET "
                                 "thumb_state = 'wanted' WHERE thumb_state = 'none'"));
    if (shape.sha256At >= 0 && !photo)
        return rawFailure();
    QSet<QString> *search = shape.searched ? &m_search[shape.entity] : nullptr;
    QSet<QString> *searchParent = nullptr;
    if (shape.searchParentAt >= 0) {
        m_search[shape.searchParent]; // both entries exist before pointers are taken
        search = shape.searched ? &m_search[shape.entity] : nullptr;
        searchParent = &m_search[shape.searchParent];
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Rows are looked for one by one only when the table holds a row between the run's lowest
    // and highest id: a fresh device looks once per run.
    bool look = true;
    if (const CoreError e = anyBetween(run, &look); e.failed())
        return e;

    for (int i = 0; i < run.run->rowCount; ++i) {
        const PulledPage::Row &a = page.row(run.run->firstRow + i);
        const PulledPage::Value &id = page.at(a, shape.idAt);
        if (!m_skip.isEmpty() &&
            m_skip.contains(shape.entity + QLatin1Char('/') + page.toString(id)))
            continue; // kept in displaced_rows (settleKeys)
        const RowFacts r = factsOf(shape, a, now);
        int found = SQLITE_DONE;
        if (look) {
            bind(shape.probe, 1, id);
            found = sqlite3_step(shape.probe);
            sqlite3_reset(shape.probe);
            if (found != SQLITE_ROW && found != SQLITE_DONE)
                return rawFailure();
        }
        const bool update = found == SQLITE_ROW;

        if (search)
            search->insert(page.toString(id));
        if (searchParent) {
            const QString parent = page.toString(page.at(a, shape.searchParentAt));
            if (!parent.isEmpty())
                searchParent->insert(parent);
        }
        if (photo && !r.deleted && page.at(a, shape.sha256At).isString()) {
            bind(photo, 1, page.at(a, shape.sha256At));
            sqlite3_bind_int64(photo, 2, now);
            if (const CoreError e = step(photo); e.failed())
                return e;
        }

        // New rows go in many per statement (insertFresh): SQLite's cost per statement (a
        // statement journal for the triggers, FTS5 writing what it holds at the start of every
        // statement) is paid once per chunk, and a full-text index gets a segment per chunk.
        if (!update && !r.extra) {
            shape.fresh.push_back(&a);
            continue;
        }
        look = true; // a row inserted now: a later row of the run may have its id
        const QSet<QString> *keep = nullptr;
        if (update && !m_pending.isEmpty()) {
            const auto it =
                m_pending.constFind(shape.entity + QLatin1Char('/') + page.toString(id));
            if (it != m_pending.constEnd())
                keep = &*it;
        }
        const QStringList columns =
            r.extra ? shape.columns + QStringList{QStringLiteral("deleted_at")} : shape.columns;
        sqlite3_stmt *&cached = shape.statements[update][r.extra];
        sqlite3_stmt *st = keep     ? writer(shape.entity, columns, !update, *keep)
                           : cached ? cached
                                    : (cached = writer(shape.entity, columns, !update, {}));
        if (!st)
            return rawFailure();
        bindRow(st, 1, shape, a, r, update, keep);
        if (const CoreError e = step(st); e.failed())
            return e;
    }
    return {};
}

CoreError PullApplier::anyBetween(const Run &run, bool *any)
{
    const PulledPage &page = *m_page;
    Shape &shape = *run.shape;
    *any = true;
    if (run.run->rowCount < 2)
        return {};
    // SQLite orders texts (BINARY) by their UTF-8 bytes, then by length.
    auto less = [](const PulledPage::Value &x, const PulledPage::Value &y) {
        const int c = std::memcmp(x.utf8, y.utf8, size_t(qMin(x.size, y.size)));
        return c < 0 || (c == 0 && x.size < y.size);
    };
    const PulledPage::Value *low = nullptr, *high = nullptr;
    for (int i = 0; i < run.run->rowCount; ++i) {
        const PulledPage::Value &id = page.at(page.row(run.run->firstRow + i), shape.idAt);
        if (!low || less(id, *low))
            low = &id;
        if (!high || less(*high, id))
            high = &id;
    }
    if (!shape.range &&
        !(shape.range = raw(QStringLiteral("SELECT 1 FROM %1 WHERE id BETWEEN ? AND ? LIMIT 1")
                                .arg(shape.entity))))
        return rawFailure();
    bind(shape.range, 1, *low);
    bind(shape.range, 2, *high);
    const int found = sqlite3_step(shape.range);
    sqlite3_reset(shape.range);
    if (found != SQLITE_ROW && found != SQLITE_DONE)
        return rawFailure();
    *any = found == SQLITE_ROW;
    return {};
}

CoreError PullApplier::insertFresh(bool triggered)
{
    // Tables indexed per page first, all under one TriggersOff (switching triggers makes SQLite
    // prepare the connection's statements again): the full-text indexes take their rows after
    // the page's rows are written (SearchText::indexNew), and nothing else fires on their insert.
    const auto perPage = [&](bool off) {
        return std::any_of(m_ownedShapes.cbegin(), m_ownedShapes.cend(), [&](const auto &s) {
            return s->triggered == triggered && s->indexedPerPage == off && !s->fresh.empty();
        });
    };
    for (const bool off : {true, false}) {
        if (!perPage(off))
            continue;
        const TriggersOff triggersOff(m_handle, off);
        if (const CoreError e = insertFresh(triggered, off); e.failed())
            return e;
    }
    return {};
}

CoreError PullApplier::insertFresh(bool triggered, bool indexedPerPage)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const auto &owned : m_ownedShapes) {
        Shape &shape = *owned;
        if (shape.triggered != triggered || shape.indexedPerPage != indexedPerPage ||
            shape.fresh.empty())
            continue;
        if (indexedPerPage) {
            QStringList &ids = m_indexNew[shape.entity];
            for (const PulledPage::Row *row : shape.fresh)
                ids << m_page->toString(m_page->at(*row, shape.idAt));
        }
        const size_t chunk = size_t(qBound(1, 30000 / int(shape.columns.size() + 1), 32));
        for (size_t first = 0; first < shape.fresh.size(); first += chunk) {
            const int count = int(qMin(chunk, shape.fresh.size() - first));
            sqlite3_stmt *&st = shape.inserts[count];
            if (!st && !(st = writer(shape.entity, shape.columns, true, {}, count)))
                return rawFailure();
            int at = 1;
            for (size_t k = first; k < first + size_t(count); ++k) {
                const PulledPage::Row &a = *shape.fresh[k];
                at = bindRow(st, at, shape, a, factsOf(shape, a, now), false, nullptr);
            }
            if (const CoreError e = step(st); e.failed())
                return e;
        }
        shape.fresh.clear();
    }
    return {};
}

PullApplier::RowFacts PullApplier::factsOf(const Shape &shape, const PulledPage::Row &a,
                                           qint64 now) const
{
    const PulledPage &page = *m_page;
    RowFacts r;
    r.seq = page.at(a, 0).toInteger();
    r.deleted = page.at(a, 1).toInteger() != 0;
    r.setDeletedAt = r.deleted && (shape.deletedAtAt < 0 || page.at(a, shape.deletedAtAt).isNull());
    if (r.setDeletedAt) {
        const PulledPage::Value &at =
            shape.updatedAtAt >= 0 ? page.at(a, shape.updatedAtAt) : PulledPage::Value();
        r.deletedAt = at.isInteger() ? qint64(at.number) : now;
    }
    r.extra = r.setDeletedAt && shape.deletedAtAt < 0;
    return r;
}

void PullApplier::bind(sqlite3_stmt *st, int at, const PulledPage::Value &v) const
{
    switch (v.type) {
    case PulledPage::Type::Missing:
    case PulledPage::Type::Null:
        sqlite3_bind_null(st, at);
        return;
    case PulledPage::Type::Bool:
        sqlite3_bind_int(st, at, v.boolean ? 1 : 0);
        return;
    case PulledPage::Type::Number:
        if (std::floor(v.number) == v.number && std::fabs(v.number) < 9007199254740992.0)
            sqlite3_bind_int64(st, at, qint64(v.number));
        else
            sqlite3_bind_double(st, at, v.number);
        return;
    case PulledPage::Type::String:
    case PulledPage::Type::Array: // inside a row: its compact JSON
    case PulledPage::Type::Object:
        if (v.utf8)
            sqlite3_bind_text(st, at, v.utf8, v.size, SQLITE_STATIC);
        else
            sqlite3_bind_null(st, at);
        return;
    }
}

int PullApplier::bindRow(sqlite3_stmt *st, int at, const Shape &shape, const PulledPage::Row &a,
                         const RowFacts &r, bool update, const QSet<QString> *keep) const
{
    for (int i = 0; i < shape.columns.size(); ++i) {
        if (update && (i == 0 || (keep && keep->contains(shape.columns.at(i)))))
            continue; // id (the first column) is the key; a pending field keeps its value
        const int from = shape.from[size_t(i)];
        if (from == shape.deletedAtAt && r.setDeletedAt)
            sqlite3_bind_int64(st, at++, r.deletedAt);
        else
            bind(st, at++, m_page->at(a, from));
    }
    if (r.extra && !(keep && keep->contains(QStringLiteral("deleted_at"))))
        sqlite3_bind_int64(st, at++, r.deletedAt);
    sqlite3_bind_int64(st, at++, r.seq);
    if (update)
        bind(st, at++, m_page->at(a, shape.idAt));
    return at;
}

CoreError PullApplier::step(sqlite3_stmt *st) const
{
    const int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE) {
        m_failedCode = sqlite3_extended_errcode(m_handle);
        m_failedMessage = QString::fromUtf8(sqlite3_errmsg(m_handle));
    }
    const CoreError e = rc == SQLITE_DONE ? CoreError() : rawFailure();
    sqlite3_reset(st);
    return e;
}

CoreError PullApplier::settleKeys(const std::vector<Run> &runs)
{
    DisplacedRows displaced(m_db);
    for (const Run &run : runs) {
        const Shape &shape = *run.shape;
        if (!shape.known || displaced.keysOf(shape.entity).isEmpty())
            continue;
        for (int i = 0; i < run.run->rowCount; ++i) {
            const PulledPage::Row &a = m_page->row(run.run->firstRow + i);
            QJsonObject row;
            for (int c = 0; c < shape.columns.size(); ++c)
                row.insert(shape.columns.at(c),
                           m_page->toJson(m_page->at(a, shape.from[size_t(c)])));
            bool write = true;
            const CoreError e =
                displaced.settle(shape.entity, row, m_page->at(a, 0).toInteger(), &write, &m_skip);
            if (e.failed())
                return SyncErrors::make(SyncErrors::Kind::Local, e.message());
            if (!write)
                m_skip.insert(shape.entity + QLatin1Char('/') +
                              row.value(QLatin1String("id")).toString());
        }
    }
    return {};
}
