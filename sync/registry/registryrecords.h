#pragma once

#include "changemerger.h"
#include "coreerror.h"
#include "registryscope.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QVariantList>

#include <optional>

class RegistryStore;

// RegistryStore's stored rows: the records table (each row's latest version, its field stamps and
// scope) and the history table, read and written for the push, writeRow and conflict resolution.
// Inside a push batch (PushState) rows are read from and kept in the batch, which
// writes them at its end through writeRecords and writeHistory.
class RegistryRecords
{
public:
    explicit RegistryRecords(RegistryStore &store) : m_store(store) {}

    // The stored row (exists false when there is none). A read that fails fills *error (the row
    // is then unknown, not absent: callers must not take it for a new row).
    ChangeMerger::Stored load(const QString &entity, const QString &rowId,
                              QString *error = nullptr) const;
    std::optional<QJsonObject> row(const QString &entity, const QString &rowId) const;
    // Stored rows only (not a push batch's kept ones): read before a batch begins.
    QList<QJsonObject> rowsInProvince(const QString &entity, const QString &provinceId,
                                      CoreError *error) const;
    CoreError writeRow(const QString &entity, const QString &rowId, const QJsonObject &fields,
                       const QString &origin, const QString &userId, qint64 *seq);
    // stamp: an array ([seq, device]) when meta is left empty and stands for that stamp on every
    // name of the row but id (push batches only; see PushState::stamps). asSent: the pushing
    // device holds this version as it is (PushState::clean; records.clean_device).
    bool saveRecord(const QString &entity, const QString &rowId, qint64 seq, const QJsonObject &row,
                    const QJsonObject &meta, const RegistryScope::Scope &scope, QString *error,
                    const QJsonValue &stamp = QJsonValue(), bool asSent = false);
    bool insertHistory(qint64 seq, const QString &changeId, const QString &entity,
                       const QString &rowId, const QString &op, const QString &device,
                       const QString &userId, qint64 baseSeq, const QJsonObject &fields,
                       const QString &status, QString *error);
    // Rows of records (recordRow) and of history, many per statement (writeRows).
    bool writeRecords(const QList<QVariantList> &rows, QString *error);
    bool writeHistory(const QList<QVariantList> &rows, QString *error);
    // stamp: when set, the row's meta was not built (see PushState::stamps): every name of the row
    // but id holds *stamp. cleanDevice: the device that holds this version as it is
    // (records.clean_device).
    static QVariantList recordRow(const QString &entity, const QString &rowId, qint64 seq,
                                  const QJsonObject &row, const QJsonObject &meta,
                                  const QString &provinceId, const QString &clusterId,
                                  const QJsonValue *stamp = nullptr,
                                  const QString &cleanDevice = QString());

private:
    // INSERT `head` VALUES (...) `tail` for rows of equal length: many rows per statement on
    // PostgreSQL, one prepared statement per row on SQLite (writeRowsSqlite). A QByteArray value
    // is UTF-8 text (JSON), stored as text.
    bool writeRows(const QString &head, const QList<QVariantList> &rows, const QString &tail,
                   QString *error);
    bool writeRowsSqlite(const QString &sql, const QList<QVariantList> &rows, QString *error);

    RegistryStore &m_store;
};
