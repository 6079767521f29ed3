#include "transaction.h"

#include <QObject>
#include <QSqlError>

Transaction::Transaction(QSqlDatabase db) : m_db(std::move(db))
{
    m_active = m_db.transaction();
    if (!m_active)
        m_beginError = {
            CoreError::Code::Sql,
            QObject::tr("Không bắt đầu được giao dịch: %1").arg(m_db.lastError().text())};
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
