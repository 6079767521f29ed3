#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <memory>
#include <vector>

namespace simdjson::dom {
class element;
class object;
class parser;
} // namespace simdjson::dom

// A pull page (PROTOCOL.md, Pull) as PullApplier reads it: the reply's JSON text read by simdjson
// into typed values, without a QJsonObject for the page. Each value keeps its type and number; a
// string is the UTF-8 simdjson unescaped (SQLite takes it as it is); an array or object inside a
// row is kept as the compact JSON the device stores (Qt's writing of it, as before).
// Values mean what Qt's reader made of them (a number is an integer when it has no fraction and
// fits in 64 bits, a repeated member counts last), but the text must be strict JSON (RFC 8259):
// raw control characters in strings, "1.", integers of more than 20 digits and invalid UTF-8 are
// refused. A UTF-8 byte order mark is skipped. One exception keeps pages readable that Qt's writer
// makes: a string simdjson refuses (a lone surrogate escape such as "\ud800", written by Qt for a
// QString holding half a pair) has the page read by Qt's reader instead, as before simdjson.
// Only the members of the page and of its runs are read; other members are skipped.
class PulledPage
{
public:
    enum class Type : quint8 { Missing, Null, Bool, Number, String, Array, Object };
    enum class Error : quint8 {
        None,
        Empty,       // no JSON text
        NotUtf8,     // bytes that are not UTF-8
        NotJson,     // broken JSON (syntax, strings, numbers, literals)
        TooDeep,     // arrays and objects nested deeper than 1,024
        NotAnObject, // JSON, but not an object
        TooLarge,    // more than simdjson reads, or no memory for it
    };

    // One JSON value. `utf8`/`size`: a string's text, or an array or object inside a row as
    // compact JSON; it lives in the page until the next read().
    struct Value {
        Type type = Type::Missing;
        bool boolean = false;
        bool integral = false; // a number that is an integer: `integer` holds it exactly
        qint64 integer = 0;
        double number = 0;
        const char *utf8 = nullptr;
        int size = 0;

        bool isString() const { return type == Type::String; }
        bool isNull() const { return type == Type::Null; }
        // A number without a fraction (what QJsonValue::toDouble() says of it).
        bool isInteger() const;
        // As QJsonValue::toInteger() and toInt(): 0 when not an integer (that fits).
        qint64 toInteger() const { return integral ? integer : 0; }
        int toInt() const;
    };
    struct Row {
        Type type = Type::Missing; // an array when it is a row
        int first = 0;             // its values: value(first) ...
        int size = 0;
    };
    struct Run {
        Type type = Type::Missing; // an object when it is a run
        Value entity;
        Type columnsType = Type::Missing;
        int firstColumn = 0; // columns: value(firstColumn) ...
        int columnCount = 0;
        Type rowsType = Type::Missing;
        int firstRow = 0; // rows: row(firstRow) ...
        int rowCount = 0;
    };

    PulledPage();
    ~PulledPage();
    PulledPage(PulledPage &&) noexcept;
    PulledPage &operator=(PulledPage &&) noexcept;

    // Reads a page's JSON text, in place of the page read before (simdjson's buffers are kept for
    // the next page). False for a text that is not a JSON object: the page is then empty, and
    // error() and errorMessage() say why. Values do not point into `json`.
    bool read(const QByteArray &json);
    // The same page from an object Qt has read.
    static PulledPage fromObject(const QJsonObject &page);

    Error error() const { return m_error; }
    const QString &errorMessage() const { return m_errorMessage; }
    // Whether read() left the page to Qt's reader (a string simdjson refuses).
    bool readByQt() const { return m_readByQt; }

    const Value &protocol() const { return m_protocol; }
    const Value &next() const { return m_next; }
    const Value &more() const { return m_more; }
    // The registry's latest sequence when it made the page (absent: null value).
    const Value &lastSeq() const { return m_lastSeq; }
    // The registry's epoch and the sequence it began at (absent: null values).
    const Value &epoch() const { return m_epoch; }
    const Value &epochSeq() const { return m_epochSeq; }
    // An answer to POST /discards that covers only the first `handled` changes sent (absent:
    // null value, all of them).
    const Value &handled() const { return m_handled; }
    Type runsType() const { return m_runsType; }
    const std::vector<Run> &runs() const { return m_runs; }
    const Row &row(int i) const { return m_rows[size_t(i)]; }
    const Value &value(int i) const { return m_values[size_t(i)]; }
    const Value &at(const Row &row, int i) const { return m_values[size_t(row.first + i)]; }
    // The text of a string, or of an array or object inside a row (empty for other values).
    QString toString(const Value &v) const;
    QByteArray toUtf8(const Value &v) const;
    // The value as Qt holds JSON (a missing value is null).
    QJsonValue toJson(const Value &v) const;

private:
    void clear();
    bool fail(Error error, const QString &message);
    void readPage(const simdjson::dom::object &page);
    void readRun(const simdjson::dom::element &element);
    Value valueOf(const simdjson::dom::element &element, bool inRow);
    void readObject(const QJsonObject &page);
    Value valueOf(const QJsonValue &value, bool inRow);
    // Keeps `text` with the page; `v` points at it.
    void keep(QByteArray text, Value *v);

    std::unique_ptr<simdjson::dom::parser> m_parser; // holds the strings of the page read
    std::vector<QByteArray> m_texts;                 // other texts values point into
    Value m_protocol, m_next, m_more, m_lastSeq, m_epoch, m_epochSeq, m_handled;
    Type m_runsType = Type::Missing;
    std::vector<Run> m_runs;
    std::vector<Row> m_rows;
    std::vector<Value> m_values; // columns and row values
    Error m_error = Error::None;
    QString m_errorMessage;
    bool m_readByQt = false;
};
