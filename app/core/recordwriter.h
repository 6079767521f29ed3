#pragma once

#include "coreerror.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantMap>

#include <memory>
#include <vector>

// Writes rows of synced tables: fills id (UUIDv7), created_at and updated_at, and soft-deletes.
// The outbox triggers record each write. Prepared statements are cached per shape of row.
class RecordWriter
{
public:
    explicit RecordWriter(QSqlDatabase db);

    // Inserts `values` into `table`; an empty or missing "id" is generated. Returns the id in `id`.
    CoreError insert(const QString &table, const QVariantMap &values, QString *id = nullptr);
    // Updates the given columns of one row (updated_at is set); nothing happens when no value
    // differs.
    CoreError update(const QString &table, const QString &id, const QVariantMap &changes);
    CoreError softDelete(const QString &table, const QString &id);

    static qint64 now();

private:
    QSqlQuery *prepared(const QString &sql);

    QSqlDatabase m_db;
    QHash<QString, QSqlQuery *> m_cache;
    std::vector<std::unique_ptr<QSqlQuery>> m_queries;
};
