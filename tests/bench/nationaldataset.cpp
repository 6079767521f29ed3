#include "nationaldataset.h"

#include "checklistmanager.h"
#include "database.h"
#include "demodataloader.h"
#include "textfolder.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QTextStream>

#include <sqlite3.h>

namespace {
// Rows per transaction while loading.
constexpr int rowsPerTransaction = 5000;
// The registry sequence given to loaded rows (they arrived by a pull).
constexpr qint64 pulledSeq = 1;

CoreError sqlError(sqlite3 *db, const QString &what)
{
    return {CoreError::Code::Sql,
            QStringLiteral("%1: %2").arg(what, QString::fromUtf8(sqlite3_errmsg(db)))};
}

bool exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

// One prepared INSERT; values bound in order, then stepped and reset.
class Insert
{
public:
    Insert(sqlite3 *db, const char *sql) : m_db(db)
    {
        if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) !=
            SQLITE_OK)
            m_stmt = nullptr;
    }
    ~Insert() { sqlite3_finalize(m_stmt); }
    bool ok() const { return m_stmt; }
    Insert &text(const QString &v)
    {
        const QByteArray u = v.toUtf8();
        sqlite3_bind_text(m_stmt, ++m_i, u.constData(), int(u.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Insert &null()
    {
        sqlite3_bind_null(m_stmt, ++m_i);
        return *this;
    }
    Insert &integer(qint64 v)
    {
        sqlite3_bind_int64(m_stmt, ++m_i, v);
        return *this;
    }
    Insert &real(double v)
    {
        sqlite3_bind_double(m_stmt, ++m_i, v);
        return *this;
    }
    bool run()
    {
        m_i = 0;
        const bool done = sqlite3_step(m_stmt) == SQLITE_DONE;
        sqlite3_reset(m_stmt);
        return done;
    }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    int m_i = 0;
};
} // namespace

NationalDataset::NationalDataset(quint64 seed) : m_names(seed) {}

CoreError NationalDataset::build(const QString &path, const Scale &scale)
{
    {
        // The real schema (migrations, FTS triggers, outbox triggers) and the real default
        // checklist template, loaded by DemoDataLoader as the app seeds it.
        Database schema;
        CoreError e = schema.open(path);
        if (e.ok())
            e = DemoDataLoader(schema.connection()).loadChecklist();
        if (e.failed())
            return e;
        ChecklistManager checklists(schema.connection());
        m_templateId = checklists.newestTemplateId(DemoDataLoader::defaultTemplateCode());
        m_templateSource = DemoDataLoader::defaultChecklistPath();
        for (const QVariant &v : checklists.questions(m_templateId)) {
            const QVariantMap q = v.toMap();
            m_questions << Question{
                q.value(QStringLiteral("id")).toString(),
                q.value(QStringLiteral("code")).toString(),
                q.value(QStringLiteral("kind")).toString(),
                q.value(QStringLiteral("choices")).toList().value(0).toString()};
        }
        if (m_questions.isEmpty())
            return {CoreError::Code::NotFound,
                    QStringLiteral("the default checklist has no questions")};
    }
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) !=
        SQLITE_OK) {
        const CoreError e = sqlError(db, QStringLiteral("open"));
        sqlite3_close(db);
        return e;
    }
    // Loading only: a crash here loses nothing (the file is thrown away), so no fsync.
    exec(db, "PRAGMA synchronous=OFF");
    exec(db, "PRAGMA foreign_keys=ON");
    exec(db, "PRAGMA cache_size=-262144");
    CoreError e = load(db, scale);
    if (e.ok() && !exec(db, "PRAGMA wal_checkpoint(TRUNCATE)"))
        e = sqlError(db, QStringLiteral("checkpoint"));
    sqlite3_close(db);
    return e;
}

CoreError NationalDataset::load(sqlite3 *db, const Scale &scale)
{
    QTextStream err(stderr);
    QElapsedTimer timer;
    timer.start();
    // Rows are dated over the two years before 2025-07-01, in order, like a real history.
    const qint64 t0 = QDateTime(QDate(2023, 7, 1), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 span = qint64(730) * 86400 * 1000;
    int inTx = 0;
    auto begin = [&] { return exec(db, "BEGIN"); };
    auto tick = [&]() -> bool {
        ++m_rows;
        if (++inTx < rowsPerTransaction)
            return true;
        inTx = 0;
        return exec(db, "COMMIT") && begin();
    };
    if (!exec(db, "UPDATE sync_flags SET applying = 1") || !begin())
        return sqlError(db, QStringLiteral("begin"));

    Insert unit(
        db, "INSERT INTO admin_units(id, code, name, level, level_label, parent_id, valid_from, "
            "created_at, updated_at, sync_seq) VALUES "
            "(?,?,?,'province','Tỉnh',NULL,'2025-07-01',?,?,?)");
    Insert cluster(
        db,
        "INSERT INTO clusters(id, code, name, province_id, status, planned_area_ha, "
        "established_area_ha, investor_name, established_on, wwtp_status, workers, "
        "search_text, created_at, updated_at, sync_seq) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    Insert tenant(
        db, "INSERT INTO tenants(id, cluster_id, name, tax_code, industry, leased_land_ha, "
            "status, workers, foreign_invested, search_text, created_at, updated_at, sync_seq) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    Insert inspection(
        db, "INSERT INTO inspections(id, cluster_id, tenant_id, template_id, kind, status, "
            "inspector_name, started_at, ended_at, submitted_at, lat, lon, accuracy_m, "
            "position_at, outside_boundary, findings, conclusions, search_text, created_at, "
            "updated_at, sync_seq) VALUES (?,?,?,?,?,'submitted',?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    Insert answer(db,
                  "INSERT INTO answers(id, inspection_id, question_id, value, note, created_at, "
                  "updated_at, sync_seq) VALUES (?,?,?,?,?,?,?,?)");
    for (const Insert *i : {&unit, &cluster, &tenant, &inspection, &answer})
        if (!i->ok())
            return sqlError(db, QStringLiteral("prepare"));

    // Provinces.
    QStringList provinceIds;
    const QStringList &provinces = VietnameseNames::provinces();
    for (int p = 0; p < provinces.size(); ++p) {
        const QString id = m_names.uuid7(t0);
        provinceIds << id;
        if (!unit.text(id)
                 .text(QString::number(p + 1).rightJustified(2, QLatin1Char('0')))
                 .text(provinces.at(p))
                 .integer(t0)
                 .integer(t0)
                 .integer(pulledSeq)
                 .run() ||
            !tick())
            return sqlError(db, QStringLiteral("admin_units"));
    }

    // Clusters.
    static const char *statuses[] = {"operating",   "operating",          "operating",
                                     "established", "under_construction", "plan_approved",
                                     "expanded"};
    QVector<int> clusterProvince;
    for (int c = 0; c < scale.clusters; ++c) {
        const qint64 t = t0 + span * c / (scale.clusters * 10);
        const QString id = m_names.uuid7(t);
        const QString name = m_names.clusterName();
        const int p = m_names.below(int(provinces.size()));
        const QString code = QStringLiteral("CCN-%1-%2")
                                 .arg(p + 1, 2, 10, QLatin1Char('0'))
                                 .arg(c + 1, 4, 10, QLatin1Char('0'));
        const QString investor = QStringLiteral("Công ty Cổ phần Đầu tư hạ tầng ") +
                                 m_names.pick(VietnameseNames::places());
        m_clusterIds << id;
        m_clusterNames << name;
        clusterProvince << p;
        const double area = 20 + m_names.below(55);
        if (!cluster.text(id)
                 .text(code)
                 .text(name)
                 .text(provinceIds.at(p))
                 .text(QLatin1String(statuses[m_names.below(7)]))
                 .real(area)
                 .real(area * 0.9)
                 .text(investor)
                 .text(QStringLiteral("2018-05-%1")
                           .arg(1 + m_names.below(28), 2, 10, QLatin1Char('0')))
                 .text(QStringLiteral("operating"))
                 .integer(200 + m_names.below(3000))
                 .text(TextFolder::fold(name + QLatin1Char(' ') + code + QLatin1Char(' ') +
                                        provinces.at(p) + QLatin1Char(' ') + investor))
                 .integer(t)
                 .integer(t)
                 .integer(pulledSeq)
                 .run() ||
            !tick())
            return sqlError(db, QStringLiteral("clusters"));
    }
    err << "bench: loaded " << scale.clusters << " clusters\n";
    err.flush();

    // Tenants.
    static const char *tenantStatuses[] = {"operating", "operating", "operating", "slow",
                                           "not_started"};
    m_tenantsByCluster.resize(scale.clusters);
    for (int n = 0; n < scale.tenants; ++n) {
        const qint64 t = t0 + span / 10 + span * n / (scale.tenants * 10);
        const int c = n < scale.clusters ? n : m_names.below(scale.clusters);
        const QString id = m_names.uuid7(t);
        const QString industry = m_names.pick(VietnameseNames::industries());
        const QString name = m_names.companyName(industry);
        const QString tax = m_names.taxCode(clusterProvince.at(c));
        m_tenantsByCluster[c] << int(m_tenantIds.size());
        m_tenantIds << id;
        m_tenantTaxCodes << tax;
        if (!tenant.text(id)
                 .text(m_clusterIds.at(c))
                 .text(name)
                 .text(tax)
                 .text(industry)
                 .real(0.5 + m_names.below(100) / 10.0)
                 .text(QLatin1String(tenantStatuses[m_names.below(5)]))
                 .integer(20 + m_names.below(800))
                 .integer(m_names.below(4) == 0 ? 1 : 0)
                 .text(
                     TextFolder::fold(name + QLatin1Char(' ') + tax + QLatin1Char(' ') + industry))
                 .integer(t)
                 .integer(t)
                 .integer(pulledSeq)
                 .run() ||
            !tick())
            return sqlError(db, QStringLiteral("tenants"));
    }
    err << "bench: loaded " << scale.tenants << " tenants\n";
    err.flush();

    // Inspections and their answers.
    static const char *inspectionKinds[] = {"periodic", "periodic", "unscheduled", "follow_up",
                                            "progress_verification"};
    QStringList inspectors;
    for (int i = 0; i < 400; ++i)
        inspectors << m_names.person();
    QVector<int> answerable;
    for (int q = 0; q < m_questions.size(); ++q)
        if (m_questions.at(q).kind != QLatin1String("photo"))
            answerable << q;
    const qint64 base = t0 + span / 5;
    const qint64 inspSpan = span - span / 5;
    for (int n = 0; n < scale.inspections; ++n) {
        const qint64 started = base + inspSpan * n / scale.inspections;
        const qint64 ended = started + 3600000 + m_names.below(7200000);
        const int c = m_names.below(scale.clusters);
        const QVector<int> &ts = m_tenantsByCluster.at(c);
        const bool withTenant = !ts.isEmpty() && m_names.below(5) < 3;
        const QString id = m_names.uuid7(started);
        const QString inspector = m_names.pick(inspectors);
        inspection.text(id).text(m_clusterIds.at(c));
        if (withTenant)
            inspection.text(m_tenantIds.at(ts.at(m_names.below(int(ts.size())))));
        else
            inspection.null();
        const QString date =
            QDateTime::fromMSecsSinceEpoch(started, Qt::UTC).toString(QStringLiteral("dd/MM/yyyy"));
        if (!inspection.text(m_templateId)
                 .text(QLatin1String(inspectionKinds[m_names.below(5)]))
                 .text(inspector)
                 .integer(started)
                 .integer(ended)
                 .integer(ended)
                 .real(10 + m_names.uniform() * 12)
                 .real(103 + m_names.uniform() * 6)
                 .real(3 + m_names.below(20))
                 .integer(started)
                 .integer(0)
                 .text(m_names.finding())
                 .text(
                     QStringLiteral("Yêu cầu đơn vị khắc phục các tồn tại trong thời hạn 30 ngày."))
                 .text(TextFolder::fold(m_clusterNames.at(c) + QLatin1Char(' ') + inspector +
                                        QLatin1Char(' ') + date))
                 .integer(started)
                 .integer(ended)
                 .integer(pulledSeq)
                 .run() ||
            !tick())
            return sqlError(db, QStringLiteral("inspections"));
        // About 20 of the 24 answerable questions (some are hidden by show-if rules).
        QVector<int> qs = answerable;
        while (qs.size() > scale.answersPerInspection)
            qs.removeAt(m_names.below(int(qs.size())));
        for (int q : qs) {
            const Question &qn = m_questions.at(q);
            QString value;
            if (qn.kind == QLatin1String("yes_no_na"))
                value =
                    QLatin1String(m_names.below(10) < 7 ? "yes" : (m_names.below(2) ? "no" : "na"));
            else if (qn.kind == QLatin1String("number"))
                value = QString::number(m_names.below(5000) / 10.0);
            else if (qn.kind == QLatin1String("percentage"))
                value = QString::number(m_names.below(101));
            else if (qn.kind == QLatin1String("choice"))
                value = qn.firstChoice;
            else
                value = QStringLiteral("Đã kiểm tra thực tế tại hiện trường.");
            answer.text(m_names.uuid7(started)).text(id).text(qn.id).text(value);
            if (m_names.below(8) == 0)
                answer.text(QStringLiteral("Cần theo dõi thêm ở lần kiểm tra sau."));
            else
                answer.null();
            if (!answer.integer(started).integer(ended).integer(pulledSeq).run() || !tick())
                return sqlError(db, QStringLiteral("answers"));
            ++m_answers;
        }
        if ((n + 1) % 20000 == 0) {
            err << "bench: loaded " << (n + 1) << " inspections, " << m_answers << " answers ("
                << timer.elapsed() / 1000.0 << " s)\n";
            err.flush();
        }
    }
    if (!exec(db, "COMMIT"))
        return sqlError(db, QStringLiteral("commit"));
    if (!exec(db, "UPDATE sync_flags SET applying = 0"))
        return sqlError(db, QStringLiteral("sync_flags"));
    return {};
}
