#pragma once

#include "coreerror.h"
#include "vietnamesenames.h"

#include <QString>
#include <QStringList>
#include <QVector>

struct sqlite3;

// Builds a device database at national scale: 34 provinces, 2,000 clusters, 30,000 tenants,
// 100,000 submitted inspections with 20 answers each (2 million), on the real default checklist
// template (DemoDataLoader::loadChecklist, 36 questions). The schema comes from the app
// (Database::open: migrations, FTS triggers, outbox triggers); the rows are then bulk-loaded
// through the sqlite3 C API in transactions of a few thousand rows, with sync_flags.applying = 1 as
// a pulled registry page is written (so the outbox stays empty, as on a device that pulled its
// province, and sync_seq is set).
class NationalDataset
{
public:
    struct Scale {
        int clusters = 2000;
        int tenants = 30000;
        int inspections = 100000;
        int answersPerInspection = 20;
    };
    struct Question {
        QString id, code, kind, firstChoice;
    };

    explicit NationalDataset(quint64 seed);

    CoreError build(const QString &path, const Scale &scale);

    QString templateId() const { return m_templateId; }
    QString templateSource() const { return m_templateSource; }
    const QVector<Question> &questions() const { return m_questions; }
    const QStringList &clusterIds() const { return m_clusterIds; }
    const QStringList &clusterNames() const { return m_clusterNames; }
    // Tenants of cluster i (indexes into tenantIds()).
    const QVector<QVector<int>> &tenantsByCluster() const { return m_tenantsByCluster; }
    const QStringList &tenantIds() const { return m_tenantIds; }
    const QStringList &tenantTaxCodes() const { return m_tenantTaxCodes; }
    qint64 rowsLoaded() const { return m_rows; }
    qint64 answersLoaded() const { return m_answers; }

private:
    CoreError load(sqlite3 *db, const Scale &scale);

    VietnameseNames m_names;
    QString m_templateId;
    QString m_templateSource;
    QVector<Question> m_questions;
    QStringList m_clusterIds, m_clusterNames, m_tenantIds, m_tenantTaxCodes;
    QVector<QVector<int>> m_tenantsByCluster;
    qint64 m_rows = 0;
    qint64 m_answers = 0;
};
