#include "clusterimporter.h"

#include "csvreader.h"
#include "registrystore.h"
#include "syncschema.h"
#include "uuid7.h"

#include <QDateTime>
#include <QFile>
#include <QJsonObject>
#include <QLocale>

int ClusterImporter::importFile(const QString &path, QStringList *errors, int *updated)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *errors << QObject::tr("Không đọc được %1: %2").arg(path, f.errorString());
        return -1;
    }
    return importData(f.readAll(), errors, updated);
}

int ClusterImporter::importData(const QByteArray &csv, QStringList *errors, int *updatedOut)
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
    int updated = 0;
    m_provinces.clear();
    m_clusters.clear();
    m_codeLines.clear();
    m_idLines.clear();
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
        const bool idGiven = !id.isEmpty();
        row.insert(QStringLiteral("id"), idGiven ? id : Uuid7::generate());
        row.insert(QStringLiteral("created_at"), double(now));
        row.insert(QStringLiteral("updated_at"), double(now));
        const QString e = schema.validateRow(table, row);
        if (!e.isEmpty()) {
            *errors << QObject::tr("Dòng %1: %2").arg(line).arg(e);
            continue;
        }
        bool stored = false;
        if (const CoreError match = matchStored(&row, idGiven, line, &stored); match.failed()) {
            *errors << QObject::tr("Dòng %1: %2").arg(line).arg(match.message());
            continue;
        }
        updated += stored ? 1 : 0;
        good.append({row.value(QLatin1String("id")).toString(), row});
    }
    if (!errors->isEmpty())
        return -1;
    if (updatedOut)
        *updatedOut = updated;
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

CoreError ClusterImporter::matchStored(QJsonObject *row, bool idGiven, int line, bool *stored)
{
    const QString province = row->value(QLatin1String("province_id")).toString();
    const QString code = row->value(QLatin1String("code")).toString();
    const QString id = row->value(QLatin1String("id")).toString();
    auto checked = m_provinces.constFind(province);
    if (checked == m_provinces.constEnd())
        checked = m_provinces.insert(province, m_store->checkProvince(province));
    if (checked->failed())
        return *checked;
    // Province ids and codes hold no NUL: the pair as one key.
    const QString key = province + QChar(0) + code;
    if (const int first = m_codeLines.value(key); first > 0)
        return {CoreError::Code::InvalidInput,
                QObject::tr("mã cụm '%1' của tỉnh '%2' đã có ở dòng %3; mỗi cụm chỉ một dòng.")
                    .arg(code, province)
                    .arg(first)};
    m_codeLines.insert(key, line);
    auto inProvince = m_clusters.find(province);
    if (inProvince == m_clusters.end()) {
        CoreError read;
        QHash<QString, QJsonObject> byCode;
        for (const QJsonObject &c :
             m_store->rowsInProvince(QStringLiteral("clusters"), province, &read))
            byCode.insert(c.value(QLatin1String("code")).toString(), c);
        if (read.failed())
            return read;
        inProvince = m_clusters.insert(province, byCode);
    }
    QJsonObject same = inProvince->value(code);
    const QString sameId = same.value(QLatin1String("id")).toString();
    if (idGiven && !sameId.isEmpty() && sameId != id)
        return {CoreError::Code::InvalidInput,
                QObject::tr("tỉnh '%1' đã có cụm mã '%2' với id %3; hãy dùng id đó, hoặc để "
                            "trống ô id.")
                    .arg(province, code, sameId)};
    if (!sameId.isEmpty())
        row->insert(QStringLiteral("id"), sameId);
    else if (idGiven) // a cluster stored under another code or province is updated as named
        same = m_store->row(QStringLiteral("clusters"), id).value_or(QJsonObject());
    // One cluster on two lines (its id on one, its stored code on another): which would win?
    const QString rowId = row->value(QLatin1String("id")).toString();
    if (const int first = m_idLines.value(rowId); first > 0)
        return {
            CoreError::Code::InvalidInput,
            QObject::tr("cụm id %1 đã có ở dòng %2; mỗi cụm chỉ một dòng.").arg(rowId).arg(first)};
    m_idLines.insert(rowId, line);
    *stored = !same.isEmpty();
    // A stored cluster keeps when it was first created; the import is its update.
    if (same.value(QLatin1String("created_at")).isDouble())
        row->insert(QStringLiteral("created_at"), same.value(QLatin1String("created_at")));
    return {};
}
