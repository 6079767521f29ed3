#include "recordlookup.h"

#include <QSqlQuery>

namespace {
// One query per table, each answering (name, place, at, on) for the row id bound to it.
struct Query {
    const char *table;
    const char *sql;
};

const Query queries[] = {
    {"admin_units", "SELECT u.name, p.name, NULL, NULL FROM admin_units u LEFT JOIN admin_units p "
                    "ON p.id = u.parent_id WHERE u.id = ?"},
    {"admin_unit_mappings",
     "SELECT COALESCE(o.name, '?') || ' → ' || COALESCE(n.name, '?'), NULL, NULL, m.effective_on "
     "FROM admin_unit_mappings m LEFT JOIN admin_units o ON o.id = m.old_unit_id LEFT JOIN "
     "admin_units n ON n.id = m.new_unit_id WHERE m.id = ?"},
    {"clusters", "SELECT c.name, p.name, NULL, NULL FROM clusters c LEFT JOIN admin_units p ON "
                 "p.id = c.province_id WHERE c.id = ?"},
    {"cluster_units", "SELECT u.name, c.name, NULL, NULL FROM cluster_units x LEFT JOIN "
                      "admin_units u ON u.id = x.unit_id LEFT JOIN clusters c ON c.id = "
                      "x.cluster_id WHERE x.id = ?"},
    {"boundary_markers", "SELECT b.code, c.name, NULL, NULL FROM boundary_markers b LEFT JOIN "
                         "clusters c ON c.id = b.cluster_id WHERE b.id = ?"},
    {"tenants", "SELECT t.name, c.name, NULL, NULL FROM tenants t LEFT JOIN clusters c ON c.id = "
                "t.cluster_id WHERE t.id = ?"},
    {"infrastructure_items", "SELECT i.name, c.name, NULL, NULL FROM infrastructure_items i LEFT "
                             "JOIN clusters c ON c.id = i.cluster_id WHERE i.id = ?"},
    {"checklist_templates", "SELECT title, NULL, NULL, published_on FROM checklist_templates "
                            "WHERE id = ?"},
    {"checklist_sections", "SELECT s.title, t.title, NULL, NULL FROM checklist_sections s LEFT "
                           "JOIN checklist_templates t ON t.id = s.template_id WHERE s.id = ?"},
    {"checklist_questions", "SELECT q.text, s.title, NULL, NULL FROM checklist_questions q LEFT "
                            "JOIN checklist_sections s ON s.id = q.section_id WHERE q.id = ?"},
    // An inspection is its cluster (and tenant) on its day.
    {"inspections", "SELECT t.name, c.name, i.started_at, NULL FROM inspections i LEFT JOIN "
                    "clusters c ON c.id = i.cluster_id LEFT JOIN tenants t ON t.id = i.tenant_id "
                    "WHERE i.id = ?"},
    {"inspection_participants",
     "SELECT p.name, c.name, i.started_at, NULL FROM inspection_participants p LEFT JOIN "
     "inspections i ON i.id = p.inspection_id LEFT JOIN clusters c ON c.id = i.cluster_id WHERE "
     "p.id = ?"},
    {"answers", "SELECT q.text, c.name, i.started_at, NULL FROM answers a LEFT JOIN "
                "checklist_questions q ON q.id = a.question_id LEFT JOIN inspections i ON i.id = "
                "a.inspection_id LEFT JOIN clusters c ON c.id = i.cluster_id WHERE a.id = ?"},
    {"violations", "SELECT v.observed, c.name, i.started_at, NULL FROM violations v LEFT JOIN "
                   "clusters c ON c.id = v.cluster_id LEFT JOIN inspections i ON i.id = "
                   "v.inspection_id WHERE v.id = ?"},
    {"progress_readings", "SELECT it.name, c.name, NULL, r.observed_on FROM progress_readings r "
                          "LEFT JOIN infrastructure_items it ON it.id = r.item_id LEFT JOIN "
                          "clusters c ON c.id = it.cluster_id WHERE r.id = ?"},
    // A photo belongs to its inspection, or to its violation's.
    {"photos", "SELECT p.caption, c.name, p.taken_at, NULL FROM photos p LEFT JOIN violations v "
               "ON v.id = p.violation_id LEFT JOIN inspections i ON i.id = "
               "COALESCE(p.inspection_id, v.inspection_id) LEFT JOIN clusters c ON c.id = "
               "i.cluster_id WHERE p.id = ?"},
};

QString shortened(const QString &text)
{
    const QString t = text.simplified();
    if (t.size() <= RecordLookup::maxNameLength)
        return t;
    return t.left(RecordLookup::maxNameLength - 1).trimmed() + QStringLiteral("…");
}
} // namespace

RecordLookup::RecordLookup(QSqlDatabase db) : m_db(std::move(db)) {}

RecordLookup::Description RecordLookup::describe(const QString &table, const QString &rowId) const
{
    Description d;
    if (rowId.isEmpty())
        return d;
    for (const Query &query : queries) {
        if (table != QLatin1String(query.table))
            continue;
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.prepare(QString::fromUtf8(query.sql))) {
            qWarning("RecordLookup: %s: cannot read", query.table);
            return d;
        }
        q.addBindValue(rowId);
        if (!q.exec() || !q.next())
            return d;
        d.found = true;
        d.name = shortened(q.value(0).toString());
        d.place = q.value(1).toString();
        d.at = q.value(2).toLongLong();
        d.on = q.value(3).toString();
        return d;
    }
    return d;
}

QString RecordLookup::referencedTable(const QString &table, const QString &column)
{
    static const struct {
        const char *column;
        const char *table;
    } references[] = {
        {"cluster_id", "clusters"},
        {"tenant_id", "tenants"},
        {"inspection_id", "inspections"},
        {"violation_id", "violations"},
        {"question_id", "checklist_questions"},
        {"section_id", "checklist_sections"},
        {"template_id", "checklist_templates"},
        {"item_id", "infrastructure_items"},
        {"province_id", "admin_units"},
        {"unit_id", "admin_units"},
        {"old_unit_id", "admin_units"},
        {"new_unit_id", "admin_units"},
    };
    if (column == QLatin1String("parent_id"))
        return table == QLatin1String("admin_units") ? table : QString();
    for (const auto &r : references)
        if (column == QLatin1String(r.column))
            return QLatin1String(r.table);
    return {};
}
