#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

// Reads CSV text (RFC 4180: comma, double quotes, "" inside quotes, CRLF or LF) with libcsv in
// its strict mode. Every line is a record, blank lines too (as empty records), so that a
// record's index + 1 is the line number the user sees in a spreadsheet; unquoted spaces are
// kept as they are.
class CsvReader
{
public:
    enum class Error {
        None,
        Malformed, // a quote where none may stand, or a quoted field never closed
        OutOfMemory,
    };
    struct Result {
        QList<QStringList> records;
        Error error = Error::None;
        int line = 0; // with an error: the line of the record it is in (1-based)
        QString message;

        bool ok() const { return error == Error::None; }
    };

    // `utf8` is text already checked as UTF-8, without a byte order mark.
    static Result read(QByteArrayView utf8);
};
