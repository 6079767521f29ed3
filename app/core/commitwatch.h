#pragma once

#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

struct sqlite3;

// Says that transactions were committed on one SQLite connection (sqlite3_commit_hook), once the
// writes have settled for `settleMs`: what shows counts of stored rows (the header's "N chờ gửi")
// reads them again then, not at every look nor only when a page opens. Commits on other
// connections (the sync worker's) are not seen. Several watches may watch one connection.
class CommitWatch : public QObject
{
    Q_OBJECT

public:
    CommitWatch(QSqlDatabase db, int settleMs, QObject *parent = nullptr);
    ~CommitWatch() override;
    CommitWatch(const CommitWatch &) = delete;
    CommitWatch &operator=(const CommitWatch &) = delete;

    // False when the database is not an open SQLite connection: nothing is watched.
    bool active() const { return m_handle != nullptr; }

signals:
    void committed();

private:
    // SQLite's hook, one per connection: tells every watch of the connection.
    static int onCommit(void *handle);

    QSqlDatabase m_db;
    sqlite3 *m_handle = nullptr;
    QTimer m_settle;
};
