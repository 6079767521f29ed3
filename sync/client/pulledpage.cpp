#include "pulledpage.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <simdjson.h>

#include <cmath>
#include <cstring>
#include <string_view>

namespace {
using simdjson::dom::element;
using simdjson::dom::element_type;

// What QJsonValue::toInteger() makes of a double: its value when it is an integer that fits.
bool integerOf(double d, qint64 *out)
{
    if (!std::isfinite(d) || std::trunc(d) != d || d < -9223372036854775808.0 ||
        d >= 9223372036854775808.0)
        return false;
    *out = qint64(d);
    return true;
}

PulledPage::Type typeOf(element_type t)
{
    switch (t) {
    case element_type::ARRAY:
        return PulledPage::Type::Array;
    case element_type::OBJECT:
        return PulledPage::Type::Object;
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
        return PulledPage::Type::Number;
    case element_type::STRING:
        return PulledPage::Type::String;
    case element_type::BOOL:
        return PulledPage::Type::Bool;
    case element_type::NULL_VALUE:
        return PulledPage::Type::Null;
    }
    return PulledPage::Type::Missing;
}

PulledPage::Type typeOf(const element *e)
{
    return e ? typeOf(e->type()) : PulledPage::Type::Missing;
}

PulledPage::Error errorOf(simdjson::error_code code)
{
    switch (code) {
    case simdjson::SUCCESS:
        return PulledPage::Error::None;
    case simdjson::EMPTY:
        return PulledPage::Error::Empty;
    case simdjson::UTF8_ERROR:
        return PulledPage::Error::NotUtf8;
    case simdjson::DEPTH_ERROR:
        return PulledPage::Error::TooDeep;
    case simdjson::CAPACITY:
    case simdjson::MEMALLOC:
        return PulledPage::Error::TooLarge;
    default:
        return PulledPage::Error::NotJson;
    }
}
} // namespace

bool PulledPage::Value::isInteger() const
{
    return type == Type::Number && std::floor(number) == number;
}

int PulledPage::Value::toInt() const
{
    return integral && qint64(int(integer)) == integer ? int(integer) : 0;
}

PulledPage::PulledPage() = default;
PulledPage::~PulledPage() = default;
PulledPage::PulledPage(PulledPage &&) noexcept = default;
PulledPage &PulledPage::operator=(PulledPage &&) noexcept = default;

void PulledPage::clear()
{
    m_texts.clear();
    m_protocol = m_next = m_more = m_lastSeq = m_epoch = m_epochSeq = m_handled = Value();
    m_runsType = Type::Missing;
    m_runs.clear();
    m_rows.clear();
    m_values.clear();
    m_error = Error::None;
    m_errorMessage.clear();
    m_readByQt = false;
}

bool PulledPage::fail(Error error, const QString &message)
{
    clear();
    m_error = error;
    m_errorMessage = message;
    return false;
}

bool PulledPage::read(const QByteArray &json)
{
    clear();
    if (!m_parser)
        m_parser = std::make_unique<simdjson::dom::parser>();
    // JSON text has no byte order mark; RFC 8259 lets a reader skip one (simdjson leaves it to us).
    std::string_view text(json.constData(), size_t(json.size()));
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    element root;
    // The text is copied into the parser's padded buffer (kept for the next page).
    const simdjson::error_code code = m_parser->parse(text.data(), text.size(), true).get(root);
    if (code == simdjson::STRING_ERROR) {
        // A string simdjson refuses, such as a lone surrogate escape that Qt's writer makes for
        // half a pair: Qt's reader takes the page, as it did before simdjson.
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
        if (pe.error == QJsonParseError::NoError && doc.isObject()) {
            readObject(doc.object());
            m_readByQt = true;
            return true;
        }
    }
    if (code != simdjson::SUCCESS)
        return fail(errorOf(code), QString::fromUtf8(simdjson::error_message(code)));
    simdjson::dom::object page;
    if (root.get(page) != simdjson::SUCCESS)
        return fail(Error::NotAnObject, QStringLiteral("the page is not a JSON object"));
    readPage(page);
    return true;
}

void PulledPage::readPage(const simdjson::dom::object &page)
{
    // A repeated member counts last, as in Qt's reader.
    element protocol, next, more, runs, lastSeq, epoch, epochSeq, handled;
    bool has[8] = {false, false, false, false, false, false, false, false};
    for (const simdjson::dom::key_value_pair &field : page) {
        int which = -1;
        if (field.key == "protocol")
            protocol = field.value, which = 0;
        else if (field.key == "next")
            next = field.value, which = 1;
        else if (field.key == "more")
            more = field.value, which = 2;
        else if (field.key == "runs")
            runs = field.value, which = 3;
        else if (field.key == "last_seq")
            lastSeq = field.value, which = 4;
        else if (field.key == "epoch")
            epoch = field.value, which = 5;
        else if (field.key == "epoch_seq")
            epochSeq = field.value, which = 6;
        else if (field.key == "handled")
            handled = field.value, which = 7;
        if (which >= 0)
            has[which] = true;
    }
    if (has[0])
        m_protocol = valueOf(protocol, false);
    if (has[1])
        m_next = valueOf(next, false);
    if (has[2])
        m_more = valueOf(more, false);
    if (has[4])
        m_lastSeq = valueOf(lastSeq, false);
    if (has[5])
        m_epoch = valueOf(epoch, false);
    if (has[6])
        m_epochSeq = valueOf(epochSeq, false);
    if (has[7])
        m_handled = valueOf(handled, false);
    m_runsType = typeOf(has[3] ? &runs : nullptr);
    simdjson::dom::array list;
    if (!has[3] || runs.get(list) != simdjson::SUCCESS)
        return;
    for (const element run : list)
        readRun(run);
}

void PulledPage::readRun(const element &e)
{
    Run run;
    run.type = typeOf(e.type());
    simdjson::dom::object o;
    if (e.get(o) == simdjson::SUCCESS) {
        element entity, columns, rows;
        bool has[3] = {false, false, false};
        for (const simdjson::dom::key_value_pair &field : o) {
            if (field.key == "entity")
                entity = field.value, has[0] = true;
            else if (field.key == "columns")
                columns = field.value, has[1] = true;
            else if (field.key == "rows")
                rows = field.value, has[2] = true;
        }
        if (has[0])
            run.entity = valueOf(entity, false);
        run.columnsType = typeOf(has[1] ? &columns : nullptr);
        run.rowsType = typeOf(has[2] ? &rows : nullptr);
        simdjson::dom::array a;
        run.firstColumn = int(m_values.size());
        if (has[1] && columns.get(a) == simdjson::SUCCESS) {
            for (const element c : a) {
                m_values.push_back(valueOf(c, false));
                ++run.columnCount;
            }
        }
        run.firstRow = int(m_rows.size());
        if (has[2] && rows.get(a) == simdjson::SUCCESS) {
            for (const element r : a) {
                Row row;
                row.type = typeOf(r.type());
                row.first = int(m_values.size());
                simdjson::dom::array values;
                if (r.get(values) == simdjson::SUCCESS) {
                    for (const element x : values) {
                        m_values.push_back(valueOf(x, true));
                        ++row.size;
                    }
                }
                m_rows.push_back(row);
                ++run.rowCount;
            }
        }
    }
    m_runs.push_back(run);
}

PulledPage::Value PulledPage::valueOf(const element &e, bool inRow)
{
    Value v;
    v.type = typeOf(e.type());
    switch (e.type()) {
    case element_type::INT64:
        v.integral = true;
        v.integer = e.get_int64().value_unsafe();
        v.number = double(v.integer);
        break;
    case element_type::UINT64: // above qint64: Qt reads a double
        v.number = double(e.get_uint64().value_unsafe());
        v.integral = integerOf(v.number, &v.integer);
        break;
    case element_type::DOUBLE:
        v.number = e.get_double().value_unsafe();
        v.integral = integerOf(v.number, &v.integer);
        break;
    case element_type::STRING: {
        const std::string_view s = e.get_string().value_unsafe(); // in the parser's buffer
        v.utf8 = s.data();
        v.size = int(s.size());
        break;
    }
    case element_type::BOOL:
        v.boolean = e.get_bool().value_unsafe();
        break;
    case element_type::ARRAY:
    case element_type::OBJECT:
        if (inRow) {
            // Stored as Qt writes it (members sorted, the last of repeated names), as before.
            const std::string minified = simdjson::minify(e);
            const QJsonDocument doc = QJsonDocument::fromJson(
                QByteArray::fromRawData(minified.data(), qsizetype(minified.size())));
            keep(doc.toJson(QJsonDocument::Compact), &v);
        }
        break;
    case element_type::NULL_VALUE:
        break;
    }
    return v;
}

PulledPage PulledPage::fromObject(const QJsonObject &page)
{
    PulledPage out;
    out.readObject(page);
    return out;
}

void PulledPage::readObject(const QJsonObject &page)
{
    m_protocol = valueOf(page.value(QLatin1String("protocol")), false);
    m_next = valueOf(page.value(QLatin1String("next")), false);
    m_more = valueOf(page.value(QLatin1String("more")), false);
    if (page.contains(QLatin1String("last_seq")))
        m_lastSeq = valueOf(page.value(QLatin1String("last_seq")), false);
    if (page.contains(QLatin1String("epoch")))
        m_epoch = valueOf(page.value(QLatin1String("epoch")), false);
    if (page.contains(QLatin1String("epoch_seq")))
        m_epochSeq = valueOf(page.value(QLatin1String("epoch_seq")), false);
    if (page.contains(QLatin1String("handled")))
        m_handled = valueOf(page.value(QLatin1String("handled")), false);
    const QJsonValue runs = page.value(QLatin1String("runs"));
    m_runsType = valueOf(runs, false).type;
    for (const QJsonValue &rv : runs.toArray()) {
        Run run;
        run.type = valueOf(rv, false).type;
        const QJsonObject o = rv.toObject();
        run.entity = valueOf(o.value(QLatin1String("entity")), false);
        const QJsonValue columns = o.value(QLatin1String("columns"));
        run.columnsType = valueOf(columns, false).type;
        run.firstColumn = int(m_values.size());
        for (const QJsonValue &c : columns.toArray()) {
            m_values.push_back(valueOf(c, false));
            ++run.columnCount;
        }
        const QJsonValue rows = o.value(QLatin1String("rows"));
        run.rowsType = valueOf(rows, false).type;
        run.firstRow = int(m_rows.size());
        for (const QJsonValue &r : rows.toArray()) {
            Row row;
            row.type = valueOf(r, false).type;
            row.first = int(m_values.size());
            for (const QJsonValue &x : r.toArray()) {
                m_values.push_back(valueOf(x, true));
                ++row.size;
            }
            m_rows.push_back(row);
            ++run.rowCount;
        }
        m_runs.push_back(run);
    }
}

PulledPage::Value PulledPage::valueOf(const QJsonValue &x, bool inRow)
{
    Value v;
    switch (x.type()) {
    case QJsonValue::Undefined:
        break;
    case QJsonValue::Null:
        v.type = Type::Null;
        break;
    case QJsonValue::Bool:
        v.type = Type::Bool;
        v.boolean = x.toBool();
        break;
    case QJsonValue::Double:
        v.type = Type::Number;
        v.number = x.toDouble();
        v.integer = x.toInteger(0);
        v.integral = v.integer == x.toInteger(1);
        if (!v.integral)
            v.integer = 0;
        break;
    case QJsonValue::String:
        v.type = Type::String;
        keep(x.toString().toUtf8(), &v);
        break;
    case QJsonValue::Array:
    case QJsonValue::Object:
        v.type = x.isArray() ? Type::Array : Type::Object;
        if (inRow)
            keep((x.isArray() ? QJsonDocument(x.toArray()) : QJsonDocument(x.toObject()))
                     .toJson(QJsonDocument::Compact),
                 &v);
        break;
    }
    return v;
}

void PulledPage::keep(QByteArray text, Value *v)
{
    // A QByteArray's bytes stay where they are when the vector moves it.
    m_texts.push_back(std::move(text));
    v->utf8 = m_texts.back().constData();
    v->size = int(m_texts.back().size());
}

QString PulledPage::toString(const Value &v) const
{
    return v.utf8 ? QString::fromUtf8(v.utf8, v.size) : QString();
}

QByteArray PulledPage::toUtf8(const Value &v) const
{
    return v.utf8 ? QByteArray(v.utf8, v.size) : QByteArray();
}

QJsonValue PulledPage::toJson(const Value &v) const
{
    switch (v.type) {
    case Type::Missing:
    case Type::Null:
        return QJsonValue::Null;
    case Type::Bool:
        return v.boolean;
    case Type::Number:
        return v.integral ? QJsonValue(v.integer) : QJsonValue(v.number);
    case Type::String:
        return toString(v);
    case Type::Array:
    case Type::Object:
        break;
    }
    const QJsonDocument d = QJsonDocument::fromJson(toUtf8(v));
    return d.isArray() ? QJsonValue(d.array()) : QJsonValue(d.object());
}
