#include "pullpage.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstring>
#include <vector>

namespace {
struct Span {
    const char *at;
    int size;
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Splits the text of a flat JSON object into its member names and raw value texts, without
// building JSON values (a pull page copies the stored text of each value as it is). Returns false
// for text this scanner does not read (escaped names, broken text): the caller falls back to
// QJsonDocument then.
bool splitObject(const QByteArray &json, std::vector<Span> *keys, std::vector<Span> *values)
{
    keys->clear();
    values->clear();
    const char *p = json.constData();
    const char *const end = p + json.size();
    auto skip = [&] {
        while (p < end && isSpace(*p))
            ++p;
    };
    skip();
    if (p == end || *p++ != '{')
        return false;
    skip();
    if (p < end && *p == '}')
        return true;
    while (p < end) {
        if (*p++ != '"')
            return false;
        const char *key = p;
        while (p < end && *p != '"' && *p != '\\')
            ++p;
        if (p == end || *p != '"' || p == key)
            return false;
        keys->push_back({key, int(p - key)});
        ++p;
        skip();
        if (p == end || *p++ != ':')
            return false;
        skip();
        const char *value = p;
        if (p < end && *p == '"') {
            for (++p; p < end && *p != '"'; ++p)
                if (*p == '\\')
                    ++p;
            if (p >= end)
                return false;
            ++p;
        } else if (p < end && (*p == '{' || *p == '[')) {
            int depth = 0;
            for (; p < end; ++p) {
                if (*p == '"') {
                    for (++p; p < end && *p != '"'; ++p)
                        if (*p == '\\')
                            ++p;
                    if (p >= end)
                        return false;
                } else if (*p == '{' || *p == '[') {
                    ++depth;
                } else if ((*p == '}' || *p == ']') && --depth == 0) {
                    ++p;
                    break;
                }
            }
            if (depth != 0)
                return false;
        } else {
            while (p < end && *p != ',' && *p != '}' && !isSpace(*p))
                ++p;
        }
        if (p == value)
            return false;
        values->push_back({value, int(p - value)});
        skip();
        if (p == end)
            return false;
        if (*p == '}')
            return true;
        if (*p++ != ',')
            return false;
        skip();
    }
    return false;
}

QByteArray jsonString(const QString &s)
{
    const QByteArray a = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2);
}
} // namespace

void PullPage::append(qint64 seq, const QString &entity, bool deleted, const QByteArray &rowJson)
{
    thread_local std::vector<Span> keys, values;
    QList<QByteArray> fallbackKeys, fallbackValues;
    if (!splitObject(rowJson, &keys, &values)) {
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
    PullRun &run = runs.last();
    if (run.rowCount++ > 0)
        run.rows += ',';
    run.rows += '[';
    run.rows += QByteArray::number(seq);
    run.rows += deleted ? ",1" : ",0";
    for (const Span &v : values) {
        run.rows += ',';
        run.rows.append(v.at, v.size);
    }
    run.rows += ']';
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
