#include "csvreader.h"

#include <QObject>

#include <csv.h>

namespace {
// What libcsv's callbacks build.
struct Reading {
    QList<QStringList> records;
    QStringList record;
    bool inRecord = false; // a field of the current record has been read
    int lastEnd = -2;      // the character that ended the previous record (or -2: none yet)
};

void onField(void *data, size_t size, void *user)
{
    Reading &r = *static_cast<Reading *>(user);
    r.record << QString::fromUtf8(static_cast<const char *>(data), qsizetype(size));
    r.inRecord = true;
}

// With CSV_REPALL_NL libcsv reports every CR and LF outside a field: the LF of a CRLF after a
// record (or after a blank line) is not a record of its own.
void onRecordEnd(int c, void *user)
{
    Reading &r = *static_cast<Reading *>(user);
    const bool lfOfCrLf = c == CSV_LF && r.lastEnd == CSV_CR;
    if (r.inRecord)
        r.records << r.record;
    else if (!lfOfCrLf && c != -1)
        r.records << QStringList(); // a blank line keeps the numbering
    r.record.clear();
    r.inRecord = false;
    r.lastEnd = c;
}

int noSpace(unsigned char)
{
    return 0; // libcsv trims spaces and tabs around unquoted fields unless told otherwise
}
} // namespace

CsvReader::Result CsvReader::read(QByteArrayView utf8)
{
    Result result;
    csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
        result.error = Error::OutOfMemory;
        result.message = QObject::tr("Không đủ bộ nhớ để đọc tệp CSV.");
        return result;
    }
    csv_set_space_func(&parser, noSpace);
    Reading reading;
    const size_t size = size_t(utf8.size());
    const size_t done = csv_parse(&parser, utf8.data(), size, onField, onRecordEnd, &reading);
    const bool finished = done == size && csv_fini(&parser, onField, onRecordEnd, &reading) == 0 &&
                          csv_error(&parser) == CSV_SUCCESS;
    const int code = csv_error(&parser);
    csv_free(&parser);
    if (finished) {
        result.records = std::move(reading.records);
        return result;
    }
    result.line = int(reading.records.size()) + 1;
    if (code == CSV_ENOMEM || code == CSV_ETOOBIG) {
        result.error = Error::OutOfMemory;
        result.message =
            QObject::tr("Dòng %1: ô quá lớn, không đủ bộ nhớ để đọc.").arg(result.line);
    } else {
        result.error = Error::Malformed;
        result.message = QObject::tr("Dòng %1: dấu ngoặc kép không đúng chỗ, hoặc một ô mở dấu "
                                     "ngoặc kép mà không đóng.")
                             .arg(result.line);
    }
    return result;
}
