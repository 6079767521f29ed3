#include "exifreader.h"

#include <QObject>
#include <QTimeZone>

#include <libexif/exif-data.h>
#include <libexif/exif-log.h>
#include <libexif/exif-utils.h>

#include <cstdarg>
#include <cstdio>
#include <memory>

namespace {

// libexif's complaints while loading: anything above a debug note marks the block as damaged.
struct LogState {
    int problems = 0;
    QByteArray first;
};

void logFunc(ExifLog *, ExifLogCode code, const char *, const char *format, va_list args,
             void *data)
{
    if (code == EXIF_LOG_CODE_NONE || code == EXIF_LOG_CODE_DEBUG)
        return;
    auto *state = static_cast<LogState *>(data);
    if (state->problems++ == 0) {
        char buffer[256];
        std::vsnprintf(buffer, sizeof buffer, format, args);
        state->first = buffer;
    }
}

struct ExifDataDeleter {
    void operator()(ExifData *d) const { exif_data_unref(d); }
};
struct ExifLogDeleter {
    void operator()(ExifLog *l) const { exif_log_unref(l); }
};

class Ifd
{
public:
    Ifd(ExifData *data, ExifIfd ifd)
        : m_content(data->ifd[ifd]), m_order(exif_data_get_byte_order(data))
    {
    }

    // An entry of the wanted format with at least `components` values, or null.
    ExifEntry *entry(int tag, ExifFormat format, unsigned long components) const
    {
        if (!m_content)
            return nullptr;
        ExifEntry *e = exif_content_get_entry(m_content, ExifTag(tag));
        if (!e || e->format != format || e->components < components || !e->data)
            return nullptr;
        if (e->size < components * exif_format_get_size(format))
            return nullptr;
        return e;
    }
    bool has(int tag) const { return m_content && exif_content_get_entry(m_content, ExifTag(tag)); }

    // The i-th rational as a double; NaN when the denominator is 0.
    double rational(ExifEntry *e, unsigned i) const
    {
        const ExifRational r = exif_get_rational(e->data + i * 8, m_order);
        return r.denominator == 0 ? qQNaN() : double(r.numerator) / double(r.denominator);
    }
    int shortValue(ExifEntry *e) const { return exif_get_short(e->data, m_order); }
    static QByteArray ascii(ExifEntry *e)
    {
        const char *p = reinterpret_cast<const char *>(e->data);
        return QByteArray(p, int(qstrnlen(p, e->size))).trimmed();
    }

private:
    ExifContent *m_content;
    ExifByteOrder m_order;
};

// Degrees from a GPS (degrees, minutes, seconds) triple and its N/S or E/W reference.
double coordinate(const Ifd &gps, int valueTag, int refTag, char negativeRef, double limit,
                  QStringList *problems, const QString &what)
{
    const bool present = gps.has(valueTag) || gps.has(refTag);
    ExifEntry *v = gps.entry(valueTag, EXIF_FORMAT_RATIONAL, 3);
    ExifEntry *ref = gps.entry(refTag, EXIF_FORMAT_ASCII, 1);
    if (!v || !ref) {
        if (present)
            problems->append(QObject::tr("%1 trong thông tin của ảnh không đầy đủ.").arg(what));
        return qQNaN();
    }
    const double deg = gps.rational(v, 0), min = gps.rational(v, 1), sec = gps.rational(v, 2);
    const char r = char(ref->data[0]);
    double value = deg + min / 60.0 + sec / 3600.0;
    if (!std::isfinite(value) || min < 0 || min >= 60 || sec < 0 || sec >= 60 || value > limit ||
        (r != negativeRef && r != (negativeRef == 'S' ? 'N' : 'E'))) {
        problems->append(QObject::tr("%1 trong thông tin của ảnh không hợp lệ.").arg(what));
        return qQNaN();
    }
    return r == negativeRef ? -value : value;
}

QDateTime exifDateTime(const QByteArray &text)
{
    // "YYYY:MM:DD HH:MM:SS"; cameras without a set clock write zeros or blanks.
    QDateTime dt = QDateTime::fromString(QString::fromLatin1(text.left(19)),
                                         QStringLiteral("yyyy:MM:dd HH:mm:ss"));
    return dt.isValid() ? dt : QDateTime();
}

// "+07:00" -> seconds east of UTC; false when malformed.
bool parseOffset(const QByteArray &text, int *seconds)
{
    if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':')
        return false;
    bool okH = false, okM = false;
    const int h = text.mid(1, 2).toInt(&okH), m = text.mid(4, 2).toInt(&okM);
    if (!okH || !okM || h > 14 || m > 59)
        return false;
    *seconds = (h * 3600 + m * 60) * (text[0] == '-' ? -1 : 1);
    return true;
}

} // namespace

ExifInfo ExifReader::read(const QByteArray &bytes)
{
    ExifInfo info;
    if (bytes.isEmpty())
        return info;
    std::unique_ptr<ExifData, ExifDataDeleter> data(exif_data_new());
    std::unique_ptr<ExifLog, ExifLogDeleter> log(exif_log_new());
    if (!data || !log)
        return info;
    LogState state;
    exif_log_set_func(log.get(), logFunc, &state);
    exif_data_log(data.get(), log.get());
    // Keep the values as the file has them: no "fixing" of the block while loading.
    exif_data_unset_option(data.get(), EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);
    exif_data_load_data(data.get(), reinterpret_cast<const unsigned char *>(bytes.constData()),
                        unsigned(bytes.size()));

    bool anyEntry = false;
    for (int i = 0; i < EXIF_IFD_COUNT; ++i)
        anyEntry = anyEntry || (data->ifd[i] && data->ifd[i]->count > 0);
    if (!anyEntry) {
        // No EXIF block is not damage (libexif still says "EXIF marker not found"); an EXIF
        // header whose block gave nothing is.
        if (bytes.left(1 << 16).contains(QByteArrayLiteral("Exif\0\0"))) {
            info.status = ExifInfo::Status::Damaged;
            info.warnings << QObject::tr(
                "Không đọc được thông tin kèm theo ảnh (EXIF); đã bỏ qua phần này.");
        }
        return info;
    }

    QStringList problems;
    const Ifd ifd0(data.get(), EXIF_IFD_0);
    const Ifd exif(data.get(), EXIF_IFD_EXIF);
    const Ifd gps(data.get(), EXIF_IFD_GPS);

    info.latitude = coordinate(gps, EXIF_TAG_GPS_LATITUDE, EXIF_TAG_GPS_LATITUDE_REF, 'S', 90.0,
                               &problems, QObject::tr("Vĩ độ"));
    info.longitude = coordinate(gps, EXIF_TAG_GPS_LONGITUDE, EXIF_TAG_GPS_LONGITUDE_REF, 'W', 180.0,
                                &problems, QObject::tr("Kinh độ"));
    if (!info.hasPosition())
        info.latitude = info.longitude = qQNaN();

    if (ExifEntry *alt = gps.entry(EXIF_TAG_GPS_ALTITUDE, EXIF_FORMAT_RATIONAL, 1)) {
        double metres = gps.rational(alt, 0);
        ExifEntry *ref = gps.entry(EXIF_TAG_GPS_ALTITUDE_REF, EXIF_FORMAT_BYTE, 1);
        if (ref && ref->data[0] == 1)
            metres = -metres;
        if (std::isfinite(metres) && metres > -12000.0 && metres < 100000.0)
            info.altitudeM = metres;
        else
            problems << QObject::tr("Độ cao trong thông tin của ảnh không hợp lệ.");
    }

    ExifEntry *gpsDate = gps.entry(EXIF_TAG_GPS_DATE_STAMP, EXIF_FORMAT_ASCII, 10);
    ExifEntry *gpsClock = gps.entry(EXIF_TAG_GPS_TIME_STAMP, EXIF_FORMAT_RATIONAL, 3);
    if (gpsDate && gpsClock) {
        const QDate d = QDate::fromString(QString::fromLatin1(Ifd::ascii(gpsDate).left(10)),
                                          QStringLiteral("yyyy:MM:dd"));
        const double h = gps.rational(gpsClock, 0), m = gps.rational(gpsClock, 1),
                     s = gps.rational(gpsClock, 2);
        if (d.isValid() && h >= 0 && h < 24 && m >= 0 && m < 60 && s >= 0 && s < 61) {
            const qint64 ms = qint64(h) * 3600000 + qint64(m) * 60000 + qint64(s * 1000.0 + 0.5);
            info.gpsTime = QDateTime(d, QTime(0, 0), Qt::UTC).addMSecs(ms);
        }
    }

    ExifEntry *original = exif.entry(EXIF_TAG_DATE_TIME_ORIGINAL, EXIF_FORMAT_ASCII, 19);
    if (!original)
        original = ifd0.entry(EXIF_TAG_DATE_TIME, EXIF_FORMAT_ASCII, 19);
    if (original) {
        QDateTime dt = exifDateTime(Ifd::ascii(original));
        // OffsetTimeOriginal (EXIF 2.31, tag 0x9011): the camera's offset from UTC.
        int offset = 0;
        if (ExifEntry *off = exif.entry(0x9011, EXIF_FORMAT_ASCII, 6);
            dt.isValid() && off && parseOffset(Ifd::ascii(off), &offset))
            dt = QDateTime(dt.date(), dt.time(), Qt::OffsetFromUTC, offset);
        info.dateTimeOriginal = dt;
    }

    if (ExifEntry *o = ifd0.entry(EXIF_TAG_ORIENTATION, EXIF_FORMAT_SHORT, 1)) {
        const int v = ifd0.shortValue(o);
        info.orientation = (v >= 1 && v <= 8) ? v : 0;
    }

    if (state.problems > 0 || !problems.isEmpty()) {
        info.status = ExifInfo::Status::Damaged;
        info.warnings << problems;
        if (state.problems > 0)
            info.warnings
                << QObject::tr(
                       "Thông tin kèm theo ảnh (EXIF) bị hỏng (%1); phần không đọc được đã bỏ qua.")
                       .arg(QString::fromLatin1(state.first));
    } else {
        info.status = ExifInfo::Status::Read;
    }
    return info;
}
