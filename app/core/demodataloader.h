#pragma once

#include "coreerror.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

#include <memory>
#include <vector>

class RecordWriter;

// Loads the reference and demo data shipped with the app into an open local database:
//   :/demo/checklist-default.json  format "ccn-checklist" v1: {"templates": [template with nested
//                                  "sections" and "questions" ("choices", "show_if")],
//                                  "violation_categories": [...]} (see ViolationCatalog);
//   :/demo/demo-data.json          format "ccn-demo" v1: {"tables": {table: [rows]}}, rows with
//                                  the columns of schema/app (times in ms since the epoch):
//                                  administrative units (time-versioned, with the 2025 old -> new
//                                  mappings), the default template again (same ids), clusters with
//                                  units, boundary (GeoJSON text), markers, infrastructure and
//                                  progress readings, tenants, past submitted inspections with
//                                  participants, answers and violations. The registry's --demo
//                                  seeder reads the same flat layout.
// The same files can be given by path. A file of another format or version is refused.
//
// All files of one call are checked, then written in one transaction through RecordWriter: a
// failure leaves the database as it was. Ids are fixed in the files, so loading again adds only
// what is missing; a row already present (even soft-deleted or edited since) is left as it is. A
// template whose (code, version) exists under another id is skipped with its sections and
// questions (a published version never changes). search_text is filled with TextFolder::fold();
// clusters of a demo file always get is_demo = 1; a violation takes its legal basis, fines and
// severity from ViolationCatalog where the row leaves them out.
//
// Outbox: by default (OutboxPolicy::Skip) the rows are written with sync_flags.applying = 1, as
// if pulled from the registry, so seeded reference rows do not flood the outbox: they are the
// same on every device (fixed ids) and the registry seeds the same rows (ccn-registry --demo).
// Later local edits of these rows do go to the outbox as usual. OutboxPolicy::Record writes them
// like any local change instead.
class DemoDataLoader
{
public:
    enum class OutboxPolicy { Skip, Record };

    // Rows written and rows already present, per table, for the last load call.
    struct Counts {
        QMap<QString, int> inserted;
        QMap<QString, int> skipped;
        int totalInserted() const;
        int totalSkipped() const;
    };

    static constexpr int demoFormatVersion = 1;
    static constexpr int checklistFormatVersion = 1;
    static QString demoFormat() { return QStringLiteral("ccn-demo"); }
    static QString checklistFormat() { return QStringLiteral("ccn-checklist"); }
    static QString defaultDemoPath() { return QStringLiteral(":/demo/demo-data.json"); }
    static QString defaultChecklistPath()
    {
        return QStringLiteral(":/demo/checklist-default.json");
    }
    // The province's default checklist template (version 1 in the compiled-in file).
    static QString defaultTemplateCode() { return QStringLiteral("CCN-KT-2024"); }

    explicit DemoDataLoader(QSqlDatabase db);
    ~DemoDataLoader();
    DemoDataLoader(const DemoDataLoader &) = delete;
    DemoDataLoader &operator=(const DemoDataLoader &) = delete;

    void setOutboxPolicy(OutboxPolicy policy) { m_policy = policy; }
    OutboxPolicy outboxPolicy() const { return m_policy; }

    // The default checklist, then the demo data.
    CoreError loadDefaults();
    // Only the checklist templates (what a real deployment seeds without demo clusters).
    CoreError loadChecklist() { return loadFiles({defaultChecklistPath()}); }
    // Any mix of checklist and demo files; checklist files are written first.
    CoreError loadFiles(const QStringList &paths);
    CoreError loadFile(const QString &path) { return loadFiles({path}); }

    const Counts &counts() const { return m_counts; }

private:
    CoreError readDocument(const QString &path, QJsonObject *out) const;
    // Rows per table, in the order written; a checklist document is turned into such rows.
    using Tables = QHash<QString, QList<QJsonObject>>;
    static CoreError checklistTables(const QJsonObject &doc, Tables *out);
    CoreError writeTables(const Tables &tables, bool demo);
    // Inserts unless a row with this id exists; `row` holds the JSON object's columns plus `extra`.
    CoreError put(const QString &table, const QJsonObject &object, const QVariantMap &extra,
                  bool *inserted = nullptr);
    CoreError exists(const QString &table, const QString &id, bool *found);
    QStringList columns(const QString &table);
    QString templateId(const QString &code, int version);
    QString lookup(const QString &sql, const QString &id);

    QSqlDatabase m_db;
    OutboxPolicy m_policy = OutboxPolicy::Skip;
    Counts m_counts;
    std::unique_ptr<RecordWriter> m_writer;
    qint64 m_rowTime = 0;
    QString m_origin;
    QHash<QString, QStringList> m_columns;
    QHash<QString, QSqlQuery *> m_existsQueries;
    std::vector<std::unique_ptr<QSqlQuery>> m_queries;
};
