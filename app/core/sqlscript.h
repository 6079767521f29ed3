#pragma once

#include "coreerror.h"

#include <QSqlDatabase>
#include <QStringList>

// Runs a file of SQL statements (migrations, fixtures): ';' ends a statement, except inside
// CREATE TRIGGER ... END; bodies. Comment lines ("--") are skipped.
class SqlScript
{
public:
    static QStringList split(const QString &sql);
    // Runs every statement; stops at the first error (the caller owns the transaction).
    static CoreError run(QSqlDatabase &db, const QString &sql);
    static CoreError runFile(QSqlDatabase &db, const QString &path);
};
