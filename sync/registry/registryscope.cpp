#include "registryscope.h"

#include "registrypush.h"
#include "registrysql.h"
#include "registrystore.h"
#include "rolewrites.h"
#include "scopeparent.h"

#include <QSqlQuery>

bool RegistryScope::isReferenceEntity(const QString &entity)
{
    return RoleWrites::isReference(entity);
}

std::optional<QSet<QString>> RegistryScope::clusterSet(const Principal &who, QString *error) const
{
    if (who.isAdmin() || who.isSupervisor())
        return std::nullopt;
    // An inspector without assignments works province-wide.
    if (who.role == QLatin1String("inspector") && who.clusters.isEmpty())
        return std::nullopt;
    RegistryPush::PushState *const batch = m_store.m_push.batch();
    if (batch && batch->clusters) // a push batch has one principal
        return *batch->clusters;
    QSet<QString> set(who.clusters.begin(), who.clusters.end());
    bool whole = true;
    for (const QString &c : who.communes) {
        QString why;
        QSqlQuery *q = m_store.statement(
            QStringLiteral(
                "SELECT cluster_id FROM cluster_communes WHERE unit_id = ? AND deleted = 0"),
            {c}, &why);
        if (!q) {
            whole = false;
            if (error)
                *error = why; // statement() says why whenever it fails
            continue;
        }
        while (q->next())
            set.insert(q->value(0).toString());
    }
    if (batch && whole)
        batch->clusters = set;
    return set;
}

bool RegistryScope::canRead(const Principal &who, const QString &provinceId,
                            const QString &clusterId) const
{
    if (who.isAdmin() || provinceId.isEmpty())
        return true;
    if (provinceId != who.provinceId)
        return false;
    // As pull filters: a user limited to clusters sees only rows of those clusters.
    const auto set = clusterSet(who);
    return !set || set->contains(clusterId);
}

bool RegistryScope::canWrite(const Principal &who, const QString &entity, const QString &provinceId,
                             const QString &clusterId) const
{
    if (who.isAdmin())
        return true;
    if (!RoleWrites::mayWrite(who.role, entity) || provinceId.isEmpty() ||
        provinceId != who.provinceId)
        return false;
    if (who.isSupervisor())
        return true;
    const auto set = clusterSet(who);
    return !set || set->contains(clusterId);
}

RegistryScope::Scope RegistryScope::scopeOf(const QString &entity, const QJsonObject &row) const
{
    RegistryPush::PushState *const batch = m_store.m_push.batch();
    Scope s;
    if (isReferenceEntity(entity))
        return s;
    const auto parent = [&](const QString &parentEntity, const QString &id) {
        if (batch) {
            const auto it = batch->scopes.constFind(RegistryPush::rowKey(parentEntity, id));
            if (it != batch->scopes.constEnd()) {
                s.provinceId = it->first;
                s.clusterId = it->second;
                return;
            }
        }
        QString why;
        QSqlQuery *q = m_store.statement(
            QStringLiteral(
                "SELECT province_id, cluster_id FROM records WHERE entity = ? AND row_id = ?"),
            {parentEntity, id}, &why);
        if (!q)
            s.storageError = why;
        if (!q || !q->next()) {
            s.error =
                QStringLiteral("Máy chủ chưa có dòng %1 %2 mà dòng này thuộc về; hãy đồng bộ dòng "
                               "đó trước.")
                    .arg(parentEntity, id.left(64));
            return;
        }
        s.provinceId = q->value(0).toString();
        s.clusterId = q->value(1).toString();
        q->finish();
        if (batch)
            batch->scopes.insert(RegistryPush::rowKey(parentEntity, id),
                                 {s.provinceId, s.clusterId});
    };
    const ScopeParent of = ScopeParent::of(entity, row);
    if (of.kind == ScopeParent::Kind::Own) {
        s.provinceId = row.value(QLatin1String("province_id")).toString();
        s.clusterId = row.value(QLatin1String("id")).toString();
    } else if (of.kind == ScopeParent::Kind::Row) {
        parent(of.entity, of.rowId);
    } else {
        s.error = QStringLiteral("Dòng %1 phải thuộc một cụm hoặc một cuộc kiểm tra.").arg(entity);
    }
    if (s.error.isEmpty() && s.provinceId.isEmpty())
        s.error = QStringLiteral("Dòng này không có tỉnh.");
    return s;
}

std::optional<QJsonObject> RegistryScope::liveRow(const QString &entity, const QString &id,
                                                  CoreError *error) const
{
    QString why;
    const ChangeMerger::Stored stored = m_store.m_records.load(entity, id, &why);
    if (!why.isEmpty())
        *error = RegistrySql::readFailed(why);
    if (!stored.exists || ChangeMerger::isTombstone(stored.row))
        return std::nullopt;
    return stored.row;
}

CoreError RegistryScope::checkProvince(const QString &id) const
{
    CoreError error;
    const std::optional<QJsonObject> unit = liveRow(QStringLiteral("admin_units"), id, &error);
    if (error.failed())
        return error;
    if (!unit || unit->value(QLatin1String("level")).toString() != QLatin1String("province"))
        return {CoreError::Code::NotFound,
                QObject::tr("Không có tỉnh '%1' trên máy chủ: hãy dùng id của tỉnh trong các đơn "
                            "vị hành chính đã đồng bộ (không phải mã số tỉnh).")
                    .arg(id.left(64))};
    return {};
}

CoreError RegistryScope::checkCluster(const QString &id, const QString &provinceId) const
{
    CoreError error;
    const std::optional<QJsonObject> cluster = liveRow(QStringLiteral("clusters"), id, &error);
    if (error.failed())
        return error;
    if (!cluster)
        return {CoreError::Code::NotFound,
                QObject::tr("Không có cụm '%1' trên máy chủ: hãy dùng id của cụm (cụm được nhập "
                            "bằng import-clusters).")
                    .arg(id.left(64))};
    const QString province = cluster->value(QLatin1String("province_id")).toString();
    if (province != provinceId)
        return {CoreError::Code::NotFound,
                QObject::tr("Cụm '%1' thuộc tỉnh '%2', không thuộc tỉnh '%3'.")
                    .arg(id.left(64), province, provinceId.left(64))};
    return {};
}

CoreError RegistryScope::checkCommune(const QString &id, const QString &provinceId) const
{
    CoreError error;
    std::optional<QJsonObject> unit = liveRow(QStringLiteral("admin_units"), id, &error);
    if (error.failed())
        return error;
    if (!unit || unit->value(QLatin1String("level")).toString() != QLatin1String("commune"))
        return {CoreError::Code::NotFound,
                QObject::tr("Không có xã/phường '%1' trên máy chủ: hãy dùng id của xã trong các "
                            "đơn vị hành chính đã đồng bộ.")
                    .arg(id.left(64))};
    // Commune, then district where there still is one, then province.
    for (int up = 0; up < 3 && unit; ++up) {
        const QString parent = unit->value(QLatin1String("parent_id")).toString();
        if (parent == provinceId)
            return {};
        unit = parent.isEmpty() ? std::nullopt
                                : liveRow(QStringLiteral("admin_units"), parent, &error);
        if (error.failed())
            return error;
    }
    return {
        CoreError::Code::NotFound,
        QObject::tr("Xã/phường '%1' không thuộc tỉnh '%2'.").arg(id.left(64), provinceId.left(64))};
}

RegistryScope::PhotoAccess RegistryScope::photoAccess(const Principal &who, const QString &sha256,
                                                      CoreError *error) const
{
    QSqlQuery q(m_store.connection());
    if (QString why; !RegistrySql::run(
            q, QStringLiteral("SELECT province_id, cluster_id FROM records WHERE sha256 = ?"),
            {sha256}, &why)) {
        if (error)
            *error = RegistrySql::readFailed(why);
        return PhotoAccess::None;
    }
    PhotoAccess access = PhotoAccess::None;
    while (q.next()) {
        const QString province = q.value(0).toString(), cluster = q.value(1).toString();
        if (canWrite(who, QStringLiteral("photos"), province, cluster))
            return PhotoAccess::Upload;
        if (canRead(who, province, cluster))
            access = PhotoAccess::See;
    }
    return access;
}
