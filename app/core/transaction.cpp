#include "transaction.h"

#include <QObject>
#include <QSqlError>
#include <QSqlQuery>

Transaction::Transaction(QSqlDatabase db) : m_db(std::move(db))
{
    // IMMEDIATE: the write lock is taken here, where the connection's busy timeout waits for
    // another connection's commit (the sync worker's pages, outcomes and search chunks). A
    // deferred BEGIN reads from a snapshot until its first write; had another connection
    // committed in between, that write would fail at once with "database is locked"
    // (SQLITE_BUSY_SNAPSHOT: no busy timeout helps). Qt's commit() and rollback() end it.
    QSqlQuery q(m_db);
    m_active = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (!m_active)
        m_beginError = {CoreError::Code::Sql,
                        QObject::tr("Không bắt đầu được giao dịch: %1").arg(q.lastError().text())};
}

Transaction::~Transaction()
{
    rollback();
}

CoreError Transaction::commit()
{
    if (!m_active)
        return m_beginError.failed()
                   ? m_beginError
                   : CoreError(CoreError::Code::Sql, QObject::tr("Không có giao dịch"));
    m_active = false;
    if (!m_db.commit()) {
        const QString why = m_db.lastError().text();
        m_db.rollback();
        return {CoreError::Code::Sql, QObject::tr("Không lưu được: %1").arg(why)};
    }
    return {};
}

void Transaction::rollback()
{
    if (m_active) {
        m_db.rollback();
        m_active = false;
    }
}
