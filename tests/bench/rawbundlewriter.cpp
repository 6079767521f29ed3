#include "rawbundlewriter.h"

#include "uuid7.h"

#include <QDateTime>
#include <QStringList>

#include <sqlite3.h>

RawBundleWriter::~RawBundleWriter()
{
    for (auto &s : m_statements)
        sqlite3_finalize(s.second);
    sqlite3_finalize(m_begin);
    sqlite3_finalize(m_commit);
    sqlite3_finalize(m_rollback);
    sqlite3_close(m_db);
}

CoreError RawBundleWriter::error(const QString &what) const
{
    return {CoreError::Code::Sql,
            QStringLiteral("%1: %2").arg(what, QString::fromUtf8(sqlite3_errmsg(m_db)))};
}

CoreError RawBundleWriter::open(const QString &path)
{
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr) !=
        SQLITE_OK)
        return error(QStringLiteral("open"));
    sqlite3_busy_timeout(m_db, 5000);
    // Database::open's pragmas, in its order.
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                               "PRAGMA foreign_keys=ON", "PRAGMA temp_store=MEMORY"})
        if (sqlite3_exec(m_db, pragma, nullptr, nullptr, nullptr) != SQLITE_OK)
            return error(QString::fromLatin1(pragma));
    if (sqlite3_prepare_v2(m_db, "BEGIN", -1, &m_begin, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(m_db, "COMMIT", -1, &m_commit, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(m_db, "ROLLBACK", -1, &m_rollback, nullptr) != SQLITE_OK)
        return error(QStringLiteral("prepare"));
    return {};
}

CoreError RawBundleWriter::addRow(const QString &table, QVariantMap row, bool child, Prepared *out)
{
    // What RecordWriter::insert adds; a QVariantMap keeps the columns in the same (sorted) order.
    const QByteArray givenId = row.value(QStringLiteral("id")).toString().toUtf8();
    const bool newId = givenId.isEmpty();
    row.insert(QStringLiteral("id"), QVariant());
    if (!row.contains(QStringLiteral("created_at")))
        row.insert(QStringLiteral("created_at"), QVariant());
    if (!row.contains(QStringLiteral("updated_at")))
        row.insert(QStringLiteral("updated_at"), QVariant());
    if (child)
        row.insert(QStringLiteral("inspection_id"), QVariant());
    const QStringList cols = row.keys();
    QStringList marks;
    for (int i = 0; i < cols.size(); ++i)
        marks << QStringLiteral("?");
    const std::string sql =
        QStringLiteral("INSERT INTO %1(%2) VALUES (%3)")
            .arg(table, cols.join(QLatin1Char(',')), marks.join(QLatin1Char(',')))
            .toStdString();
    sqlite3_stmt *&stmt = m_statements[sql];
    if (!stmt && sqlite3_prepare_v3(m_db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt,
                                    nullptr) != SQLITE_OK)
        return error(QStringLiteral("prepare %1").arg(table));
    Row r;
    r.stmt = stmt;
    for (const QString &c : cols) {
        Value v;
        const QVariant x = row.value(c);
        if (c == QLatin1String("id"))
            v.kind = newId ? Value::NewId : Value::Text, v.text = givenId;
        else if (c == QLatin1String("inspection_id") && child)
            v.kind = Value::ParentId;
        else if ((c == QLatin1String("created_at") || c == QLatin1String("updated_at")) &&
                 x.isNull())
            v.kind = Value::Now;
        else if (x.isNull())
            v.kind = Value::Null;
        else if (x.typeId() == QMetaType::Double)
            v.kind = Value::Real, v.d = x.toDouble();
        else if (x.typeId() == QMetaType::Int || x.typeId() == QMetaType::LongLong)
            v.kind = Value::Int, v.i = x.toLongLong();
        else
            v.kind = Value::Text, v.text = x.toString().toUtf8();
        r.values.push_back(std::move(v));
    }
    out->push_back(std::move(r));
    return {};
}

CoreError RawBundleWriter::prepare(const QVariantMap &bundle, Prepared *out)
{
    out->clear();
    CoreError e = addRow(QStringLiteral("inspections"),
                         bundle.value(QStringLiteral("inspection")).toMap(), false, out);
    for (const char *key : {"participants", "answers", "violations", "photos"}) {
        const QString table = QLatin1String(key) == QLatin1String("participants")
                                  ? QStringLiteral("inspection_participants")
                                  : QString::fromLatin1(key);
        for (const QVariant &v : bundle.value(QLatin1String(key)).toList()) {
            if (e.failed())
                return e;
            e = addRow(table, v.toMap(), true, out);
        }
    }
    return e;
}

CoreError RawBundleWriter::write(const Prepared &rows)
{
    auto stepReset = [](sqlite3_stmt *s) {
        const int rc = sqlite3_step(s);
        sqlite3_reset(s);
        return rc == SQLITE_DONE;
    };
    if (!stepReset(m_begin))
        return error(QStringLiteral("BEGIN"));
    QByteArray parentId;
    for (const Row &r : rows) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QByteArray newId;
        int i = 0;
        for (const Value &v : r.values) {
            ++i;
            switch (v.kind) {
            case Value::Null:
                sqlite3_bind_null(r.stmt, i);
                break;
            case Value::Int:
                sqlite3_bind_int64(r.stmt, i, v.i);
                break;
            case Value::Real:
                sqlite3_bind_double(r.stmt, i, v.d);
                break;
            case Value::Text:
                sqlite3_bind_text(r.stmt, i, v.text.constData(), int(v.text.size()), SQLITE_STATIC);
                break;
            case Value::NewId:
                newId = Uuid7::generate().toLatin1();
                sqlite3_bind_text(r.stmt, i, newId.constData(), int(newId.size()),
                                  SQLITE_TRANSIENT);
                break;
            case Value::Now:
                sqlite3_bind_int64(r.stmt, i, now);
                break;
            case Value::ParentId:
                sqlite3_bind_text(r.stmt, i, parentId.constData(), int(parentId.size()),
                                  SQLITE_STATIC);
                break;
            }
        }
        if (!stepReset(r.stmt)) {
            const CoreError e = error(QStringLiteral("insert"));
            stepReset(m_rollback);
            return e;
        }
        if (parentId.isEmpty())
            parentId = newId;
    }
    if (!stepReset(m_commit)) {
        const CoreError e = error(QStringLiteral("COMMIT"));
        stepReset(m_rollback);
        return e;
    }
    return {};
}
