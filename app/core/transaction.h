#pragma once

#include "coreerror.h"

#include <QSqlDatabase>

// A scoped SQLite write transaction (BEGIN IMMEDIATE): rolled back unless commit() succeeded.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool active() const { return m_active; }
    CoreError beginError() const { return m_beginError; }
    CoreError commit();
    void rollback();

private:
    QSqlDatabase m_db;
    bool m_active = false;
    CoreError m_beginError;
};
