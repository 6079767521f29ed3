#include "syncschema.h"

#include "migrator.h"
#include "outboxtriggers.h"
#include "sqlitehandle.h"

#include <QAtomicInt>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVarLengthArray>
#include <QtMath>

#include <sqlite3.h>

#include <cmath>

namespace {
// See SyncSchema::needsScratchInsert: whether inserting a row into `table` can refuse anything
// beyond NULL in a NOT NULL column (checkValue) and a missing required travelling column.
bool insertCanRefuseMore(QSqlDatabase db, const QString &table, const QStringList &synced)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?"));
    q.addBindValue(table);
    if (!q.exec() || !q.next())
        return true;
    // SQLite keeps the CREATE TABLE text as written (ALTER TABLE ADD COLUMN edits it). CHECK and
    // STRICT are keywords: a token of their own, so never with a letter, digit or _ beside them
    // (checklist_questions is not one). A name or comment that happens to be the word only costs
    // the insert.
    static const QRegularExpression keyword(QStringLiteral("\\b(CHECK|STRICT)\\b"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QString sql = q.value(0).toString();
    if (sql.isEmpty() || sql.contains(keyword))
        return true;
    // cid, name, type, notnull, dflt_value, pk, hidden
    if (!q.exec(QStringLiteral("PRAGMA table_xinfo(\"%1\")").arg(table)))
        return true;
    while (q.next()) {
        const QString name = q.value(1).toString();
        const bool notNull = q.value(3).toInt() != 0;
        const QVariant dflt = q.value(4);
        if (q.value(6).toInt() != 0)
            return true; // generated (or hidden) column
        if (q.value(5).toInt() > 0 &&
            q.value(2).toString().contains(QLatin1String("INT"), Qt::CaseInsensitive))
            return true; // a rowid alias takes only integers
        if (notNull && ((dflt.isNull() && !synced.contains(name)) ||
                        dflt.toString().compare(QLatin1String("NULL"), Qt::CaseInsensitive) == 0))
            return true;
    }
    return false;
}
} // namespace

SyncSchema::SyncSchema()
{
    static QAtomicInt counter;
    m_connection = QStringLiteral("ccn-syncschema-%1").arg(counter.fetchAndAddOrdered(1));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(QStringLiteral(":memory:"));
    if (!db.open()) {
        m_error = db.lastError().text();
        return;
    }
    const CoreError e = Migrator::migrate(db);
    if (e.failed()) {
        m_error = e.message();
        return;
    }
    m_version = Migrator::currentVersion(db);
    m_inserts.setConnection(SqliteHandle::of(db));
    if (!m_inserts.connection()) {
        m_error = QStringLiteral("no SQLite handle");
        return;
    }
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
    m_tables = OutboxTriggers::syncedTables(db);
    for (const QString &t : std::as_const(m_tables)) {
        const QStringList synced = OutboxTriggers::syncedColumns(db, t);
        QList<Column> cols;
        q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(t));
        while (q.next()) {
            Column c;
            c.name = q.value(1).toString();
            if (!synced.contains(c.name))
                continue;
            const QString type = q.value(2).toString().toUpper();
            c.type = type.contains(QLatin1String("INT"))    ? Type::Integer
                     : type.contains(QLatin1String("REAL")) ? Type::Real
                                                            : Type::Text;
            c.notNull = q.value(3).toInt() != 0;
            c.hasDefault = !q.value(4).isNull();
            cols << c;
            m_byName[t].insert(c.name, c);
        }
        m_columns.insert(t, cols);
        if (insertCanRefuseMore(db, t, synced))
            m_scratchInsert.insert(t);
    }
    for (const QString &t : std::as_const(m_tables)) {
        q.exec(QStringLiteral("PRAGMA foreign_key_list(%1)").arg(t));
        while (q.next()) {
            const Reference r{q.value(3).toString(), q.value(2).toString()};
            if (hasColumn(t, r.column) && m_columns.contains(r.parent)) {
                m_references[t] << r;
                m_referenced.insert(r.parent);
            }
        }
    }
    // Only the tables' own constraints (types, NOT NULL, CHECK) validate a row: the triggers
    // (outbox, full-text and word indexes) would only make every validation write more rows.
    QStringList triggers;
    q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger'"));
    while (q.next())
        triggers << q.value(0).toString();
    for (const QString &t : std::as_const(triggers))
        q.exec(QStringLiteral("DROP TRIGGER \"%1\"").arg(t));
    // Nor do the indexes made with CREATE INDEX (look-ups only; a UNIQUE one could only catch a
    // duplicate of another scratch row, which validation never asks about).
    QStringList indexes;
    q.exec(
        QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"));
    while (q.next())
        indexes << q.value(0).toString();
    for (const QString &i : std::as_const(indexes))
        q.exec(QStringLiteral("DROP INDEX \"%1\"").arg(i));
}

SyncSchema::~SyncSchema()
{
    m_inserts.setConnection(nullptr); // finalized before the connection closes
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool SyncSchema::hasColumn(const QString &table, const QString &column) const
{
    const auto t = m_byName.constFind(table);
    return t != m_byName.constEnd() && t->contains(column);
}

QString SyncSchema::checkValue(const QString &table, const QString &column,
                               const QJsonValue &v) const
{
    const auto t = m_byName.constFind(table);
    const Column *found = nullptr;
    if (t != m_byName.constEnd()) {
        const auto it = t->constFind(column);
        found = it == t->constEnd() ? nullptr : &*it;
    }
    if (found) {
        const Column &c = *found;
        if (v.isNull())
            return c.notNull ? QStringLiteral("'%1' không được để trống (null)").arg(column)
                             : QString();
        switch (c.type) {
        case Type::Text:
            if (!v.isString())
                return QStringLiteral("'%1' phải là văn bản").arg(column);
            if (const QString text = v.toString(); text.size() > 1000000)
                return QStringLiteral("'%1' quá dài").arg(column);
            else if (!text.isValidUtf16()) // half of a UTF-16 pair (JSON escape ud800 alone) is no
                                           // character
                return QStringLiteral("'%1' có ký tự không hợp lệ (nửa cặp UTF-16 như \\ud800)")
                    .arg(column);
            else if (text.contains(QChar(0))) // PostgreSQL's text cannot hold one either
                return QStringLiteral("'%1' có ký tự NUL (\\u0000), không được phép trong văn bản")
                    .arg(column);
            return {};
        case Type::Integer: {
            if (v.isBool())
                return {};
            const double d = v.toDouble(qQNaN());
            if (!v.isDouble() || !qIsFinite(d) || d != std::floor(d) ||
                qAbs(d) > 9007199254740991.0)
                return QStringLiteral("'%1' phải là số nguyên").arg(column);
            return {};
        }
        case Type::Real:
            if (!v.isDouble() || !qIsFinite(v.toDouble()))
                return QStringLiteral("'%1' phải là số").arg(column);
            return {};
        }
    }
    return QStringLiteral("'%2' không có trường '%1'").arg(column.left(64), table);
}

QString SyncSchema::validateRow(const QString &table, const QJsonObject &row) const
{
    if (!hasTable(table))
        return QStringLiteral("không có bảng '%1'").arg(table.left(64));
    for (auto it = row.begin(); it != row.end(); ++it) {
        const QString e = checkValue(table, it.key(), it.value());
        if (!e.isEmpty())
            return e;
    }
    return validateCheckedRow(table, row);
}

// SQLite names the failed CHECK by its expression ("CHECK constraint failed: percent BETWEEN 0
// AND 100"): the columns it reads are named, quoted, as the registry names fields elsewhere (the
// app shows its own names for them); not the table's code or the expression.
QString SyncSchema::checkRefusal(const QString &table, const QString &sqliteError) const
{
    static const QRegularExpression word(QStringLiteral("[A-Za-z_][A-Za-z0-9_]*"));
    static const QRegularExpression literal(QStringLiteral("'[^']*'"));
    // Without its text literals: a value the CHECK lists is no column, whatever it spells.
    const QString expression =
        sqliteError.mid(sqliteError.indexOf(QLatin1Char(':')) + 1).remove(literal);
    QStringList named;
    for (auto it = word.globalMatch(expression); it.hasNext();) {
        const QString w = it.next().captured();
        if (hasColumn(table, w) && !named.contains(QStringLiteral("'%1'").arg(w)))
            named << QStringLiteral("'%1'").arg(w);
    }
    if (named.isEmpty())
        return QStringLiteral("có giá trị nằm ngoài phạm vi cho phép");
    return QStringLiteral("%1 có giá trị nằm ngoài phạm vi cho phép")
        .arg(named.join(QStringLiteral(", ")));
}

QString SyncSchema::validateCheckedRow(const QString &table, const QJsonObject &row) const
{
    for (const Column &c : m_columns.value(table))
        if (c.notNull && !c.hasDefault && !row.contains(c.name))
            return QStringLiteral("thiếu trường bắt buộc '%1'").arg(c.name);
    if (!needsScratchInsert(table))
        return {};
    // Names were checked against the schema above, so they are safe to splice in. OR REPLACE: a
    // scratch row of an earlier call with the same key is replaced instead of failing the row
    // (NOT NULL cannot take the replace path: checkValue refused nulls there, and missing
    // required columns were refused above); CHECK constraints fail as ever.
    QString key = table + QLatin1Char('(');
    for (auto it = row.begin(); it != row.end(); ++it)
        key += it.key() + QLatin1Char(',');
    sqlite3_stmt *st = m_inserts.find(key);
    if (!st) {
        QStringList names, marks;
        for (auto it = row.begin(); it != row.end(); ++it) {
            names << it.key();
            marks << QStringLiteral("?");
        }
        st = m_inserts.prepare(
            key, QStringLiteral("INSERT OR REPLACE INTO %1 (%2) VALUES (%3)")
                     .arg(table, names.join(QLatin1Char(',')), marks.join(QLatin1Char(',')))
                     .toUtf8());
        if (!st)
            return m_inserts.lastError();
    }
    // Bound as QtSql bound them before: a number as a double, a boolean as 1 or 0, a null text
    // (or null) as NULL, text as UTF-16 (kept alive in `texts` until the step).
    QVarLengthArray<QString, 32> texts;
    int i = 0;
    for (auto it = row.begin(); it != row.end(); ++it) {
        const QJsonValue v = it.value();
        ++i;
        if (v.isNull()) {
            sqlite3_bind_null(st, i);
        } else if (v.isBool()) {
            sqlite3_bind_int(st, i, v.toBool() ? 1 : 0);
        } else if (v.isDouble()) {
            sqlite3_bind_double(st, i, v.toDouble());
        } else {
            texts.append(v.toString());
            const QString &t = texts.last();
            if (t.isNull())
                sqlite3_bind_null(st, i);
            else
                sqlite3_bind_text16(st, i, t.utf16(), int(t.size() * sizeof(QChar)), SQLITE_STATIC);
        }
    }
    QString error;
    if (sqlite3_step(st) != SQLITE_DONE) {
        error = m_inserts.lastError();
        if (error.contains(QLatin1String("CHECK constraint failed")))
            error = checkRefusal(table, error);
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        return error;
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    // The scratch rows are taken out a few hundred at a time, not after every row (a DELETE per
    // row cost as much as the INSERT): the copy stays small, and a row never meets a constraint
    // of another row.
    int &kept = m_scratchRows[table];
    if (++kept < kScratchRows)
        return error;
    kept = 0;
    sqlite3_stmt *clear =
        m_inserts.prepare(table, QStringLiteral("DELETE FROM %1").arg(table).toUtf8());
    if (!clear)
        return QStringLiteral("không kiểm tra được dữ liệu: %1").arg(m_inserts.lastError());
    if (sqlite3_step(clear) != SQLITE_DONE)
        error = QStringLiteral("không kiểm tra được dữ liệu: %1").arg(m_inserts.lastError());
    sqlite3_reset(clear);
    return error;
}
