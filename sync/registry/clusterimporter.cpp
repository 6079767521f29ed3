#include "clusterimporter.h"

#include "csvreader.h"
#include "registrystore.h"
#include "syncschema.h"
#include "uuid7.h"

#include <QDateTime>
#include <QFile>
#include <QJsonObject>
#include <QLocale>

int ClusterImporter::importFile(const QString &path, QStringList *errors)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *errors << QObject::tr("Không đọc được %1: %2").arg(path, f.errorString());
        return -1;
    }
    return importData(f.readAll(), errors);
}

int ClusterImporter::importData(const QByteArray &csv, QStringList *errors)
{
    // Checked whole: a decoder keeps a sequence cut at the end for more input and drops it.
    if (!csv.isValidUtf8()) {
        *errors << QObject::tr(
            "Tệp không phải văn bản UTF-8. Hãy lưu lại dạng \"CSV UTF-8\" rồi thử lại.");
        return -1;
    }
    QByteArrayView text(csv);
    if (text.startsWith("\xef\xbb\xbf")) // a byte order mark, as spreadsheets write
        text = text.sliced(3);
    const CsvReader::Result read = CsvReader::read(text);
    if (!read.ok()) {
        *errors << read.message;
        return -1;
    }
    const QList<QStringList> &rows = read.records;
    if (rows.isEmpty() || rows.first().isEmpty()) {
        *errors << QObject::tr("Dòng 1: thiếu dòng tiêu đề cột.");
        return -1;
    }
    const SyncSchema &schema = m_store->schema();
    const QString table = QStringLiteral("clusters");
    QStringList header;
    for (const QString &h : rows.first())
        header << h.trimmed();
    for (const QString &h : std::as_const(header)) {
        if (!schema.hasColumn(table, h) || h == QLatin1String("created_at") ||
            h == QLatin1String("updated_at") || h == QLatin1String("deleted_at"))
            *errors << QObject::tr("Dòng 1: không có cột '%1'.").arg(h);
        if (header.count(h) > 1)
            *errors << QObject::tr("Dòng 1: cột '%1' xuất hiện hai lần.").arg(h);
    }
    for (const char *need : {"code", "name", "province_id", "status"})
        if (!header.contains(QLatin1String(need)))
            *errors << QObject::tr("Dòng 1: thiếu cột bắt buộc '%1'.").arg(QLatin1String(need));
    if (!errors->isEmpty())
        return -1;
    QHash<QString, SyncSchema::Type> types;
    for (const SyncSchema::Column &c : schema.columns(table))
        types.insert(c.name, c.type);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<QPair<QString, QJsonObject>> good;
    for (int i = 1; i < rows.size(); ++i) {
        const QStringList &r = rows.at(i);
        const int line = i + 1;
        if (r.isEmpty() || (r.size() == 1 && r.first().trimmed().isEmpty()))
            continue;
        if (r.size() != header.size()) {
            *errors << QObject::tr("Dòng %1: có %2 ô nhưng dòng tiêu đề có %3 cột.")
                           .arg(line)
                           .arg(r.size())
                           .arg(header.size());
            continue;
        }
        QJsonObject row;
        QString id;
        bool lineOk = true;
        for (int c = 0; c < header.size() && lineOk; ++c) {
            const QString v = r.at(c).trimmed();
            const QString col = header.at(c);
            if (col == QLatin1String("id")) {
                id = v;
                continue;
            }
            if (v.isEmpty()) {
                row.insert(col, QJsonValue::Null);
                continue;
            }
            bool conv = true;
            switch (types.value(col)) {
            case SyncSchema::Type::Integer:
                row.insert(col, double(QLocale::c().toLongLong(v, &conv)));
                break;
            case SyncSchema::Type::Real:
                row.insert(col, QLocale::c().toDouble(v, &conv));
                break;
            case SyncSchema::Type::Text:
                row.insert(col, v);
                break;
            }
            if (!conv) {
                *errors << QObject::tr(
                               "Dòng %1: '%2' không phải số cho cột %3 (dùng dấu chấm cho phần "
                               "thập phân).")
                               .arg(line)
                               .arg(v, col);
                lineOk = false;
            }
        }
        if (!lineOk)
            continue;
        if (id.isEmpty())
            id = Uuid7::generate();
        row.insert(QStringLiteral("id"), id);
        row.insert(QStringLiteral("created_at"), double(now));
        row.insert(QStringLiteral("updated_at"), double(now));
        const QString e = schema.validateRow(table, row);
        if (!e.isEmpty()) {
            *errors << QObject::tr("Dòng %1: %2").arg(line).arg(e);
            continue;
        }
        good.append({id, row});
    }
    if (!errors->isEmpty())
        return -1;
    if (CoreError e = m_store->beginBatch(); e.failed()) {
        *errors << e.message();
        return -1;
    }
    for (int i = 0; i < good.size(); ++i) {
        const CoreError e = m_store->writeRow(table, good.at(i).first, good.at(i).second,
                                              QStringLiteral("import"), QString());
        if (e.failed()) {
            m_store->rollbackBatch();
            *errors
                << QObject::tr("Hàng %1: %2 (không có gì được nhập)").arg(i + 1).arg(e.message());
            return -1;
        }
    }
    if (CoreError e = m_store->commitBatch(); e.failed()) {
        *errors << e.message();
        return -1;
    }
    return int(good.size());
}
