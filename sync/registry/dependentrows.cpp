#include "dependentrows.h"

#include "changemerger.h"
#include "pushchange.h"
#include "registrypush.h"
#include "registryscope.h"
#include "registrysql.h"
#include "registrystore.h"
#include "syncschema.h"

#include <QSqlQuery>

bool DependentRows::writtenSince(const QString &entity, const QString &rowId,
                                 const QString &clusterId, qint64 baseSeq, const QString &deviceId,
                                 Stamp *found, QString *error) const
{
    *found = {};
    // Rows of the batch being stored are the deleting device's own and not in the table yet;
    // every other row under this one lies in its cluster (records_cluster_seq).
    QSqlQuery *q = m_store.statement(
        QStringLiteral("SELECT entity, row_id, row_json, field_meta FROM records WHERE "
                       "cluster_id = ? AND seq > ? AND deleted = 0 ORDER BY seq"),
        {clusterId, baseSeq}, error);
    if (!q)
        return false;
    const SyncSchema &schema = m_store.schema();
    while (q->next()) {
        const QString childEntity = q->value(0).toString();
        if (childEntity == entity && q->value(1).toString() == rowId)
            continue;
        const QJsonObject row = RegistrySql::parseObject(q->value(2).toString());
        bool names = false;
        for (const SyncSchema::Reference &r : schema.references(childEntity))
            names = names || (r.parent == entity && row.value(r.column).toString() == rowId);
        if (!names)
            continue;
        const QJsonObject meta =
            ChangeMerger::metaOf(RegistrySql::parseObject(q->value(3).toString()), row);
        for (auto it = meta.constBegin(); it != meta.constEnd(); ++it) {
            const Stamp s = ChangeMerger::stampOf(*it);
            if (s.seq > baseSeq && s.device != deviceId) {
                *found = s;
                q->finish();
                return true;
            }
        }
    }
    q->finish();
    return true;
}

bool DependentRows::isTombstone(const QString &entity, const QString &rowId, bool *deleted,
                                QString *error) const
{
    RegistryPush::PushState *const batch = m_store.m_push.batch();
    const QString key = RegistryPush::rowKey(entity, rowId);
    if (batch) {
        const auto row = batch->rows.constFind(key);
        if (row != batch->rows.constEnd()) {
            *deleted = row->exists && ChangeMerger::isTombstone(row->row);
            return true;
        }
        const auto known = batch->tombstones.constFind(key);
        if (known != batch->tombstones.constEnd()) {
            *deleted = *known;
            return true;
        }
    }
    QSqlQuery *q = m_store.statement(
        QStringLiteral("SELECT deleted FROM records WHERE entity = ? AND row_id = ?"),
        {entity, rowId}, error);
    if (!q)
        return false;
    *deleted = q->next() && q->value(0).toInt() != 0;
    q->finish();
    if (batch)
        batch->tombstones.insert(key, *deleted);
    return true;
}

bool DependentRows::deletedParent(const QString &entity, const QJsonObject &row,
                                  const QString &deviceId, Parent *found, QString *error) const
{
    *found = {};
    for (const SyncSchema::Reference &r : m_store.schema().references(entity)) {
        const QString id = row.value(r.column).toString();
        if (id.isEmpty() || RegistryScope::isReferenceEntity(r.parent))
            continue;
        bool deleted = false;
        if (!isTombstone(r.parent, id, &deleted, error))
            return false;
        if (!deleted)
            continue;
        const ChangeMerger::Stored parent = m_store.m_records.load(r.parent, id);
        const Stamp deletion =
            ChangeMerger::stampOf(parent.meta.value(QLatin1String("deleted_at")));
        if (deletion.device == deviceId)
            continue; // the device's own delete: it knew
        const RegistryScope::Scope scope = m_store.m_scope.scopeOf(r.parent, parent.row);
        if (!scope.storageError.isEmpty()) {
            *error = scope.storageError;
            return false;
        }
        *found = {r.parent,
                  id,
                  parent.row.value(QLatin1String("deleted_at")),
                  deletion,
                  scope.provinceId,
                  scope.clusterId};
        return true;
    }
    return true;
}

bool DependentRows::recordWorkUnder(const Parent &parent, const PushChange &change,
                                    const QString &deviceId, qint64 seq, QString *id,
                                    QString *error) const
{
    QSqlQuery *q = m_store.statement(
        QStringLiteral("SELECT id FROM conflicts WHERE entity = ? AND row_id = ? AND kind = "
                       "'edit_vs_delete' AND field IS NULL AND incoming_device = ? AND "
                       "current_seq = ? AND resolved_at IS NULL"),
        {parent.entity, parent.rowId, deviceId, parent.deletion.seq}, error);
    if (!q)
        return false;
    if (q->next()) {
        *id = q->value(0).toString();
        q->finish();
        return true;
    }
    q->finish();
    // Nothing to write but the row's return: resolved `incoming`, it is alive again.
    ChangeMerger::Conflict c;
    c.kind = QStringLiteral("edit_vs_delete");
    c.current = QJsonObject{{QStringLiteral("deleted_at"), parent.deletedAt}};
    c.incoming = QJsonObject();
    c.currentSeq = parent.deletion.seq;
    c.currentDevice = parent.deletion.device;
    return m_store.m_conflicts.record(parent.entity, parent.rowId, c, change, deviceId, seq,
                                      parent.provinceId, parent.clusterId, id, error);
}
