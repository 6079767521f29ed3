#include "pushrequest.h"

#include "compactjson.h"
#include "protocolversion.h"
#include "strictjson.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <simdjson.h>

#include <array>
#include <iterator>
#include <optional>
#include <string_view>

namespace {
// One run's header: entity, op and column names. Empty error = fine.
bool parseRunHeader(const QJsonObject &run, PushChange *proto, QStringList *columns, QString *error)
{
    static const QSet<QString> known{QStringLiteral("entity"), QStringLiteral("op"),
                                     QStringLiteral("columns"), QStringLiteral("changes")};
    if (!StrictJson::onlyMembers(run, known, error))
        return false;
    if (!StrictJson::isName(run.value(QLatin1String("entity")), 128)) {
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
        if (!StrictJson::isName(c, 64) || seen.contains(c.toString())) {
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
using simdjson::dom::element;
using simdjson::dom::element_type;

QString textOf(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// A value as Qt's reader makes it of the same text: integers that fit in 64 bits signed as
// integers, every other number as a double. False for arrays and objects (left to Qt's reader).
bool valueOf(element e, QJsonValue *out)
{
    switch (e.type()) {
    case element_type::INT64:
        *out = QJsonValue(qint64(e.get_int64().value_unsafe()));
        return true;
    case element_type::UINT64:
        *out = QJsonValue(double(e.get_uint64().value_unsafe()));
        return true;
    case element_type::DOUBLE:
        *out = QJsonValue(e.get_double().value_unsafe());
        return true;
    case element_type::STRING:
        *out = QJsonValue(textOf(e.get_string().value_unsafe()));
        return true;
    case element_type::BOOL:
        *out = QJsonValue(e.get_bool().value_unsafe());
        return true;
    case element_type::NULL_VALUE:
        *out = QJsonValue(QJsonValue::Null);
        return true;
    default:
        return false;
    }
}

// The members of `o` by name (values[i] of names[i]) when it has each of them once and no other
// (a member twice is Qt's reader's to settle: it keeps the last).
template <size_t N>
bool membersOf(simdjson::dom::object o, const std::string_view (&names)[N],
               std::array<element, N> *values)
{
    unsigned seen = 0;
    for (const auto &[key, value] : o) {
        size_t i = 0;
        while (i < N && key != names[i])
            ++i;
        if (i == N || (seen & (1u << i)))
            return false;
        seen |= 1u << i;
        (*values)[i] = value;
    }
    return seen == (1u << N) - 1;
}

// Every change of a run has the same members: each starts as a copy of the run's shape (its
// columns, all null), whose values are then set in place. Qt keeps members sorted by name; the
// list says where each column's value sits among them. Runs with the same columns (most runs of
// one entity) share one shape.
using Shape = std::pair<QJsonObject, QList<qsizetype>>;

// Reads one run into *out (appending its changes). False when the run is anything but what
// fromJson's checks accept without a word (the caller then leaves the whole body to them).
bool readRun(element run, PushRequest *out, qint64 *lastSeq, QHash<QStringList, Shape> *shapes)
{
    simdjson::dom::object o;
    if (run.get_object().get(o))
        return false;
    std::string_view entity, op;
    simdjson::dom::array cols, rows;
    std::array<element, 4> m;
    if (!membersOf(o, {"entity", "op", "columns", "changes"}, &m) ||
        m[0].get_string().get(entity) || m[1].get_string().get(op) || m[2].get_array().get(cols) ||
        m[3].get_array().get(rows))
        return false;
    if (cols.size() > 256)
        return false;
    PushChange proto;
    proto.entity = textOf(entity);
    proto.op = textOf(op);
    if (!StrictJson::isName(proto.entity, 128) || !PushChange::isValidOp(proto.op))
        return false;
    QStringList columns;
    for (element c : cols) {
        std::string_view name;
        if (c.get_string().get(name))
            return false;
        columns << textOf(name);
    }
    auto known = shapes->constFind(columns);
    if (known == shapes->constEnd()) {
        Shape shape;
        for (const QString &column : std::as_const(columns)) {
            if (!StrictJson::isName(column, 64) || shape.first.contains(column))
                return false;
            shape.first.insert(column, QJsonValue::Null);
        }
        for (const QString &column : std::as_const(columns))
            shape.second << std::distance(shape.first.constBegin(), shape.first.constFind(column));
        known = shapes->insert(columns, shape);
    }
    const QJsonObject &shape = known->first;
    const QList<qsizetype> &slot = known->second;
    const size_t width = 3 + size_t(columns.size());
    for (element r : rows) {
        simdjson::dom::array row;
        if (out->changes.size() >= ProtocolVersion::maxChangesPerPush || r.get_array().get(row) ||
            row.size() != width)
            return false;
        auto it = row.begin();
        double seq = 0, base = 0;
        std::string_view rowId;
        if ((*it).get_double().get(seq) || !StrictJson::isCount(seq, 1) || qint64(seq) <= *lastSeq)
            return false;
        ++it;
        if ((*it).get_string().get(rowId))
            return false;
        ++it;
        if ((*it).get_double().get(base) || !StrictJson::isCount(base, 0))
            return false;
        PushChange c = proto;
        c.seq = qint64(seq);
        c.rowId = textOf(rowId);
        c.baseSeq = qint64(base);
        if (!StrictJson::isName(c.rowId, 128))
            return false;
        c.fields = shape;
        const QJsonObject::iterator first = c.fields.begin();
        for (qsizetype j = 0; j < columns.size(); ++j) {
            QJsonValue v;
            if (!valueOf(*++it, &v))
                return false;
            if (!v.isNull())
                (first + slot[j]).value() = v;
        }
        *lastSeq = c.seq;
        out->changes.append(std::move(c));
    }
    return true;
}

// The request read with simdjson, when the body is one that fromJson's checks (after Qt's reader)
// accept without a word and simdjson reads: nothing then that Qt's reader would read otherwise.
// Anything else (malformed JSON, a check that fails, another protocol version, a member twice, a
// text simdjson refuses such as a lone UTF-16 surrogate escape, a value that is an array or an
// object) gives nullopt, and the body goes to Qt's reader and those checks as before.
std::optional<PushRequest> readWith(simdjson::dom::parser &parser, const QByteArray &json)
{
    element root;
    simdjson::dom::object o;
    if (parser.parse(json.constData(), size_t(json.size()), true).get(root) ||
        root.get_object().get(o))
        return std::nullopt;
    double protocol = 0;
    std::string_view device;
    simdjson::dom::array runs;
    std::array<element, 3> m;
    if (!membersOf(o, {"protocol", "device_id", "runs"}, &m) || m[0].get_double().get(protocol) ||
        m[1].get_string().get(device) || m[2].get_array().get(runs))
        return std::nullopt;
    if (protocol != double(ProtocolVersion::current))
        return std::nullopt;
    PushRequest out;
    out.protocol = ProtocolVersion::current;
    out.deviceId = textOf(device);
    if (out.deviceId.isEmpty() || out.deviceId.size() > 128)
        return std::nullopt;
    qint64 lastSeq = 0;
    QHash<QStringList, Shape> shapes;
    for (element run : runs)
        if (!readRun(run, &out, &lastSeq, &shapes))
            return std::nullopt;
    return out;
}

std::optional<PushRequest> readFast(const QByteArray &json)
{
    // The text is copied into the parser's padded buffer. The parser is kept for the next body,
    // but not with the room of one far larger than usual (a full body of short changes is about
    // a megabyte; the parser needs some ten times the text).
    constexpr size_t keptCapacity = 4 << 20;
    thread_local simdjson::dom::parser parser;
    std::optional<PushRequest> out = readWith(parser, json);
    if (parser.capacity() > keptCapacity)
        parser = simdjson::dom::parser();
    return out;
}
} // namespace

QByteArray PushRequest::toJson() const
{
    // Written as text, byte for byte what QJsonDocument makes of the same objects (members in
    // name order; tst_pushrequest compares the two), without building the document: building it
    // took a fifth of a device's CPU in a 10,000-inspection push (perf).
    const auto number = [](QByteArray *out, qint64 n) {
        CompactJson::append(out, QJsonValue(double(n))); // the protocol's numbers are doubles
    };
    QByteArray runs;
    QByteArray rows; // the changes of the run under way
    QByteArray head; // its other members: columns, entity, op
    const PushChange *first = nullptr;
    QStringList columns;
    const auto flush = [&] {
        if (!first)
            return;
        if (runs.size() > 1)
            runs += ',';
        runs += "{\"changes\":[";
        runs += rows;
        runs += ']';
        runs += head;
        runs += '}';
        rows.clear();
        first = nullptr;
    };
    runs += '[';
    for (const PushChange &c : changes) {
        const QStringList keys = c.fields.keys();
        if (!first || first->entity != c.entity || first->op != c.op || keys != columns) {
            flush();
            first = &c;
            columns = keys;
            head = ",\"columns\":[";
            for (qsizetype i = 0; i < keys.size(); ++i) {
                if (i > 0)
                    head += ',';
                CompactJson::appendString(&head, keys.at(i));
            }
            head += "],\"entity\":";
            CompactJson::appendString(&head, c.entity);
            head += ",\"op\":";
            CompactJson::appendString(&head, c.op);
        } else {
            rows += ',';
        }
        rows += '[';
        number(&rows, c.seq);
        rows += ',';
        CompactJson::appendString(&rows, c.rowId);
        rows += ',';
        number(&rows, c.baseSeq);
        for (auto it = c.fields.constBegin(); it != c.fields.constEnd(); ++it) {
            rows += ',';
            CompactJson::append(&rows, it.value());
        }
        rows += ']';
    }
    flush();
    runs += ']';
    QByteArray out = "{\"device_id\":";
    CompactJson::appendString(&out, deviceId);
    out += ",\"protocol\":";
    number(&out, protocol);
    out += ",\"runs\":";
    out += runs;
    out += '}';
    return out;
}

PushRequest PushRequest::fromJson(const QByteArray &json, QString *error)
{
    if (std::optional<PushRequest> fast = readFast(json))
        return std::move(*fast);
    return fromJsonQt(json, error);
}

PushRequest PushRequest::fromJsonQt(const QByteArray &json, QString *error)
{
    QJsonObject o;
    int protocol = 0;
    if (!StrictJson::object(json, &o, error) || !StrictJson::protocol(o, &protocol, error))
        return {};
    if (protocol != ProtocolVersion::current) {
        // Another version's body: only its version is read, so the caller can say "update".
        PushRequest other;
        other.protocol = protocol;
        return other;
    }
    if (!StrictJson::onlyMembers(
            o, {QStringLiteral("protocol"), QStringLiteral("device_id"), QStringLiteral("runs")},
            error))
        return {};
    if (!StrictJson::isName(o.value(QLatin1String("device_id")), 128)) {
        *error = QStringLiteral("'device_id' phải là chuỗi không rỗng");
        return {};
    }
    if (!o.value(QLatin1String("runs")).isArray()) {
        *error = QStringLiteral("'runs' phải là một danh sách");
        return {};
    }
    PushRequest out;
    out.protocol = protocol;
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
            } else if (!StrictJson::isCount(row.at(0), 1) ||
                       qint64(row.at(0).toDouble()) <= lastSeq) {
                e = QStringLiteral("thay đổi %1: seq phải là số nguyên dương, tăng dần").arg(k);
            } else if (!StrictJson::isName(row.at(1), 128)) {
                e = QStringLiteral("thay đổi %1: row_id phải là chuỗi không rỗng, tối đa 128 ký "
                                   "tự")
                        .arg(k);
            } else if (!StrictJson::isCount(row.at(2), 0)) {
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
