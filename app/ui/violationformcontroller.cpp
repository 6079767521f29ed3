#include "violationformcontroller.h"

#include "checklistmanager.h"
#include "coreerror.h"
#include "domainlabels.h"
#include "formmerge.h"
#include "formreply.h"
#include "inspectionmanager.h"
#include "transaction.h"
#include "violationcatalog.h"
#include "violationmodel.h"

#include <QDate>

namespace {
// The violation's columns its form shows and its user changes (by the form's names: deadline).
constexpr const char *formColumns[] = {"category", "severity",    "observed",
                                       "remedy",   "deadline_on", "responsible_party"};
} // namespace

ViolationFormController::ViolationFormController(InspectionManager *inspections,
                                                 ViolationModel *violations, DomainLabels *labels,
                                                 QObject *parent)
    : QObject(parent), m_inspections(inspections), m_violations(violations), m_labels(labels)
{
}

void ViolationFormController::load(const QString &inspectionId, bool editable)
{
    m_id = inspectionId;
    m_editable = editable;
    m_violationsShown.clear();
}

void ViolationFormController::setEditable(bool editable)
{
    m_editable = editable;
}

QVariantMap ViolationFormController::violationRowOf(const QVariantMap &fields,
                                                    QVariantMap *errorsOut) const
{
    QVariantMap &errors = *errorsOut;
    // Never a null QString: the text columns are NOT NULL.
    auto text = [&](const char *k) {
        const QString t = fields.value(QLatin1String(k)).toString().trimmed();
        return t.isNull() ? QStringLiteral("") : t;
    };
    const QString category = text("category");
    const ViolationCatalog::Category cat = ViolationCatalog::find(category);
    if (category.isEmpty())
        errors.insert(QStringLiteral("category"), tr("Hãy chọn loại vi phạm."));
    const QString severity = text("severity");
    if (severity != QLatin1String("minor") && severity != QLatin1String("serious") &&
        severity != QLatin1String("very_serious"))
        errors.insert(QStringLiteral("severity"), tr("Hãy chọn mức độ vi phạm."));
    const QString observed = text("observed");
    if (observed.isEmpty())
        errors.insert(QStringLiteral("observed"), tr("Hãy mô tả điều đã thấy tại hiện trường."));
    const int maxLen = ChecklistManager::maxTextLength;
    for (const char *k : {"observed", "remedy"})
        if (text(k).size() > maxLen)
            errors.insert(QLatin1String(k),
                          tr("Quá dài: %1 ký tự, tối đa %2.").arg(text(k).size()).arg(maxLen));
    if (text("responsible_party").size() > 300)
        errors.insert(QStringLiteral("responsible_party"),
                      tr("Quá dài: %1 ký tự, tối đa 300.").arg(text("responsible_party").size()));
    QString deadlineIso;
    const QString deadline = text("deadline");
    if (!deadline.isEmpty()) {
        const QDate d = DomainLabels::parseDate(deadline);
        if (!d.isValid())
            errors.insert(
                QStringLiteral("deadline"),
                tr("“%1” không phải là ngày. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 31/12/2026.")
                    .arg(deadline.left(40)));
        else if (d.year() < 2000 || d.year() > 2100)
            errors.insert(QStringLiteral("deadline"),
                          tr("Hạn khắc phục phải trong khoảng năm 2000–2100."));
        else
            deadlineIso = d.toString(Qt::ISODate);
    }

    QVariantMap row{
        {QStringLiteral("category"), category},
        {QStringLiteral("legal_basis"), cat.isValid() ? cat.legalBasis : text("legal_basis")},
        {QStringLiteral("severity"), severity},
        {QStringLiteral("observed"), observed},
        {QStringLiteral("remedy"), text("remedy")},
        {QStringLiteral("deadline_on"), deadlineIso},
        {QStringLiteral("responsible_party"), text("responsible_party")}};
    if (cat.isValid()) {
        row.insert(QStringLiteral("fine_min_vnd"),
                   cat.fineMinVnd ? QVariant(*cat.fineMinVnd) : QVariant());
        row.insert(QStringLiteral("fine_max_vnd"),
                   cat.fineMaxVnd ? QVariant(*cat.fineMaxVnd) : QVariant());
    }
    if (fields.contains(QStringLiteral("status")) && !text("status").isEmpty())
        row.insert(QStringLiteral("status"), text("status"));
    return row;
}

QVariantMap ViolationFormController::saveViolation(const QString &violationId,
                                                   const QVariantMap &fields)
{
    QVariantMap errors;
    QVariantMap row = violationRowOf(fields, &errors);
    if (!errors.isEmpty())
        return FormReply::fieldsRefused(errors);

    QString id = violationId;
    FormMerge::Result merged;
    // The row read, merged and written in one transaction: a page pulled between the read and
    // the write would otherwise hide a teammate's change from the merge.
    Transaction tx(m_inspections->database());
    if (!tx.active())
        return FormReply::refused(tx.beginError().message());
    if (!violationId.isEmpty()) {
        merged =
            FormMerge::merge(row, m_violationsShown.value(violationId), violationRow(violationId));
        row = merged.write;
    }
    CoreError e = violationId.isEmpty() ? m_inspections->addViolation(m_id, row, &id)
                  : row.isEmpty()       ? CoreError()
                                        : m_inspections->updateViolation(violationId, row);
    if (e.ok())
        e = tx.commit();
    if (e.failed())
        return FormReply::refused(e.message());
    // What the form shows now is what its next save compares with: what was written, and the
    // values the user was just told of (a new violation: all it wrote). Not before the write: a
    // refused write leaves the user's changes to be written by the next save.
    FormReply::rememberShown(&m_violationsShown[id], row, merged.changedUnder);
    m_violations->reload();
    emit violationsChanged();
    if (!merged.changedUnder.isEmpty()) {
        QVariantMap errors;
        for (auto it = merged.changedUnder.constBegin(); it != merged.changedUnder.constEnd();
             ++it) {
            errors.insert(
                violationFormKey(it.key()),
                FormReply::changedUnderMessage(violationValueInWords(it.key(), it.value())));
        }
        return FormReply::changedUnderReply(id, errors);
    }
    return FormReply::saved(id);
}

QString ViolationFormController::violationFormKey(const QString &column)
{
    return column == QLatin1String("deadline_on") ? QStringLiteral("deadline") : column;
}

QString ViolationFormController::violationFormValue(const QString &column,
                                                    const QVariant &value) const
{
    return column == QLatin1String("deadline_on") ? m_labels->date(value.toString())
                                                  : value.toString();
}

QString ViolationFormController::violationValueInWords(const QString &column,
                                                       const QVariant &value) const
{
    if (column == QLatin1String("severity"))
        return m_labels->severity(value.toString());
    if (column == QLatin1String("category")) {
        const ViolationCatalog::Category cat = ViolationCatalog::find(value.toString());
        return cat.isValid() ? cat.title : value.toString();
    }
    return violationFormValue(column, value);
}

QVariantMap ViolationFormController::followPulledViolation(const QString &violationId,
                                                           const QVariantMap &fields)
{
    const auto shown = m_violationsShown.find(violationId);
    const QVariantMap now = violationRow(violationId);
    if (shown == m_violationsShown.end() || now.isEmpty())
        return {};
    // The form's fields as the row's columns; one the app would refuse (a date half typed) is
    // being changed, and is left to its user.
    QVariantMap errors;
    const QVariantMap row = violationRowOf(fields, &errors);
    QVariantMap form;
    for (const char *c : formColumns) {
        const QString column = QLatin1String(c);
        if (!errors.contains(violationFormKey(column)))
            form.insert(column, row.value(column));
    }
    QVariantMap followed;
    const QVariantMap pulled = FormMerge::follow(form, &*shown, now);
    for (auto it = pulled.constBegin(); it != pulled.constEnd(); ++it)
        followed.insert(violationFormKey(it.key()), violationFormValue(it.key(), it.value()));
    return followed;
}

bool ViolationFormController::dirty(const QString &violationId, const QVariantMap &fields) const
{
    if (!m_editable)
        return false;
    // A new violation's form (none given by violation()) was shown empty.
    const QVariantMap shown = m_violationsShown.value(violationId);
    QVariantMap errors;
    const QVariantMap row = violationRowOf(fields, &errors);
    for (const char *c : formColumns) {
        const QString column = QLatin1String(c);
        // Both as the form shows them: a date as a date, whatever the user's way of writing it,
        // a text without the spaces a save trims; a field the app would refuse (a date half
        // typed) as typed.
        const QString key = violationFormKey(column);
        const QString now = errors.contains(key) ? fields.value(key).toString().trimmed()
                                                 : violationFormValue(column, row.value(column));
        const QString was = violationFormValue(column, shown.value(column)).trimmed();
        // The form offers the catalogue's categories only: one outside it shows as none.
        const bool notOffered = column == QLatin1String("category") && now.isEmpty() &&
                                !ViolationCatalog::find(was).isValid();
        if (now != was && !notOffered)
            return true;
    }
    return false;
}

QString ViolationFormController::deleteViolation(const QString &violationId)
{
    const CoreError e = m_inspections->deleteViolation(violationId);
    if (e.ok()) {
        m_violations->reload();
        emit violationsChanged();
    }
    return e.message();
}

QVariantMap ViolationFormController::violation(const QString &violationId) const
{
    const int row = m_violations->indexOf(violationId);
    if (row < 0)
        return {};
    m_violationsShown.insert(violationId, violationRow(violationId));
    return m_violations->get(row);
}

QVariantMap ViolationFormController::violationRow(const QString &violationId) const
{
    return FormReply::rowIn(m_inspections->violations(m_id), violationId);
}
