#include "inspectionmanager.h"

#include "answerid.h"
#include "participantid.h"
#include "searchtext.h"
#include "transaction.h"
#include "violationworkflow.h"

#include <QDate>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace {
const QStringList violationSeverities = {QStringLiteral("minor"), QStringLiteral("serious"),
                                         QStringLiteral("very_serious")};
const QStringList violationFields = {QStringLiteral("category"),
                                     QStringLiteral("legal_basis"),
                                     QStringLiteral("severity"),
                                     QStringLiteral("observed"),
                                     QStringLiteral("remedy"),
                                     QStringLiteral("deadline_on"),
                                     QStringLiteral("responsible_party"),
                                     QStringLiteral("tenant_id"),
                                     QStringLiteral("fine_min_vnd"),
                                     QStringLiteral("fine_max_vnd"),
                                     QStringLiteral("status")};

QVariantMap rowToMap(const QSqlQuery &q)
{
    QVariantMap m;
    const QSqlRecord r = q.record();
    for (int i = 0; i < r.count(); ++i)
        m.insert(r.fieldName(i), q.value(i));
    return m;
}

CoreError invalid(const QString &message)
{
    return {CoreError::Code::InvalidInput, message};
}
} // namespace

InspectionManager::InspectionManager(QSqlDatabase db, QObject *parent)
    : QObject(parent), m_db(db), m_writer(db), m_checklists(db)
{
}

QStringList InspectionManager::kinds()
{
    return {QStringLiteral("periodic"), QStringLiteral("unscheduled"), QStringLiteral("follow_up"),
            QStringLiteral("progress_verification")};
}

CoreError InspectionManager::start(const QString &clusterId, const QString &kind,
                                   const QString &templateId, const QString &inspectorName,
                                   const StartPosition &position, QString *id)
{
    if (!kinds().contains(kind))
        return invalid(tr("Loại kiểm tra không hợp lệ: %1").arg(kind));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT name FROM clusters WHERE id = ? AND deleted_at IS NULL"));
    q.addBindValue(clusterId);
    if (!q.exec() || !q.next())
        return {CoreError::Code::NotFound, tr("Không tìm thấy cụm công nghiệp này.")};
    q.finish(); // see setAnswer
    if (m_checklists.checklistTemplate(templateId).isEmpty())
        return {CoreError::Code::NotFound, tr("Không tìm thấy mẫu phiếu kiểm tra.")};
    const qint64 now = RecordWriter::now();
    QVariantMap row{{QStringLiteral("cluster_id"), clusterId},
                    {QStringLiteral("template_id"), templateId},
                    {QStringLiteral("kind"), kind},
                    {QStringLiteral("status"), QStringLiteral("draft")},
                    {QStringLiteral("inspector_name"), inspectorName},
                    {QStringLiteral("started_at"), now}};
    if (position.valid) {
        if (position.lat < -90 || position.lat > 90 || position.lon < -180 || position.lon > 180)
            return invalid(tr("Toạ độ không hợp lệ."));
        row.insert(QStringLiteral("lat"), position.lat);
        row.insert(QStringLiteral("lon"), position.lon);
        row.insert(QStringLiteral("accuracy_m"), position.accuracyM);
        row.insert(QStringLiteral("position_at"), position.at);
        row.insert(QStringLiteral("outside_boundary"), position.outsideBoundary ? 1 : 0);
    }
    CoreError e = m_writer.insert(QStringLiteral("inspections"), row, id);
    if (e.ok())
        e = SearchText::refresh(m_db, QStringLiteral("inspections"), *id);
    if (e.ok())
        emit inspectionChanged(*id);
    return e;
}

QVariantMap InspectionManager::inspection(const QString &id) const
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT i.*, c.name AS cluster_name, c.boundary_geojson FROM inspections i "
                       "JOIN clusters c ON c.id = i.cluster_id WHERE i.id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return {};
    return rowToMap(q);
}

QVariantMap InspectionManager::answers(const QString &inspectionId) const
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT question_id, value, note FROM answers WHERE inspection_id = ? AND "
                       "deleted_at IS NULL"));
    q.addBindValue(inspectionId);
    q.exec();
    QVariantMap out;
    while (q.next())
        out.insert(q.value(0).toString(), QVariantMap{{QStringLiteral("value"), q.value(1)},
                                                      {QStringLiteral("note"), q.value(2)}});
    return out;
}

QString InspectionManager::answerValue(const QString &inspectionId, const QString &questionId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM answers WHERE inspection_id = ? AND question_id = "
                             "? AND deleted_at IS NULL"));
    q.addBindValue(inspectionId);
    q.addBindValue(questionId);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

QVariantMap InspectionManager::answersByCode(const QString &inspectionId) const
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT qn.code, a.value FROM answers a JOIN checklist_questions qn ON "
                       "qn.id = a.question_id WHERE a.inspection_id = ? AND a.deleted_at IS NULL"));
    q.addBindValue(inspectionId);
    q.exec();
    QVariantMap out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1));
    return out;
}

CoreError InspectionManager::editable(const QString &inspectionId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT status, deleted_at FROM inspections WHERE id = ?"));
    q.addBindValue(inspectionId);
    if (!q.exec() || !q.next())
        return {CoreError::Code::NotFound, tr("Không tìm thấy cuộc kiểm tra.")};
    if (!q.value(1).isNull())
        return {CoreError::Code::NotEditable, tr("Cuộc kiểm tra này đã bị xoá.")};
    if (q.value(0).toString() != QLatin1String("draft"))
        return {
            CoreError::Code::NotEditable,
            tr("Cuộc kiểm tra đã được gửi nên không thể sửa. Hãy tạo một cuộc kiểm tra bổ sung.")};
    return {};
}

CoreError InspectionManager::setAnswer(const QString &inspectionId, const QString &questionId,
                                       const QString &value, const QString &note)
{
    CoreError e = editable(inspectionId);
    if (e.failed())
        return e;
    const QVariantMap question = m_checklists.question(questionId);
    if (question.isEmpty())
        return {CoreError::Code::NotFound, tr("Không tìm thấy câu hỏi.")};
    QString stored;
    e = ChecklistManager::validate(question, value, &stored);
    if (e.failed())
        return e;
    if (note.size() > ChecklistManager::maxTextLength)
        return invalid(tr("Ghi chú quá dài (%1 ký tự, tối đa %2).")
                           .arg(note.size())
                           .arg(ChecklistManager::maxTextLength));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM answers WHERE inspection_id = ? AND question_id = ?"));
    q.addBindValue(inspectionId);
    q.addBindValue(questionId);
    q.exec();
    const QString answerId = q.next() ? q.value(0).toString() : QString();
    q.finish(); // a read left open would make the write below fail (SqliteHandle::openStatements)
    const QVariant storedValue = stored.isEmpty() ? QVariant() : QVariant(stored);
    const QVariant storedNote = note.isEmpty() ? QVariant() : QVariant(note);
    if (!answerId.isEmpty()) {
        e = m_writer.update(QStringLiteral("answers"), answerId,
                            {{QStringLiteral("value"), storedValue},
                             {QStringLiteral("note"), storedNote},
                             {QStringLiteral("deleted_at"), QVariant()}});
    } else {
        e = m_writer.insert(QStringLiteral("answers"),
                            {{QStringLiteral("id"), AnswerId::of(inspectionId, questionId)},
                             {QStringLiteral("inspection_id"), inspectionId},
                             {QStringLiteral("question_id"), questionId},
                             {QStringLiteral("value"), storedValue},
                             {QStringLiteral("note"), storedNote}});
    }
    return changed(e, inspectionId, false);
}

CoreError InspectionManager::setFindings(const QString &inspectionId, const QString &findings,
                                         const QString &conclusions)
{
    CoreError e = editable(inspectionId);
    if (e.failed())
        return e;
    if (findings.size() > 20000 || conclusions.size() > 20000)
        return invalid(tr("Nội dung quá dài (tối đa 20.000 ký tự)."));
    e = m_writer.update(
        QStringLiteral("inspections"), inspectionId,
        {{QStringLiteral("findings"), findings.isNull() ? QStringLiteral("") : findings},
         {QStringLiteral("conclusions"), conclusions.isNull() ? QStringLiteral("") : conclusions}});
    return changed(e, inspectionId, true);
}

CoreError InspectionManager::changed(const CoreError &written, const QString &inspectionId,
                                     bool searched)
{
    CoreError e = written;
    if (e.ok() && searched)
        e = SearchText::refresh(m_db, QStringLiteral("inspections"), inspectionId);
    if (e.ok())
        emit inspectionChanged(inspectionId);
    return e;
}

CoreError InspectionManager::validateParticipant(const QString &name, const QString &positionTitle,
                                                 const QString &agency)
{
    if (name.trimmed().isEmpty())
        return invalid(tr("Hãy nhập họ tên người tham gia."));
    if (name.size() > 200 || positionTitle.size() > 200 || agency.size() > 300)
        return invalid(tr("Họ tên, chức vụ hoặc cơ quan quá dài."));
    return {};
}

CoreError InspectionManager::editableParticipant(const QString &participantId,
                                                 QString *inspectionId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT inspection_id FROM inspection_participants WHERE id = ? AND "
                             "deleted_at IS NULL"));
    q.addBindValue(participantId);
    if (!q.exec() || !q.next())
        return {CoreError::Code::NotFound, tr("Không tìm thấy người tham gia này.")};
    *inspectionId = q.value(0).toString();
    return editable(*inspectionId);
}

CoreError InspectionManager::addParticipant(const QString &inspectionId, const QString &name,
                                            const QString &positionTitle, const QString &agency,
                                            QString *id)
{
    CoreError e = editable(inspectionId);
    if (e.failed())
        return e;
    e = validateParticipant(name, positionTitle, agency);
    if (e.failed())
        return e;
    // The same person added on two tablets is one row (ParticipantId).
    QString newId = ParticipantId::of(inspectionId, name, agency);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT name, agency, deleted_at FROM inspection_participants WHERE id = ?"));
    q.addBindValue(newId);
    q.exec();
    const bool exists = q.next();
    const bool live = exists && q.value(2).isNull();
    const bool samePerson = exists && ParticipantId::of(inspectionId, q.value(0).toString(),
                                                        q.value(1).toString()) == newId;
    q.finish(); // a read left open would make the write below fail
    if (live && samePerson)
        return invalid(tr("%1 đã có trong danh sách người tham gia.").arg(name.trimmed()));
    const QVariantMap fields{{QStringLiteral("inspection_id"), inspectionId},
                             {QStringLiteral("name"), name.trimmed()},
                             {QStringLiteral("position_title"), positionTitle.trimmed()},
                             {QStringLiteral("agency"), agency.trimmed()}};
    if (exists && !live) {
        // Removed before, added again: the row comes back.
        QVariantMap back = fields;
        back.insert(QStringLiteral("deleted_at"), QVariant());
        e = m_writer.update(QStringLiteral("inspection_participants"), newId, back);
    } else if (exists) {
        // That id is a participant renamed since: this one gets an id of its own.
        e = m_writer.insert(QStringLiteral("inspection_participants"), fields, &newId);
    } else {
        QVariantMap withId = fields;
        withId.insert(QStringLiteral("id"), newId);
        e = m_writer.insert(QStringLiteral("inspection_participants"), withId);
    }
    if (id)
        *id = newId;
    return changed(e, inspectionId, true);
}

CoreError InspectionManager::updateParticipant(const QString &participantId, const QString &name,
                                               const QString &positionTitle, const QString &agency)
{
    QString inspectionId;
    CoreError e = editableParticipant(participantId, &inspectionId);
    if (e.failed())
        return e;
    e = validateParticipant(name, positionTitle, agency);
    if (e.failed())
        return e;
    e = m_writer.update(QStringLiteral("inspection_participants"), participantId,
                        {{QStringLiteral("name"), name.trimmed()},
                         {QStringLiteral("position_title"), positionTitle.trimmed()},
                         {QStringLiteral("agency"), agency.trimmed()}});
    return changed(e, inspectionId, true);
}

CoreError InspectionManager::removeParticipant(const QString &participantId)
{
    QString inspectionId;
    CoreError e = editableParticipant(participantId, &inspectionId);
    if (e.ok())
        e = m_writer.softDelete(QStringLiteral("inspection_participants"), participantId);
    return changed(e, inspectionId, true);
}

QVariantList InspectionManager::participants(const QString &inspectionId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT id, name, coalesce(position_title, '') AS position_title, coalesce(agency, '') AS "
        "agency, created_at FROM inspection_participants WHERE inspection_id = ? AND deleted_at "
        "IS NULL ORDER BY (SELECT min(p2.created_at) FROM inspection_participants p2 WHERE "
        "p2.inspection_id = inspection_participants.inspection_id AND p2.deleted_at IS NULL AND "
        "coalesce(p2.agency, '') = coalesce(inspection_participants.agency, '')), created_at, "
        "id"));
    q.addBindValue(inspectionId);
    q.exec();
    QVariantList out;
    while (q.next())
        out << rowToMap(q);
    return out;
}

CoreError InspectionManager::validateViolation(const QVariantMap &fields, bool partial)
{
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        if (!violationFields.contains(it.key()))
            return invalid(tr("Trường không hợp lệ: %1").arg(it.key()));
    auto has = [&](const QString &k) { return fields.contains(k); };
    if ((!partial || has(QStringLiteral("category"))) &&
        fields.value(QStringLiteral("category")).toString().trimmed().isEmpty())
        return invalid(tr("Hãy chọn loại vi phạm."));
    if ((!partial || has(QStringLiteral("observed"))) &&
        fields.value(QStringLiteral("observed")).toString().trimmed().isEmpty())
        return invalid(tr("Hãy mô tả điều đã thấy (nội dung vi phạm)."));
    if ((!partial || has(QStringLiteral("severity"))) &&
        !violationSeverities.contains(fields.value(QStringLiteral("severity")).toString()))
        return invalid(tr("Hãy chọn mức độ vi phạm."));
    if (has(QStringLiteral("status")) &&
        !ViolationWorkflow::statuses().contains(fields.value(QStringLiteral("status")).toString()))
        return invalid(tr("Trạng thái vi phạm không hợp lệ."));
    for (const QString &k :
         {QStringLiteral("observed"), QStringLiteral("remedy"), QStringLiteral("legal_basis"),
          QStringLiteral("responsible_party"), QStringLiteral("category")}) {
        if (fields.value(k).toString().size() > ChecklistManager::maxTextLength)
            return invalid(
                tr("Nội dung quá dài (tối đa %1 ký tự).").arg(ChecklistManager::maxTextLength));
    }
    const QString deadline = fields.value(QStringLiteral("deadline_on")).toString();
    if (!deadline.isEmpty()) {
        const QDate d = QDate::fromString(deadline, Qt::ISODate);
        if (!d.isValid())
            return invalid(
                tr("Hạn khắc phục không phải là ngày hợp lệ (định dạng năm-tháng-ngày)."));
        if (d.year() < 2000 || d.year() > 2100)
            return invalid(tr("Hạn khắc phục phải nằm trong khoảng năm 2000–2100."));
    }
    const QVariant fmin = fields.value(QStringLiteral("fine_min_vnd"));
    const QVariant fmax = fields.value(QStringLiteral("fine_max_vnd"));
    bool okMin = true, okMax = true;
    const qlonglong vmin = fmin.isNull() || fmin.toString().isEmpty() ? 0 : fmin.toLongLong(&okMin);
    const qlonglong vmax = fmax.isNull() || fmax.toString().isEmpty() ? 0 : fmax.toLongLong(&okMax);
    if (!okMin || !okMax || vmin < 0 || vmax < 0 || vmax > 10'000'000'000LL)
        return invalid(tr("Mức phạt phải là số tiền hợp lệ (đồng)."));
    if (vmin && vmax && vmin > vmax)
        return invalid(tr("Mức phạt tối thiểu lớn hơn mức tối đa."));
    return {};
}

CoreError InspectionManager::addViolation(const QString &inspectionId, const QVariantMap &fields,
                                          QString *id)
{
    CoreError e = editable(inspectionId);
    if (e.failed())
        return e;
    e = validateViolation(fields, false);
    if (e.failed())
        return e;
    QVariantMap row = fields;
    row.insert(QStringLiteral("inspection_id"), inspectionId);
    row.insert(QStringLiteral("cluster_id"),
               inspection(inspectionId).value(QStringLiteral("cluster_id")));
    if (!row.contains(QStringLiteral("status")))
        row.insert(QStringLiteral("status"), QStringLiteral("open"));
    for (const QString &k : {QStringLiteral("tenant_id"), QStringLiteral("deadline_on"),
                             QStringLiteral("fine_min_vnd"), QStringLiteral("fine_max_vnd")})
        if (row.value(k).toString().isEmpty())
            row.insert(k, QVariant());
    e = m_writer.insert(QStringLiteral("violations"), row, id);
    return changed(e, inspectionId, false);
}

CoreError InspectionManager::editableViolation(const QString &violationId, bool includeDeleted,
                                               QString *inspectionId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT inspection_id, deleted_at FROM violations WHERE id = ?"));
    q.addBindValue(violationId);
    if (!q.exec() || !q.next())
        return {CoreError::Code::NotFound, tr("Không tìm thấy vi phạm.")};
    // Deleted while its form was open: here, or on a teammate's tablet and brought by a sync
    // round. Said so, not "not found".
    if (!includeDeleted && !q.value(1).isNull())
        return {CoreError::Code::NotEditable,
                tr("Vi phạm này đã bị xoá (trên máy này hoặc trên máy khác, vừa được đồng bộ "
                   "về), nên nội dung vừa sửa chưa được lưu. Nếu cần giữ, hãy báo giám sát "
                   "viên để khôi phục, hoặc ghi thành một vi phạm mới.")};
    *inspectionId = q.value(0).toString();
    return editable(*inspectionId);
}

CoreError InspectionManager::updateViolation(const QString &violationId, const QVariantMap &fields)
{
    QString inspectionId;
    CoreError e = editableViolation(violationId, false, &inspectionId);
    if (e.failed())
        return e;
    e = validateViolation(fields, true);
    if (e.failed())
        return e;
    QVariantMap changes = fields;
    for (const QString &k : {QStringLiteral("tenant_id"), QStringLiteral("deadline_on"),
                             QStringLiteral("fine_min_vnd"), QStringLiteral("fine_max_vnd")})
        if (changes.contains(k) && changes.value(k).toString().isEmpty())
            changes.insert(k, QVariant());
    e = m_writer.update(QStringLiteral("violations"), violationId, changes);
    return changed(e, inspectionId, false);
}

CoreError InspectionManager::setViolationStatus(const QString &violationId, const QString &status)
{
    if (!ViolationWorkflow::statuses().contains(status))
        return invalid(tr("Trạng thái vi phạm không hợp lệ."));
    // The status read and written in one transaction: a pulled page landing between the two
    // (a teammate's verified_fixed) would otherwise be moved backwards unseen.
    Transaction tx(m_db);
    if (!tx.active())
        return tx.beginError();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT v.inspection_id, v.status, i.deleted_at FROM violations v JOIN inspections i ON "
        "i.id = v.inspection_id WHERE v.id = ? AND v.deleted_at IS NULL"));
    q.addBindValue(violationId);
    if (!q.exec() || !q.next())
        return {CoreError::Code::NotFound, tr("Không tìm thấy vi phạm.")};
    const QString inspectionId = q.value(0).toString();
    const QString current = q.value(1).toString();
    const bool inspectionDeleted = !q.value(2).isNull();
    q.finish(); // see setAnswer
    if (inspectionDeleted)
        return {CoreError::Code::NotEditable, tr("Cuộc kiểm tra của vi phạm này đã bị xoá.")};
    if (current == status)
        return {};
    if (!ViolationWorkflow::allows(current, status))
        return {CoreError::Code::NotEditable,
                tr("Không thể chuyển vi phạm về trạng thái trước. Nếu vi phạm tái diễn, hãy ghi "
                   "nhận một vi phạm mới.")};
    CoreError e = m_writer.update(QStringLiteral("violations"), violationId,
                                  {{QStringLiteral("status"), status}});
    if (e.ok())
        e = tx.commit();
    return changed(e, inspectionId, false);
}

CoreError InspectionManager::deleteViolation(const QString &violationId)
{
    QString inspectionId;
    CoreError e = editableViolation(violationId, true, &inspectionId);
    if (e.ok())
        e = m_writer.softDelete(QStringLiteral("violations"), violationId);
    return changed(e, inspectionId, false);
}

QVariantList InspectionManager::violations(const QString &inspectionId) const
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT v.*, (SELECT count(*) FROM photos p WHERE p.violation_id = v.id AND "
                       "p.deleted_at IS NULL) AS photo_count FROM violations v WHERE "
                       "v.inspection_id = ? AND v.deleted_at IS NULL ORDER BY v.created_at"));
    q.addBindValue(inspectionId);
    q.exec();
    QVariantList out;
    while (q.next())
        out << rowToMap(q);
    return out;
}

CoreError InspectionManager::recordProgress(const QString &itemId, const QString &inspectionId,
                                            double percent, const QString &observedOn,
                                            const QString &note, QString *id)
{
    if (!qIsFinite(percent) || percent < 0 || percent > 100)
        return invalid(tr("Tiến độ phải từ 0 đến 100 %."));
    if (!QDate::fromString(observedOn, Qt::ISODate).isValid())
        return invalid(tr("Ngày ghi nhận không hợp lệ."));
    QSqlQuery item(m_db);
    item.prepare(QStringLiteral(
        "SELECT cluster_id FROM infrastructure_items WHERE id = ? AND deleted_at IS NULL"));
    item.addBindValue(itemId);
    if (!item.exec() || !item.next())
        return {CoreError::Code::NotFound, tr("Không tìm thấy hạng mục hạ tầng.")};
    const QVariant itemCluster = item.value(0);
    item.finish(); // see setAnswer
    if (note.size() > ChecklistManager::maxTextLength)
        return invalid(tr("Ghi chú quá dài (%1 ký tự, tối đa %2).")
                           .arg(note.size())
                           .arg(ChecklistManager::maxTextLength));
    if (!inspectionId.isEmpty()) {
        const CoreError e = editable(inspectionId);
        if (e.failed())
            return e;
        if (inspection(inspectionId).value(QStringLiteral("cluster_id")) != itemCluster)
            return invalid(tr("Hạng mục này không thuộc cụm đang kiểm tra."));
    }
    QString newId;
    const CoreError e =
        m_writer.insert(QStringLiteral("progress_readings"),
                        {{QStringLiteral("item_id"), itemId},
                         {QStringLiteral("inspection_id"),
                          inspectionId.isEmpty() ? QVariant() : QVariant(inspectionId)},
                         {QStringLiteral("percent"), percent},
                         {QStringLiteral("observed_on"), observedOn},
                         {QStringLiteral("note"), note.isNull() ? QStringLiteral("") : note}},
                        &newId);
    if (id)
        *id = newId;
    return e;
}

QVariantList InspectionManager::progressReadings(const QString &itemId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT id, item_id, inspection_id, percent, observed_on, coalesce(note, '') AS note, "
        "created_at FROM progress_readings WHERE item_id = ? AND deleted_at IS NULL ORDER BY "
        "observed_on DESC, created_at DESC, id DESC"));
    q.addBindValue(itemId);
    q.exec();
    QVariantList out;
    while (q.next())
        out << rowToMap(q);
    return out;
}

QSet<QString> InspectionManager::answeredQuestions(const QString &inspectionId) const
{
    QSet<QString> answered;
    QSqlQuery q(m_db);
    // A question is answered by a value, or (photo questions) by a photo linked to it.
    q.prepare(QStringLiteral("SELECT question_id FROM answers WHERE inspection_id = ? AND "
                             "deleted_at IS NULL AND coalesce(value, '') <> '' UNION "
                             "SELECT question_id FROM photos WHERE inspection_id = ? AND "
                             "question_id IS NOT NULL AND deleted_at IS NULL"));
    q.addBindValue(inspectionId);
    q.addBindValue(inspectionId);
    q.exec();
    while (q.next())
        answered.insert(q.value(0).toString());
    return answered;
}

QStringList InspectionManager::missingRequired(const QString &inspectionId) const
{
    const QVariantMap insp = inspection(inspectionId);
    const QVariantList qs =
        m_checklists.questions(insp.value(QStringLiteral("template_id")).toString());
    const QVariantMap byCode = answersByCode(inspectionId);
    const QSet<QString> answered = answeredQuestions(inspectionId);
    QStringList missing;
    for (const QVariant &v : qs) {
        const QVariantMap question = v.toMap();
        if (!question.value(QStringLiteral("required")).toBool() ||
            !ChecklistManager::isVisible(question, byCode))
            continue;
        if (!answered.contains(question.value(QStringLiteral("id")).toString()))
            missing << QStringLiteral("%1 — %2").arg(
                question.value(QStringLiteral("section_title")).toString(),
                question.value(QStringLiteral("text")).toString());
    }
    return missing;
}

QPair<int, int> InspectionManager::progress(const QString &inspectionId) const
{
    const QVariantMap insp = inspection(inspectionId);
    const QVariantList qs =
        m_checklists.questions(insp.value(QStringLiteral("template_id")).toString());
    const QVariantMap byCode = answersByCode(inspectionId);
    const QSet<QString> answered = answeredQuestions(inspectionId);
    int visible = 0, done = 0;
    for (const QVariant &v : qs) {
        const QVariantMap question = v.toMap();
        if (!ChecklistManager::isVisible(question, byCode))
            continue;
        ++visible;
        if (answered.contains(question.value(QStringLiteral("id")).toString()))
            ++done;
    }
    return {visible, done};
}

CoreError InspectionManager::submit(const QString &inspectionId)
{
    CoreError e = editable(inspectionId);
    if (e.failed())
        return e;
    const QStringList missing = missingRequired(inspectionId);
    if (!missing.isEmpty())
        return {CoreError::Code::MissingAnswers,
                tr("Chưa thể gửi: còn %n mục bắt buộc chưa trả lời:\n• ", nullptr,
                   int(missing.size())) +
                    missing.join(QStringLiteral("\n• "))};
    const qint64 now = RecordWriter::now();
    e = m_writer.update(QStringLiteral("inspections"), inspectionId,
                        {{QStringLiteral("status"), QStringLiteral("submitted")},
                         {QStringLiteral("ended_at"), now},
                         {QStringLiteral("submitted_at"), now}});
    return changed(e, inspectionId, false);
}

CoreError InspectionManager::discardDraft(const QString &inspectionId)
{
    CoreError e = editable(inspectionId);
    if (e.ok())
        e = m_writer.softDelete(QStringLiteral("inspections"), inspectionId);
    return changed(e, inspectionId, false);
}

CoreError InspectionManager::saveBundle(const QVariantMap &bundle, QString *inspectionId)
{
    Transaction tx(m_db);
    if (!tx.active())
        return tx.beginError();
    QString id;
    CoreError e = m_writer.insert(QStringLiteral("inspections"),
                                  bundle.value(QStringLiteral("inspection")).toMap(), &id);
    if (e.failed())
        return e;
    const QStringList children = {QStringLiteral("participants"), QStringLiteral("answers"),
                                  QStringLiteral("violations"), QStringLiteral("photos")};
    for (const QString &key : children) {
        const QString table =
            key == QLatin1String("participants") ? QStringLiteral("inspection_participants") : key;
        for (const QVariant &v : bundle.value(key).toList()) {
            QVariantMap row = v.toMap();
            row.insert(QStringLiteral("inspection_id"), id);
            if (key == QLatin1String("answers") && !row.contains(QStringLiteral("id")))
                row.insert(QStringLiteral("id"),
                           AnswerId::of(id, row.value(QStringLiteral("question_id")).toString()));
            e = m_writer.insert(table, row);
            if (e.failed())
                return e;
        }
    }
    e = tx.commit();
    if (e.ok() && inspectionId)
        *inspectionId = id;
    return e;
}
