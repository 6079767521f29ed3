#include "openreadaudit.h"

#include "sqlitehandle.h"

#include <QByteArray>
#include <QtGlobal>

#include <sqlite3.h>

namespace {

enum class Mode { Warn, Fatal, Off };

Mode mode()
{
    static const Mode m = [] {
        const QByteArray v = qgetenv("CCN_SQLITE_AUDIT");
        return v == "fatal" ? Mode::Fatal : v == "off" ? Mode::Off : Mode::Warn;
    }();
    return m;
}

// SQLITE_TRACE_STMT: `p` is the statement starting, `x` its SQL (or "--" and a trigger's name
// when a trigger's statement starts inside it).
int onStatement(unsigned, void *, void *p, void *x)
{
    auto *st = static_cast<sqlite3_stmt *>(p);
    const char *sql = static_cast<const char *>(x);
    if (!sql || qstrncmp(sql, "--", 2) == 0)
        return 0;
    // BEGIN counts as read-only for SQLite; BEGIN IMMEDIATE takes the write lock all the same.
    const bool begins = qstrnicmp(sql, "BEGIN", 5) == 0;
    if (!begins && sqlite3_stmt_readonly(st))
        return 0;
    sqlite3 *h = sqlite3_db_handle(st);
    if (!sqlite3_get_autocommit(h))
        return 0; // inside a transaction: its own reads are at its snapshot, and it writes
    for (sqlite3_stmt *o = sqlite3_next_stmt(h, nullptr); o; o = sqlite3_next_stmt(h, o)) {
        if (o == st || !sqlite3_stmt_busy(o))
            continue;
        const QByteArray what = QByteArray("a write started while a read of the same connection "
                                           "was still open (finish the read first): ") +
                                sql + " -- while reading: " + sqlite3_sql(o);
        if (mode() == Mode::Fatal)
            qFatal("OpenReadAudit: %s", what.constData());
        qWarning("OpenReadAudit: %s", what.constData());
        break;
    }
    return 0;
}

} // namespace

void OpenReadAudit::install(const QSqlDatabase &db)
{
    if (mode() == Mode::Off)
        return;
    if (sqlite3 *h = SqliteHandle::of(db))
        sqlite3_trace_v2(h, SQLITE_TRACE_STMT, onStatement, nullptr);
}
