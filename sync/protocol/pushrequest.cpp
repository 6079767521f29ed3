#include "pushrequest.h"
#include "protocolversion.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace {
constexpr double maxSafeInteger = 9007199254740991.0;

bool isCount(const QJsonValue &v, double min)
{
    const double d = v.toDouble(-1);
    return v.isDouble() && d >= min && d <= maxSafeInteger && d == double(qint64(d));
}

bool isName(const QJsonValue &v, int maxLength)
{
    return v.isString() && !v.toString().isEmpty() && v.toString().size() <= maxLength;
}

bool onlyMembers(const QJsonObject &o, const QSet<QString> &known, QString *error)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key())) {
            *error = QStringLiteral("trường '%1' không được chấp nhận").arg(it.key().left(64));
            return false;
        }
    }
    return true;
}

// One run's header: entity, op and column names. Empty error = fine.
bool parseRunHeader(const QJsonObject &run, PushChange *proto, QStringList *columns, QString *error)
{
    static const QSet<QString> known{QStringLiteral("entity"), QStringLiteral("op"),
                                     QStringLiteral("columns"), QStringLiteral("changes")};
    if (!onlyMembers(run, known, error))
        return false;
    if (!isName(run.value(QLatin1String("entity")), 128)) {
        *error = QStringLiteral("'entity' phải là chuỗi không rỗng, tối đa 128 ký tự");
        return false;
    }
    proto->entity = run.value(QLatin1String("entity")).toString();
    proto->op = run.value(QLatin1String("op")).toString();
    if (!PushChange::isValidOp(proto->op)) {
        *error = QStringLiteral("'op' phải là insert, update hoặc delete");
        return false;
    }
    const QJsonValue cols = run.value(QLatin1String("columns"));
    if (!cols.isArray() || cols.toArray().size() > 256) {
        *error = QStringLiteral("'columns' phải là danh sách tối đa 256 tên cột");
        return false;
    }
    QSet<QString> seen;
    for (const QJsonValue &c : cols.toArray()) {
        if (!isName(c, 64) || seen.contains(c.toString())) {
            *error = QStringLiteral("'columns' phải gồm các tên cột khác nhau, không rỗng");
            return false;
        }
        seen.insert(c.toString());
        *columns << c.toString();
    }
    if (!run.value(QLatin1String("changes")).isArray()) {
        *error = QStringLiteral("'changes' phải là một danh sách");
        return false;
    }
    return true;
}
} // namespace

QByteArray PushRequest::toJson() const
{
    QJsonArray runs;
    QJsonObject run;
    QJsonArray rows;
    QStringList columns;
    const auto flush = [&] {
        if (rows.isEmpty())
            return;
        run.insert(QStringLiteral("changes"), rows);
        runs.append(run);
        rows = QJsonArray();
    };
    for (const PushChange &c : changes) {
        const QStringList keys = c.fields.keys();
        if (rows.isEmpty() || run.value(QLatin1String("entity")).toString() != c.entity ||
            run.value(QLatin1String("op")).toString() != c.op || keys != columns) {
            flush();
            columns = keys;
            run = QJsonObject{{QStringLiteral("entity"), c.entity},
                              {QStringLiteral("op"), c.op},
                              {QStringLiteral("columns"), QJsonArray::fromStringList(keys)}};
        }
        QJsonArray row{double(c.seq), c.rowId, double(c.baseSeq)};
        for (const QString &k : keys)
            row.append(c.fields.value(k));
        rows.append(row);
    }
    flush();
    return QJsonDocument(QJsonObject{{QStringLiteral("protocol"), protocol},
                                     {QStringLiteral("device_id"), deviceId},
                                     {QStringLiteral("runs"), runs}})
        .toJson(QJsonDocument::Compact);
}

PushRequest PushRequest::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = pe.error != QJsonParseError::NoError
                     ? QStringLiteral("JSON sai cú pháp: %1").arg(pe.errorString())
                     : QStringLiteral("nội dung phải là một đối tượng JSON");
        return {};
    }
    const QJsonObject o = doc.object();
    const QJsonValue p = o.value(QLatin1String("protocol"));
    if (!p.isDouble() || p.toDouble() != double(p.toInt())) {
        *error = QStringLiteral("'protocol' phải là số nguyên");
        return {};
    }
    if (p.toInt() != ProtocolVersion::current) {
        // Another version's body: only its version is read, so the caller can say "update".
        PushRequest other;
        other.protocol = p.toInt();
        return other;
    }
    if (!onlyMembers(
            o, {QStringLiteral("protocol"), QStringLiteral("device_id"), QStringLiteral("runs")},
            error))
        return {};
    if (!isName(o.value(QLatin1String("device_id")), 128)) {
        *error = QStringLiteral("'device_id' phải là chuỗi không rỗng");
        return {};
    }
    if (!o.value(QLatin1String("runs")).isArray()) {
        *error = QStringLiteral("'runs' phải là một danh sách");
        return {};
    }
    PushRequest out;
    out.protocol = p.toInt();
    out.deviceId = o.value(QLatin1String("device_id")).toString();
    const QJsonArray runs = o.value(QLatin1String("runs")).toArray();
    qint64 lastSeq = 0;
    for (int i = 0; i < runs.size(); ++i) {
        QString e;
        PushChange proto;
        QStringList columns;
        if (!runs.at(i).isObject())
            e = QStringLiteral("phải là một đối tượng");
        else
            parseRunHeader(runs.at(i).toObject(), &proto, &columns, &e);
        const QJsonArray rows = runs.at(i).toObject().value(QLatin1String("changes")).toArray();
        for (int k = 0; e.isEmpty() && k < rows.size(); ++k) {
            if (out.changes.size() >= ProtocolVersion::maxChangesPerPush) {
                *error = QStringLiteral("mỗi lần gửi tối đa %1 thay đổi")
                             .arg(ProtocolVersion::maxChangesPerPush);
                return {};
            }
            const QJsonArray row = rows.at(k).toArray();
            if (!rows.at(k).isArray() || row.size() != 3 + columns.size()) {
                e = QStringLiteral("thay đổi %1 phải là danh sách [seq, row_id, base_seq] và %2 "
                                   "giá trị")
                        .arg(k)
                        .arg(columns.size());
            } else if (!isCount(row.at(0), 1) || qint64(row.at(0).toDouble()) <= lastSeq) {
                e = QStringLiteral("thay đổi %1: seq phải là số nguyên dương, tăng dần").arg(k);
            } else if (!isName(row.at(1), 128)) {
                e = QStringLiteral("thay đổi %1: row_id phải là chuỗi không rỗng, tối đa 128 ký "
                                   "tự")
                        .arg(k);
            } else if (!isCount(row.at(2), 0)) {
                e = QStringLiteral("thay đổi %1: base_seq phải là số nguyên không âm").arg(k);
            } else {
                PushChange c = proto;
                c.seq = qint64(row.at(0).toDouble());
                c.rowId = row.at(1).toString();
                c.baseSeq = qint64(row.at(2).toDouble());
                for (int j = 0; j < columns.size(); ++j)
                    c.fields.insert(columns.at(j), row.at(3 + j));
                lastSeq = c.seq;
                out.changes.append(c);
            }
        }
        if (!e.isEmpty()) {
            *error = QStringLiteral("nhóm %1: %2").arg(i).arg(e);
            return {};
        }
    }
    return out;
}
