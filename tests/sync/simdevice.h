#pragma once

// One simulated tablet for tst_syncsimulation: its own SQLite device database (Database, migrated,
// outbox triggers installed), its photo files under its data root, a SyncClient, and a clock that
// runs days away from the others. Every value the device writes is logged (SimWrite) so that the
// test can account for it on the registry afterwards.
//
// Clock: RecordWriter::now() is the system clock and has no hook for an offset, and
// RecordWriter::update()/softDelete() always stamp updated_at/deleted_at with it. So inserts go
// through RecordWriter with explicit created_at/updated_at, and updates and deletes are plain
// UPDATE statements with the device's own timestamps: the outbox triggers record them exactly as
// they record RecordWriter's writes.

#include "contenthash.h"
#include "database.h"
#include "photostore.h"
#include "recordwriter.h"
#include "syncclient.h"
#include "syncmanager.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonValue>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariantMap>

#include <memory>

namespace synctest {

struct SimWrite {
    int device = 0;
    QString deviceId;
    QString entity;
    QString rowId;
    QString field;
    QJsonValue value;
};

class SimDevice
{
public:
    SimDevice(int index, const QString &root, const QString &username, const QString &role,
              qint64 clockOffsetMs, QList<SimWrite> *log)
        : index(index), root(root), username(username), role(role), m_offset(clockOffsetMs),
          m_log(log)
    {
        QDir().mkpath(root);
        const CoreError e = db.open(root + QStringLiteral("/device.db"));
        if (e.failed())
            qFatal("device %d: %s", index, qPrintable(e.message()));
        client = std::make_unique<SyncClient>(db.connection(), root);
        client->setAutoSync(false);
        client->setTimeoutMs(3000);
        client->setBatchSize(7);         // several batches per round: more requests to fault
        client->setPageSize(40);         // several pull pages per round
        client->setChunkSize(24 * 1024); // photo uploads in chunks: resumable uploads get cut
        m_writer = std::make_unique<RecordWriter>(db.connection());
        deviceId = client->deviceId();
    }

    const int index;
    const QString root;
    const QString username;
    const QString role;
    QString deviceId;
    Database db;
    std::unique_ptr<SyncClient> client;
    QString lastError;

    bool isSupervisor() const { return role == QLatin1String("supervisor"); }

    // The device clock: a fixed offset (days) from a fixed epoch, advancing one second a write.
    qint64 now() { return qint64(1767225600000) + m_offset + (++m_tick) * 1000; }

    bool login(const QString &password)
    {
        QSignalSpy spy(client.get(), &SyncClient::loginFinished);
        client->login(username, password);
        if (!spy.wait(20000))
            return false;
        lastError = spy.first().at(1).toString();
        return spy.first().at(0).toBool();
    }

    // One sync round; true when it ended without error.
    bool round()
    {
        QSignalSpy spy(client.get(), &SyncClient::roundFinished);
        if (!client->sync())
            return false;
        if (!spy.wait(30000))
            qFatal("device %d: round did not finish", index);
        lastError = spy.first().at(1).toString();
        return spy.first().at(0).toBool();
    }

    // Gives up every refused change of this device's user that does not go again by itself
    // (RejectedDiscard); how many. The list is read again after each: a new row given up takes
    // its children's refused changes with it (DiscardCascade).
    int discardRefused()
    {
        int n = 0;
        for (bool again = true; again;) {
            again = false;
            for (const QVariant &v : client->rejectedChanges()) {
                const QVariantMap r = v.toMap();
                if (!r.value(QStringLiteral("mine")).toBool() ||
                    r.value(QStringLiteral("retriedBySync")).toBool())
                    continue;
                if (!client->discardRejected(r.value(QStringLiteral("seq")).toLongLong()))
                    qFatal("device %d: %s", index, qPrintable(client->lastError()));
                ++n;
                again = true;
                break;
            }
        }
        return n;
    }

    // A supervisor settles conflict record `conflictId` (SyncClient::resolveConflict: "current",
    // "incoming" or "value"); whether the registry said it took the choice. A choice typed by the
    // supervisor and taken is logged as a write of "registry:resolve:<username>" (the registry's
    // history names resolutions so).
    bool resolve(const QVariantMap &conflict, const QString &choice, const QJsonValue &value)
    {
        QSignalSpy spy(client.get(), &SyncClient::conflictResolved);
        const QString id = conflict.value(QStringLiteral("id")).toString();
        client->resolveConflict(id, choice, value.toVariant());
        if (!spy.wait(20000))
            qFatal("device %d: resolving %s said nothing", index, qPrintable(id));
        lastError = spy.first().at(1).toString();
        const bool ok = spy.first().at(0).toBool();
        if (ok && choice == QLatin1String("value"))
            m_log->append({index, QStringLiteral("registry:resolve:") + username,
                           conflict.value(QStringLiteral("entity")).toString(),
                           conflict.value(QStringLiteral("row_id")).toString(),
                           conflict.value(QStringLiteral("field")).toString(), value});
        return ok;
    }

    QStringList ids(const QString &sql) const
    {
        QStringList out;
        QSqlQuery q(db.connection());
        if (!q.exec(sql))
            qFatal("device %d: %s: %s", index, qPrintable(sql), qPrintable(q.lastError().text()));
        while (q.next())
            out << q.value(0).toString();
        return out;
    }

    QVariant scalar(const QString &sql) const
    {
        QSqlQuery q(db.connection());
        if (q.exec(sql) && q.next())
            return q.value(0);
        return QVariant();
    }

    // Inserts with explicit device timestamps; every given value is logged.
    bool insert(const QString &table, QVariantMap values, QString *id)
    {
        const qint64 t = now();
        values.insert(QStringLiteral("created_at"), t);
        values.insert(QStringLiteral("updated_at"), t);
        const CoreError e = m_writer->insert(table, values, id);
        if (e.failed()) {
            lastError = e.message();
            return false;
        }
        for (auto it = values.begin(); it != values.end(); ++it)
            if (it.key() != QLatin1String("id")) // the row's name (an answer's: AnswerId's)
                note(table, *id, it.key(), it.value());
        return true;
    }

    // Updates live rows with the device clock; logs the values when the row changed.
    bool update(const QString &table, const QString &id, const QVariantMap &changes)
    {
        QStringList sets, differs;
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            sets << QStringLiteral("%1 = ?").arg(it.key());
            differs << QStringLiteral("%1 IS NOT ?").arg(it.key());
        }
        QSqlQuery q(db.connection());
        q.prepare(
            QStringLiteral("UPDATE %1 SET %2, updated_at = ? WHERE id = ? AND deleted_at IS "
                           "NULL AND (%3)")
                .arg(table, sets.join(QStringLiteral(", ")), differs.join(QStringLiteral(" OR "))));
        for (const QVariant &v : changes)
            q.addBindValue(v);
        const qint64 t = now();
        q.addBindValue(t);
        q.addBindValue(id);
        for (const QVariant &v : changes)
            q.addBindValue(v);
        if (!q.exec()) {
            lastError = q.lastError().text();
            return false;
        }
        if (q.numRowsAffected() > 0)
            for (auto it = changes.begin(); it != changes.end(); ++it)
                note(table, id, it.key(), it.value());
        return true;
    }

    bool softDelete(const QString &table, const QString &id)
    {
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("UPDATE %1 SET deleted_at = ?, updated_at = ? WHERE id = ? AND "
                                 "deleted_at IS NULL")
                      .arg(table));
        const qint64 t = now();
        q.addBindValue(t);
        q.addBindValue(t);
        q.addBindValue(id);
        if (!q.exec()) {
            lastError = q.lastError().text();
            return false;
        }
        if (q.numRowsAffected() > 0)
            note(table, id, QStringLiteral("deleted_at"), t);
        return true;
    }

    // A photo capture: the file's bytes stored where SyncClient looks for originals, and the row.
    bool capturePhoto(const QString &file, const QString &inspectionId, const QString &violationId,
                      const QString &caption, QString *id)
    {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            lastError = f.errorString();
            return false;
        }
        const QByteArray bytes = f.readAll();
        const QString sha = ContentHash::sha256Of(bytes);
        const QString path = PhotoStore(root).originalPath(sha);
        if (!QFileInfo::exists(path)) {
            QDir().mkpath(QFileInfo(path).path());
            QFile out(path);
            if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size()) {
                lastError = out.errorString();
                return false;
            }
        }
        QVariantMap v{{QStringLiteral("sha256"), sha},
                      {QStringLiteral("source"), QStringLiteral("camera")},
                      {QStringLiteral("byte_size"), qint64(bytes.size())},
                      {QStringLiteral("caption"), caption},
                      {QStringLiteral("taken_at"), now()}};
        if (!inspectionId.isEmpty())
            v.insert(QStringLiteral("inspection_id"), inspectionId);
        if (!violationId.isEmpty())
            v.insert(QStringLiteral("violation_id"), violationId);
        return insert(QStringLiteral("photos"), v, id);
    }

private:
    void note(const QString &table, const QString &id, const QString &field, const QVariant &v)
    {
        if (field == QLatin1String("updated_at") || field == QLatin1String("created_at"))
            return; // informational (PROTOCOL.md): accounted for through the row, not alone
        m_log->append({index, deviceId, table, id, field, QJsonValue::fromVariant(v)});
    }

    qint64 m_offset = 0;
    qint64 m_tick = 0;
    QList<SimWrite> *m_log;
    std::unique_ptr<RecordWriter> m_writer;
};

} // namespace synctest
