#include "pullpage.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace {
struct Span {
    const char *at;
    int size;
};

QByteArray jsonString(const QString &s);

bool isPlainName(std::string_view name)
{
    for (const char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_'))
            return false;
    return !name.empty();
}

std::string_view trimmed(std::string_view v)
{
    while (!v.empty() &&
           (v.back() == ' ' || v.back() == '\t' || v.back() == '\n' || v.back() == '\r'))
        v.remove_suffix(1);
    return v;
}

// Splits the text of a JSON object into its member names and the raw JSON text of each value,
// with simdjson's On-Demand reader (no JSON values are built: a pull page copies the stored text
// of each value as it is). A name that is not a plain identifier is written escaped into
// `names`, which then holds the text the spans point at. Returns false for text simdjson does
// not read as an object; the caller falls back to QJsonDocument then.
bool splitObject(const QByteArray &json, std::vector<Span> *keys, std::vector<Span> *values,
                 std::deque<QByteArray> *names)
{
    keys->clear();
    values->clear();
    names->clear();
    thread_local simdjson::ondemand::parser parser;
    thread_local std::string padded;
    padded.assign(json.constData(), size_t(json.size()));
    padded.reserve(padded.size() + simdjson::SIMDJSON_PADDING);
    simdjson::ondemand::document doc;
    simdjson::ondemand::object object;
    if (parser.iterate(padded.data(), padded.size(), padded.capacity()).get(doc) ||
        doc.get_object().get(object))
        return false;
    for (auto field : object) {
        std::string_view name;
        simdjson::ondemand::value value;
        if (field.unescaped_key().get(name) || field.value().get(value))
            return false;
        simdjson::ondemand::json_type type;
        if (value.type().get(type))
            return false;
        std::string_view text;
        if (type == simdjson::ondemand::json_type::array) {
            simdjson::ondemand::array array;
            if (value.get_array().get(array) || array.raw_json().get(text))
                return false;
        } else if (type == simdjson::ondemand::json_type::object) {
            simdjson::ondemand::object inner;
            if (value.get_object().get(inner) || inner.raw_json().get(text))
                return false;
        } else {
            text = value.raw_json_token();
        }
        if (isPlainName(name)) {
            keys->push_back({name.data(), int(name.size())});
        } else {
            const QByteArray quoted =
                jsonString(QString::fromUtf8(name.data(), qsizetype(name.size())));
            names->push_back(quoted.mid(1, quoted.size() - 2));
            keys->push_back({names->back().constData(), int(names->back().size())});
        }
        text = trimmed(text);
        values->push_back({text.data(), int(text.size())});
    }
    return true;
}

QByteArray jsonString(const QString &s)
{
    const QByteArray a = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2);
}
} // namespace

bool PullPage::append(qint64 seq, const QString &entity, bool deleted, const QByteArray &rowJson)
{
    thread_local std::vector<Span> keys, values;
    thread_local std::deque<QByteArray> names; // push_back leaves the others where they are
    QList<QByteArray> fallbackKeys, fallbackValues;
    if (!splitObject(rowJson, &keys, &values, &names)) {
        // Text that is not UTF-8 is the caller's to read (RegistryStore: as QtSql would).
        if (!QByteArrayView(rowJson).isValidUtf8())
            return false;
        // Not text the scanner reads: take the members from a parsed object instead.
        const QJsonObject o = QJsonDocument::fromJson(rowJson).object();
        keys.clear();
        values.clear();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QByteArray v =
                QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact);
            fallbackKeys << jsonString(it.key());
            fallbackValues << v.mid(1, v.size() - 2);
        }
        for (int i = 0; i < fallbackKeys.size(); ++i) {
            // A name the scanner refused may hold escapes: strip the quotes of its JSON text.
            keys.push_back(
                {fallbackKeys.at(i).constData() + 1, int(fallbackKeys.at(i).size()) - 2});
            values.push_back({fallbackValues.at(i).constData(), int(fallbackValues.at(i).size())});
        }
    }
    bool same = !runs.isEmpty() && runs.last().entity == entity &&
                runs.last().columns.size() == qsizetype(keys.size());
    for (size_t i = 0; same && i < keys.size(); ++i) {
        const QByteArray &c = runs.last().columns.at(qsizetype(i));
        same = c.size() == keys[i].size && std::memcmp(c.constData(), keys[i].at, c.size()) == 0;
    }
    if (!same) {
        PullRun run;
        run.entity = entity;
        for (const Span &k : keys)
            run.columns << QByteArray(k.at, k.size);
        runs << run;
    }
    // The row's array written in one piece: "[seq,deleted,v0,v1,…]" (a comma before it after the
    // run's first row). One resize per row (it grows the buffer geometrically), no append calls.
    PullRun &run = runs.last();
    char seqText[24];
    const char *seqEnd = std::to_chars(seqText, seqText + sizeof seqText, seq).ptr;
    qsizetype size = (run.rowCount > 0 ? 1 : 0) + 1 + (seqEnd - seqText) + 2 + 1;
    for (const Span &v : values)
        size += 1 + v.size;
    const qsizetype at = run.rows.size();
    run.rows.resize(at + size);
    char *out = run.rows.data() + at;
    if (run.rowCount++ > 0)
        *out++ = ',';
    *out++ = '[';
    out = std::copy(static_cast<const char *>(seqText), seqEnd, out);
    *out++ = ',';
    *out++ = deleted ? '1' : '0';
    for (const Span &v : values) {
        *out++ = ',';
        std::memcpy(out, v.at, size_t(v.size));
        out += v.size;
    }
    *out = ']';
    return true;
}

int PullPage::rowCount() const
{
    int n = 0;
    for (const PullRun &r : runs)
        n += r.rowCount;
    return n;
}

QByteArray PullPage::toJson() const
{
    qsizetype size = 96;
    for (const PullRun &r : runs)
        size += r.rows.size() + 64 + r.columns.size() * 24;
    QByteArray out;
    out.reserve(size);
    out += "{\"protocol\":";
    out += QByteArray::number(protocol);
    out += ",\"next\":";
    out += QByteArray::number(next);
    out += more ? ",\"more\":true" : ",\"more\":false";
    if (lastSeq > 0) {
        out += ",\"last_seq\":";
        out += QByteArray::number(lastSeq);
    }
    if (handled >= 0) {
        out += ",\"handled\":";
        out += QByteArray::number(handled);
    }
    if (!epoch.isEmpty()) {
        out += ",\"epoch\":";
        out += jsonString(epoch);
        out += ",\"epoch_seq\":";
        out += QByteArray::number(epochSeq);
    }
    out += ",\"runs\":[";
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const PullRun &r = runs.at(i);
        if (i > 0)
            out += ',';
        out += "{\"entity\":";
        out += jsonString(r.entity);
        out += ",\"columns\":[";
        for (qsizetype c = 0; c < r.columns.size(); ++c) {
            if (c > 0)
                out += ',';
            out += '"';
            out += r.columns.at(c);
            out += '"';
        }
        out += "],\"rows\":[";
        out += r.rows;
        out += "]}";
    }
    out += "]}";
    return out;
}

PullPage PullPage::fromJson(const QByteArray &json, QString *error)
{
    PullPage p;
    QJsonParseError pe;
    const QJsonObject o = QJsonDocument::fromJson(json, &pe).object();
    if (pe.error != QJsonParseError::NoError || !o.value(QLatin1String("runs")).isArray() ||
        !o.value(QLatin1String("next")).isDouble() || !o.value(QLatin1String("more")).isBool()) {
        *error = QStringLiteral("malformed pull page");
        return p;
    }
    p.protocol = o.value(QLatin1String("protocol")).toInt();
    p.next = qint64(o.value(QLatin1String("next")).toDouble());
    p.more = o.value(QLatin1String("more")).toBool();
    p.lastSeq = qint64(o.value(QLatin1String("last_seq")).toDouble());
    p.epoch = o.value(QLatin1String("epoch")).toString();
    p.epochSeq = qint64(o.value(QLatin1String("epoch_seq")).toDouble());
    p.handled = o.value(QLatin1String("handled")).toInt(-1);
    for (const QJsonValue &rv : o.value(QLatin1String("runs")).toArray()) {
        const QJsonObject r = rv.toObject();
        PullRun run;
        run.entity = r.value(QLatin1String("entity")).toString();
        const QJsonArray columns = r.value(QLatin1String("columns")).toArray();
        for (const QJsonValue &c : columns)
            run.columns << c.toString().toUtf8();
        for (const QJsonValue &row : r.value(QLatin1String("rows")).toArray()) {
            const QJsonArray a = row.toArray();
            if (a.size() != columns.size() + 2 || a.at(0).toInteger() <= 0) {
                *error = QStringLiteral("malformed row in pull page");
                return {};
            }
            if (run.rowCount++ > 0)
                run.rows += ',';
            run.rows += QJsonDocument(a).toJson(QJsonDocument::Compact);
        }
        if (run.entity.isEmpty() || run.rowCount == 0) {
            *error = QStringLiteral("malformed run in pull page");
            return {};
        }
        p.runs << run;
    }
    return p;
}

QList<PulledRow> PullPage::rows() const
{
    QList<PulledRow> out;
    for (const PullRun &run : runs) {
        const QJsonArray rows = QJsonDocument::fromJson("[" + run.rows + "]").array();
        for (const QJsonValue &rv : rows) {
            const QJsonArray a = rv.toArray();
            PulledRow r;
            r.seq = a.at(0).toInteger();
            r.entity = run.entity;
            r.deleted = a.at(1).toInt() != 0;
            for (qsizetype i = 0; i < run.columns.size() && i + 2 < a.size(); ++i)
                r.row.insert(QString::fromUtf8(run.columns.at(i)), a.at(i + 2));
            r.rowId = r.row.value(QLatin1String("id")).toString();
            out << r;
        }
    }
    return out;
}
