#pragma once

#include <QDate>
#include <QLocale>
#include <QObject>
#include <QVariantList>
#include <QVariantMap>

class RecordLookup;

// Words the inspector reads for the codes stored in the database (cluster status, severity, ...)
// and numbers formatted for the current language. Codes stay in English in the database; the
// labels are Vietnamese source strings, translated through Qt Linguist.
class DomainLabels : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString localeName READ localeName NOTIFY localeChanged)
public:
    explicit DomainLabels(QObject *parent = nullptr);

    QString localeName() const { return m_locale.name(); }
    void setLocale(const QLocale &locale);
    // Where rows are named from (recordTitle, and the values of columns that refer to a row);
    // null: no database open, every row is "not on this device". Not owned.
    void setRecordLookup(const RecordLookup *lookup) { m_lookup = lookup; }

    Q_INVOKABLE QString clusterStatus(const QString &code) const;
    Q_INVOKABLE QString wwtpStatus(const QString &code) const;
    Q_INVOKABLE QString tenantStatus(const QString &code) const;
    Q_INVOKABLE QString severity(const QString &code) const;
    Q_INVOKABLE QString violationStatus(const QString &code) const;
    Q_INVOKABLE QString inspectionKind(const QString &code) const;
    Q_INVOKABLE QString inspectionStatus(const QString &code) const;
    Q_INVOKABLE QString infrastructureKind(const QString &code) const;
    Q_INVOKABLE QString unitLevel(const QString &code) const;
    Q_INVOKABLE QString questionKind(const QString &code) const;
    Q_INVOKABLE QString photoSource(const QString &code) const;
    // A registry user's role (inspector, local_officer, supervisor, admin); another as it is.
    Q_INVOKABLE QString role(const QString &code) const;
    // An answer's value as stored: "yes", "no", "na" for yes/no questions; anything else as it is.
    Q_INVOKABLE QString answerValue(const QString &value) const;
    // What the sync page calls a synced table, one of its columns and a change's operation: a
    // refused change reads "Số liệu tiến độ (sửa)", not "progress_readings (update)"; a conflict
    // "Cuộc kiểm tra · Nội dung làm việc, kết quả kiểm tra", not "inspections · findings". One
    // label per column name ("status" is the status of whatever row). A name not known here (a
    // table of a newer registry) is shown as it is.
    Q_INVOKABLE QString tableName(const QString &table) const;
    Q_INVOKABLE QString fieldName(const QString &column) const;
    Q_INVOKABLE QString changeOp(const QString &op) const;
    // Which row of `table` a conflict or a refused change is about, from this device's copy:
    // "Công ty TNHH May Đức Thành · Đồng Hướng · 12/03/2026 08:00" for an inspection of a tenant,
    // "Có trạm xử lý nước thải tập trung · Đồng Hướng · …" for an answer; a row this device does
    // not hold reads "a record not on this device (id 01900000…)".
    Q_INVOKABLE QString recordTitle(const QString &table, const QString &rowId) const;
    // Why the registry refused a change, in the app's words for the codes it knows (the
    // registry's own message names tables and rows by their codes: "dòng tenants"); for the
    // others the registry's message, a field it quotes by its column ('workers') named as the app
    // names it («Số lao động»). A value or field the registry does not take (invalid_value,
    // unknown_field, …) says what may help: an update of the app, or an administrator. Without a
    // full stop at the end.
    Q_INVOKABLE QString refusal(const QString &code, const QString &registryMessage) const;
    // A value of table.column as a supervisor reads it in a conflict record, never as JSON: the
    // label of a code ("Đang khắc phục", not "remedying"; an unknown code as it is), a time or
    // a date, "Có"/"Không", a number in the current language, the row a reference names
    // (recordTitle: a tenant's name, not its id), text without quotes, "(trống)" for nothing. A
    // row's fields (a delete against an edit keeps the whole row, an edit against a delete the
    // edited fields) read "Label: value; …".
    Q_INVOKABLE QString fieldValue(const QString &table, const QString &column,
                                   const QVariant &value) const;
    // A column whose values are words people write (findings, a remedy, a name), not a code,
    // a number, a date or a reference: a supervisor may settle its conflict with text of their
    // own, joining both values.
    Q_INVOKABLE bool isFreeText(const QString &column) const;
    // Whether `text` holds every word of `query` as people type a search: case, diacritics and
    // đ/d aside ("nguyen van" finds "Nguyễn Văn An"). An empty query matches everything.
    Q_INVOKABLE bool matches(const QString &text, const QString &query) const;
    // [{value, label}] for pickers.
    Q_INVOKABLE QVariantList severityOptions() const;
    Q_INVOKABLE QVariantList clusterStatusOptions() const;

    // "12,5" in Vietnamese, "12.5" in English; empty for a null or non-finite value.
    Q_INVOKABLE QString number(const QVariant &value, int decimals = 1) const;
    // "10–20 triệu đồng"; empty when both ends are unknown.
    Q_INVOKABLE QString fineRange(const QVariant &minVnd, const QVariant &maxVnd) const;
    // ms since epoch -> "dd/MM/yyyy HH:mm"; empty for 0 or null.
    Q_INVOKABLE QString dateTime(const QVariant &msecs) const;
    // "yyyy-MM-dd" -> "dd/MM/yyyy".
    Q_INVOKABLE QString date(const QString &isoDate) const;
    // A date as inspectors type it: dd/MM/yyyy (also d/M/yyyy, dd-MM-yyyy) or yyyy-MM-dd;
    // invalid when it is none of these.
    static QDate parseDate(const QString &text);

signals:
    void localeChanged();

private:
    QString codeLabel(const QString &table, const QString &column, const QString &code) const;
    QString scalarValue(const QString &table, const QString &column, const QVariant &value) const;
    QString rowValue(const QString &table, const QVariantMap &row) const;
    QString listValue(const QString &table, const QString &column, const QVariantList &list) const;

    QLocale m_locale{QLocale::Vietnamese, QLocale::Vietnam};
    const RecordLookup *m_lookup = nullptr;
};
