#include "minutescontroller.h"

#include "coreerror.h"
#include "formmerge.h"
#include "formreply.h"
#include "inspectionmanager.h"
#include "participantmodel.h"
#include "transaction.h"

namespace {
// The columns of the inspection's row that hold sections II and III.
const QString findingsKey = QStringLiteral("findings");
const QString conclusionsKey = QStringLiteral("conclusions");
} // namespace

MinutesController::MinutesController(InspectionManager *inspections, QObject *parent)
    : QObject(parent), m_inspections(inspections),
      m_participants(new ParticipantModel(inspections, this))
{
}

void MinutesController::load(const QString &inspectionId, const QVariantMap &row)
{
    m_id = inspectionId;
    m_participantsShown.clear();
    m_participants->load(inspectionId);
    setTexts(row);
}

void MinutesController::setTexts(const QVariantMap &row)
{
    // Only the texts the row has: with none (no inspection open), there is nothing to follow.
    m_texts.clear();
    for (const QString &key : {findingsKey, conclusionsKey})
        if (row.contains(key))
            m_texts.insert(key, row.value(key));
    emit findingsChanged();
}

void MinutesController::reloadPulled()
{
    m_participants->reload();
}

QVariantMap MinutesController::participantRow(const QString &participantId) const
{
    return FormReply::rowIn(m_inspections->participants(m_id), participantId);
}

QVariantMap MinutesController::participant(const QString &participantId) const
{
    const int row = m_participants->indexOf(participantId);
    if (row < 0)
        return {};
    m_participantsShown.insert(participantId, participantRow(participantId));
    return m_participants->get(row);
}

QVariantMap MinutesController::followPulledTexts(const QString &findingsShown,
                                                 const QString &conclusionsShown)
{
    if (m_id.isEmpty())
        return {};
    const QVariantMap followed =
        FormMerge::follow({{findingsKey, findingsShown}, {conclusionsKey, conclusionsShown}},
                          &m_texts, m_inspections->inspection(m_id));
    if (!followed.isEmpty())
        emit findingsChanged();
    return followed;
}

QString MinutesController::findings() const
{
    return m_texts.value(findingsKey).toString();
}

QString MinutesController::conclusions() const
{
    return m_texts.value(conclusionsKey).toString();
}

QVariantMap MinutesController::followPulledParticipant(const QString &participantId,
                                                       const QVariantMap &fields)
{
    const auto shown = m_participantsShown.find(participantId);
    const QVariantMap now = participantRow(participantId);
    if (shown == m_participantsShown.end() || now.isEmpty())
        return {};
    QVariantMap form;
    for (const char *c : {"name", "position_title", "agency"})
        form.insert(QLatin1String(c), fields.value(QLatin1String(c)).toString().trimmed());
    return FormMerge::follow(form, &*shown, now);
}

QVariantMap MinutesController::saveParticipant(const QString &participantId,
                                               const QVariantMap &fields)
{
    auto text = [&](const char *k) {
        const QString t = fields.value(QLatin1String(k)).toString().trimmed();
        return t.isNull() ? QStringLiteral("") : t;
    };
    const QString name = text("name");
    const QString position = text("position_title");
    const QString agency = text("agency");
    QVariantMap errors;
    if (name.isEmpty())
        errors.insert(QStringLiteral("name"), tr("Hãy nhập họ tên người tham gia."));
    else if (name.size() > 200)
        errors.insert(QStringLiteral("name"),
                      tr("Quá dài: %1 ký tự, tối đa 200.").arg(name.size()));
    if (position.size() > 200)
        errors.insert(QStringLiteral("position_title"),
                      tr("Quá dài: %1 ký tự, tối đa 200.").arg(position.size()));
    if (agency.size() > 300)
        errors.insert(QStringLiteral("agency"),
                      tr("Quá dài: %1 ký tự, tối đa 300.").arg(agency.size()));
    if (m_id.isEmpty())
        return FormReply::refused(tr("Hãy bắt đầu một cuộc kiểm tra trước."), errors);
    if (!errors.isEmpty())
        return FormReply::fieldsRefused(errors);
    QString id = participantId;
    if (participantId.isEmpty()) {
        const CoreError e = m_inspections->addParticipant(m_id, name, position, agency, &id);
        if (e.failed())
            return FormReply::refused(e.message());
        m_participants->reload();
        return FormReply::saved(id);
    }
    // Only what the user changed since the form was shown; a field not written keeps the row's
    // value now (a sync round's). Read and written in one transaction: a page pulled between
    // the two would otherwise be written over with what was read before it.
    Transaction tx(m_inspections->database());
    if (!tx.active())
        return FormReply::refused(tx.beginError().message());
    const QVariantMap now = participantRow(participantId);
    const FormMerge::Result merged =
        FormMerge::merge({{QStringLiteral("name"), name},
                          {QStringLiteral("position_title"), position},
                          {QStringLiteral("agency"), agency}},
                         m_participantsShown.value(participantId), now);
    const auto value = [&](const char *key) {
        return merged.write.value(QLatin1String(key), now.value(QLatin1String(key))).toString();
    };
    if (!merged.write.isEmpty()) {
        CoreError e = m_inspections->updateParticipant(participantId, value("name"),
                                                       value("position_title"), value("agency"));
        if (e.ok())
            e = tx.commit();
        if (e.failed())
            return FormReply::refused(e.message());
        m_participants->reload();
    }
    FormReply::rememberShown(&m_participantsShown[participantId], merged.write,
                             merged.changedUnder);
    if (!merged.changedUnder.isEmpty()) {
        QVariantMap errors;
        for (auto it = merged.changedUnder.constBegin(); it != merged.changedUnder.constEnd(); ++it)
            errors.insert(it.key(), FormReply::changedUnderMessage(it.value().toString()));
        return FormReply::changedUnderReply(id, errors);
    }
    return FormReply::saved(id);
}

QString MinutesController::removeParticipant(const QString &participantId)
{
    const CoreError e = m_inspections->removeParticipant(participantId);
    if (e.ok())
        m_participants->reload();
    return e.message();
}

QVariantMap MinutesController::saveFindings(const QString &findings, const QString &conclusions)
{
    constexpr int maxLength = 20000;
    QVariantMap errors;
    if (findings.size() > maxLength)
        errors.insert(findingsKey,
                      tr("Quá dài: %1 ký tự, tối đa %2.").arg(findings.size()).arg(maxLength));
    if (conclusions.size() > maxLength)
        errors.insert(conclusionsKey,
                      tr("Quá dài: %1 ký tự, tối đa %2.").arg(conclusions.size()).arg(maxLength));
    if (!errors.isEmpty() || m_id.isEmpty())
        return FormReply::refused(m_id.isEmpty() ? tr("Hãy bắt đầu một cuộc kiểm tra trước.")
                                                 : tr("Chưa lưu: hãy rút ngắn nội dung."),
                                  errors);
    if (findings == this->findings() && conclusions == this->conclusions())
        return FormReply::saved();
    // Read, merged and written in one transaction (see saveParticipant).
    Transaction tx(m_inspections->database());
    if (!tx.active())
        return FormReply::refused(tx.beginError().message());
    const QVariantMap now = m_inspections->inspection(m_id);
    const FormMerge::Result merged = FormMerge::merge(
        {{findingsKey, findings}, {conclusionsKey, conclusions}},
        {{findingsKey, this->findings()}, {conclusionsKey, this->conclusions()}}, now);
    if (!merged.write.isEmpty()) {
        // A text not written keeps the row's value now.
        const auto value = [&](const QString &key) {
            return merged.write.value(key, now.value(key)).toString();
        };
        CoreError e = m_inspections->setFindings(m_id, value(findingsKey), value(conclusionsKey));
        if (e.ok())
            e = tx.commit();
        if (e.failed())
            return FormReply::refused(e.message());
        for (auto it = merged.write.constBegin(); it != merged.write.constEnd(); ++it)
            m_texts.insert(it.key(), it.value());
    }
    for (auto it = merged.changedUnder.constBegin(); it != merged.changedUnder.constEnd(); ++it) {
        errors.insert(it.key(), FormReply::changedUnderMessage(it.value().toString()));
        m_texts.insert(it.key(), it.value()); // the next save is made knowing it
    }
    emit findingsChanged();
    if (!errors.isEmpty())
        return {{QStringLiteral("ok"), false},
                {QStringLiteral("errors"), errors},
                {QStringLiteral("changedUnder"), true},
                {QStringLiteral("message"),
                 tr("Chưa lưu phần được đánh dấu: người khác đã sửa nó trong lúc bạn nhập.")}};
    return FormReply::saved();
}
