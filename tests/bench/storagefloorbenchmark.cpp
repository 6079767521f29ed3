#include "storagefloorbenchmark.h"

#include "changemerger.h"
#include "pushbatch.h"
#include "registrystore.h"
#include "sqlitehandle.h"
#include "uuid7.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTextStream>

#include <sqlite3.h>

#include <memory>

namespace {
constexpr int kBatch = PushBatch::maxChanges; // changes per transaction, as the client's batches
const char *kDevice = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

// One stored change: the row's text and its field meta, as the registry writes them.
struct Change {
    QByteArray entity;
    QByteArray rowId;
    QByteArray row;
    QByteArray meta;
};

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// A new row's: the insert's stamp once, for every field (registry schema 7).
QByteArray metaOf(qint64 seq)
{
    return ChangeMerger::oneStampMeta(QJsonArray{double(seq), QString::fromLatin1(kDevice)});
}

// The device schema's columns with values of the bench's size (InspectionDocFactory mirrors
// PouchDB's makeDoc: 20 answers of yes/no/na, 2 violations, about 1.2 kB of JSON per inspection).
QJsonObject inspectionRow(const QString &id, int i)
{
    const double t = 1717200000000.0 + i * 60000.0;
    return {{"id", id},
            {"cluster_id", QStringLiteral("cluster-%1").arg(i % 200, 4, 10, QLatin1Char('0'))},
            {"template_id", "0193a1b2-0000-7000-8000-000000000001"},
            {"kind", "periodic"},
            {"status", "submitted"},
            {"inspector_name", QStringLiteral("Nguyễn Văn An")},
            {"started_at", t},
            {"ended_at", t + 1800000},
            {"submitted_at", t + 5400000},
            {"findings", ""},
            {"conclusions", ""},
            {"created_at", t},
            {"updated_at", t + 5400000}};
}

QJsonObject violationRow(const QString &id, const QString &inspectionId, int i)
{
    const double t = 1717200000000.0 + i * 60000.0;
    return {{"id", id},
            {"inspection_id", inspectionId},
            {"cluster_id", QStringLiteral("cluster-%1").arg(i % 200, 4, 10, QLatin1Char('0'))},
            {"category", "wastewater"},
            {"legal_basis", QStringLiteral("Nghị định 45/2022/NĐ-CP")},
            {"severity", "serious"},
            {"observed", QStringLiteral("Xả nước thải chưa qua xử lý ra môi trường")},
            {"status", "open"},
            {"created_at", t},
            {"updated_at", t}};
}

QString questionId(int q)
{
    return QStringLiteral("0193a1b2-0000-7000-8000-0000000001%1").arg(q, 2, 10, QLatin1Char('0'));
}

const char *answerValue(int i, int q)
{
    static const char *values[] = {"yes", "no", "na"};
    return values[(i * 7 + q) % 3];
}

// One inspection's changes in the given shape; `seq` is the registry sequence of the first.
QList<Change> inspectionChanges(bool documents, int i, qint64 seq)
{
    QList<Change> out;
    const QString id = Uuid7::generate();
    QJsonObject inspection = inspectionRow(id, i);
    QList<QJsonObject> answers;
    for (int q = 1; q <= 20; ++q) {
        const double t = inspection.value(QLatin1String("started_at")).toDouble() + q * 1000;
        const QString answerId = Uuid7::generate();
        if (documents) {
            const QString prefix = QStringLiteral("answer/%1/").arg(questionId(q));
            inspection.insert(prefix + QStringLiteral("id"), answerId);
            inspection.insert(prefix + QStringLiteral("value"), QLatin1String(answerValue(i, q)));
        } else {
            answers << QJsonObject{{"id", answerId},
                                   {"inspection_id", id},
                                   {"question_id", questionId(q)},
                                   {"value", QLatin1String(answerValue(i, q))},
                                   {"created_at", t},
                                   {"updated_at", t}};
        }
    }
    out << Change{"inspections", id.toUtf8(), compact(inspection), metaOf(seq)};
    for (const QJsonObject &a : std::as_const(answers)) {
        ++seq;
        out << Change{"answers", a.value(QLatin1String("id")).toString().toUtf8(), compact(a),
                      metaOf(seq)};
    }
    for (int v = 0; v < 2; ++v) {
        ++seq;
        const QString vid = Uuid7::generate();
        const QJsonObject row = violationRow(vid, id, i);
        out << Change{"violations", vid.toUtf8(), compact(row), metaOf(seq)};
    }
    return out;
}

struct Statement {
    sqlite3_stmt *s = nullptr;
    ~Statement() { sqlite3_finalize(s); }
};

CoreError sqliteError(sqlite3 *db, const char *what)
{
    return {CoreError::Code::Sql,
            QStringLiteral("floor: %1: %2")
                .arg(QLatin1String(what), QString::fromUtf8(sqlite3_errmsg(db)))};
}
} // namespace

StorageFloorBenchmark::StorageFloorBenchmark(Options options) : m_options(std::move(options)) {}

CoreError StorageFloorBenchmark::run(QJsonObject *result)
{
    QTemporaryDir tmp(m_options.workDir.isEmpty()
                          ? QDir::tempPath() + QStringLiteral("/ccn-floor-XXXXXX")
                          : m_options.workDir + QStringLiteral("/ccn-floor-XXXXXX"));
    if (!tmp.isValid())
        return {CoreError::Code::Io, QStringLiteral("floor: no temporary directory")};
    result->insert(QStringLiteral("bench"), QStringLiteral("floor"));
    result->insert(QStringLiteral("config"),
                   QJsonObject{{QStringLiteral("records"), m_options.records},
                               {QStringLiteral("changes_per_transaction"), kBatch}});
    for (const Shape shape : {Shape::Rows, Shape::Documents}) {
        const QString dir =
            tmp.filePath(shape == Shape::Rows ? QStringLiteral("rows") : QStringLiteral("docs"));
        if (const CoreError e = runShape(shape, dir, result); e.failed())
            return e;
    }
    return {};
}

CoreError StorageFloorBenchmark::runShape(Shape shape, const QString &dir, QJsonObject *out)
{
    const bool documents = shape == Shape::Documents;
    const QString name = documents ? QStringLiteral("documents") : QStringLiteral("rows");
    QDir().mkpath(dir);
    RegistryStore store;
    if (const CoreError e = store.open(dir, QString()); e.failed())
        return e;
    sqlite3 *db = SqliteHandle::of(store.connection());
    if (!db)
        return {CoreError::Code::Sql, QStringLiteral("floor: not an SQLite registry")};

    // The changes are made before the clock starts: only storing them is timed.
    QList<Change> changes;
    qint64 seq = store.serverSeq() + 1;
    qint64 rowBytes = 0;
    for (int i = 0; i < m_options.records; ++i) {
        const QList<Change> c = inspectionChanges(documents, i, seq);
        seq += c.size();
        for (const Change &ch : c)
            rowBytes += ch.row.size();
        changes << c;
    }
    Statement record, history;
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO records (entity, row_id, seq, deleted, row_json, "
                           "field_meta, province_id, cluster_id) VALUES (?, ?, ?, 0, ?, ?, "
                           "'p1', ?)",
                           -1, &record.s, nullptr) != SQLITE_OK)
        return sqliteError(db, "records");
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO history (seq, change_id, entity, row_id, op, device_id, "
                           "user_id, base_seq, fields, status, stored_at) VALUES (?, ?, ?, ?, "
                           "'insert', ?, 'u1', 0, ?, 'applied', 1)",
                           -1, &history.s, nullptr) != SQLITE_OK)
        return sqliteError(db, "history");

    QElapsedTimer timer;
    timer.start();
    qint64 s = store.serverSeq() + 1;
    for (qsizetype at = 0; at < changes.size(); at += kBatch) {
        if (sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK)
            return sqliteError(db, "begin");
        for (qsizetype k = at; k < qMin(changes.size(), at + kBatch); ++k, ++s) {
            const Change &c = changes.at(k);
            const QByteArray changeId = QByteArray(kDevice) + ':' + QByteArray::number(s);
            sqlite3_bind_text(record.s, 1, c.entity.constData(), int(c.entity.size()), nullptr);
            sqlite3_bind_text(record.s, 2, c.rowId.constData(), int(c.rowId.size()), nullptr);
            sqlite3_bind_int64(record.s, 3, s);
            sqlite3_bind_text(record.s, 4, c.row.constData(), int(c.row.size()), nullptr);
            sqlite3_bind_text(record.s, 5, c.meta.constData(), int(c.meta.size()), nullptr);
            sqlite3_bind_text(record.s, 6, "cluster-0001", -1, nullptr);
            sqlite3_bind_int64(history.s, 1, s);
            sqlite3_bind_text(history.s, 2, changeId.constData(), int(changeId.size()), nullptr);
            sqlite3_bind_text(history.s, 3, c.entity.constData(), int(c.entity.size()), nullptr);
            sqlite3_bind_text(history.s, 4, c.rowId.constData(), int(c.rowId.size()), nullptr);
            sqlite3_bind_text(history.s, 5, kDevice, -1, nullptr);
            sqlite3_bind_text(history.s, 6, c.row.constData(), int(c.row.size()), nullptr);
            if (sqlite3_step(record.s) != SQLITE_DONE || sqlite3_reset(record.s) != SQLITE_OK)
                return sqliteError(db, "insert into records");
            if (sqlite3_step(history.s) != SQLITE_DONE || sqlite3_reset(history.s) != SQLITE_OK)
                return sqliteError(db, "insert into history");
        }
        if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
            return sqliteError(db, "commit");
    }
    const double ms = timer.nsecsElapsed() / 1e6;
    QTextStream(stderr) << "floor: " << name << ": " << changes.size() << " changes, "
                        << rowBytes / 1024 << " KiB of row text, " << ms << " ms\n";
    out->insert(QStringLiteral("floor_%1_ms").arg(name), qRound(ms * 10) / 10.0);
    out->insert(QStringLiteral("floor_%1_changes").arg(name), changes.size());
    out->insert(QStringLiteral("floor_%1_row_kib").arg(name), double(rowBytes / 1024));
    return {};
}
