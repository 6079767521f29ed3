#include "rolewrites.h"

#include <QSet>

bool RoleWrites::isReference(const QString &entity)
{
    static const QSet<QString> reference = {
        QStringLiteral("admin_units"), QStringLiteral("admin_unit_mappings"),
        QStringLiteral("checklist_templates"), QStringLiteral("checklist_sections"),
        QStringLiteral("checklist_questions")};
    return reference.contains(entity);
}

bool RoleWrites::mayWrite(const QString &role, const QString &entity)
{
    if (role == QLatin1String("admin"))
        return true;
    if (isReference(entity))
        return false;
    if (role == QLatin1String("supervisor"))
        return true;
    static const QSet<QString> fieldWork = {
        QStringLiteral("inspections"),       QStringLiteral("inspection_participants"),
        QStringLiteral("answers"),           QStringLiteral("violations"),
        QStringLiteral("progress_readings"), QStringLiteral("photos")};
    static const QSet<QString> officerWork = {
        QStringLiteral("clusters"), QStringLiteral("cluster_units"), QStringLiteral("tenants"),
        QStringLiteral("infrastructure_items"), QStringLiteral("boundary_markers")};
    return fieldWork.contains(entity) ||
           (role == QLatin1String("local_officer") && officerWork.contains(entity));
}
