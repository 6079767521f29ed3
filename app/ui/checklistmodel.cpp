#include "checklistmodel.h"

#include "checklistmanager.h"
#include "inspectionmanager.h"
#include "photomanager.h"
#include "transaction.h"

ChecklistModel::ChecklistModel(InspectionManager *inspections, ChecklistManager *checklists,
                               PhotoManager *photos, QObject *parent)
    : QAbstractListModel(parent), m_inspections(inspections), m_checklists(checklists),
      m_photos(photos)
{
}

int ChecklistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

QVariantMap ChecklistModel::questionAt(int row) const
{
    if (row < 0 || row >= m_visible.size())
        return {};
    return m_all.at(m_visible.at(row)).toMap();
}

QVariant ChecklistModel::data(const QModelIndex &index, int role) const
{
    const QVariantMap q = questionAt(index.row());
    if (q.isEmpty())
        return {};
    const QString id = q.value(QStringLiteral("id")).toString();
    switch (role) {
    case QuestionIdRole:
        return id;
    case CodeRole:
        return q.value(QStringLiteral("code"));
    case TextRole:
        return q.value(QStringLiteral("text"));
    case KindRole:
        return q.value(QStringLiteral("kind"));
    case UnitRole:
        return q.value(QStringLiteral("kind")).toString() == QLatin1String("percentage")
                   ? QStringLiteral("%")
                   : q.value(QStringLiteral("unit")).toString();
    case ChoicesRole:
        return q.value(QStringLiteral("choices"));
    case RequiredRole:
        return q.value(QStringLiteral("required")).toBool();
    case ValueRole: {
        if (m_pending.contains(id))
            return m_pending.value(id);
        QString v = m_values.value(id);
        const QString kind = q.value(QStringLiteral("kind")).toString();
        if (!v.isEmpty() &&
            (kind == QLatin1String("number") || kind == QLatin1String("percentage")))
            v.replace(QLatin1Char('.'), QLatin1Char(',')); // shown as Vietnamese writes it
        return v;
    }
    case ErrorRole:
        return m_errors.value(id);
    case SectionTitleRole:
        return q.value(QStringLiteral("section_title"));
    case SectionIndexRole:
        return int(m_sections.indexOf(q.value(QStringLiteral("section_title")).toString()));
    case LegalBasisRole:
        return q.value(QStringLiteral("legal_basis"));
    case MinValueRole:
        return q.value(QStringLiteral("min_value"));
    case MaxValueRole:
        return q.value(QStringLiteral("max_value"));
    case PhotoCountRole:
        return m_photoCounts.value(id);
    case AnsweredRole:
        return isAnswered(q);
    }
    return {};
}

QHash<int, QByteArray> ChecklistModel::roleNames() const
{
    return {{QuestionIdRole, "questionId"},
            {CodeRole, "code"},
            {TextRole, "text"},
            {KindRole, "kind"},
            {UnitRole, "unit"},
            {ChoicesRole, "choices"},
            {RequiredRole, "required"},
            {ValueRole, "value"},
            {ErrorRole, "error"},
            {SectionTitleRole, "sectionTitle"},
            {SectionIndexRole, "sectionIndex"},
            {LegalBasisRole, "legalBasis"},
            {MinValueRole, "minValue"},
            {MaxValueRole, "maxValue"},
            {PhotoCountRole, "photoCount"},
            {AnsweredRole, "answered"}};
}

bool ChecklistModel::isAnswered(const QVariantMap &q) const
{
    const QString id = q.value(QStringLiteral("id")).toString();
    if (q.value(QStringLiteral("kind")).toString() == QLatin1String("photo"))
        return m_photoCounts.value(id) > 0 || !m_values.value(id).isEmpty();
    return !m_values.value(id).isEmpty();
}

int ChecklistModel::answeredCount() const
{
    int n = 0;
    for (int i : m_visible)
        n += isAnswered(m_all.at(i).toMap()) ? 1 : 0;
    return n;
}

double ChecklistModel::progress() const
{
    return m_visible.isEmpty() ? 0.0 : double(answeredCount()) / double(m_visible.size());
}

QStringList ChecklistModel::sectionTitles() const
{
    return m_sections;
}

void ChecklistModel::clear()
{
    beginResetModel();
    m_inspectionId.clear();
    m_all.clear();
    m_indexById.clear();
    m_visible.clear();
    m_values.clear();
    m_pending.clear();
    m_errors.clear();
    m_editBase.clear();
    m_photoCounts.clear();
    m_sections.clear();
    endResetModel();
    emit countChanged();
    emit progressChanged();
    emit loaded();
}

void ChecklistModel::load(const QString &inspectionId)
{
    beginResetModel();
    m_inspectionId = inspectionId;
    const QVariantMap insp = m_inspections->inspection(inspectionId);
    m_all = m_checklists->questions(insp.value(QStringLiteral("template_id")).toString());
    m_indexById.clear();
    m_sections.clear();
    for (int i = 0; i < m_all.size(); ++i) {
        const QVariantMap q = m_all.at(i).toMap();
        m_indexById.insert(q.value(QStringLiteral("id")).toString(), i);
        const QString s = q.value(QStringLiteral("section_title")).toString();
        if (!m_sections.contains(s))
            m_sections << s;
    }
    m_values.clear();
    const QVariantMap answers = m_inspections->answers(inspectionId);
    for (auto it = answers.constBegin(); it != answers.constEnd(); ++it)
        m_values.insert(it.key(), it.value().toMap().value(QStringLiteral("value")).toString());
    m_pending.clear();
    m_errors.clear();
    m_editBase.clear();
    m_photoCounts.clear();
    if (m_photos)
        for (const PhotoRecord &p : m_photos->photosForInspection(inspectionId))
            if (!p.questionId.isEmpty())
                m_photoCounts[p.questionId] += 1;
    m_visible.clear();
    const QVariantMap byCode = answersByCode();
    for (int i = 0; i < m_all.size(); ++i)
        if (ChecklistManager::isVisible(m_all.at(i).toMap(), byCode))
            m_visible << i;
    endResetModel();
    emit countChanged();
    emit progressChanged();
    emit loaded();
}

QVariantMap ChecklistModel::answersByCode() const
{
    QVariantMap out;
    for (const QVariant &v : m_all) {
        const QVariantMap q = v.toMap();
        const QString value = m_values.value(q.value(QStringLiteral("id")).toString());
        if (!value.isEmpty())
            out.insert(q.value(QStringLiteral("code")).toString(), value);
    }
    return out;
}

int ChecklistModel::rowOf(const QString &questionId) const
{
    const int i = m_indexById.value(questionId, -1);
    return i < 0 ? -1 : int(m_visible.indexOf(i));
}

int ChecklistModel::rowOfCode(const QString &code) const
{
    for (int r = 0; r < m_visible.size(); ++r)
        if (m_all.at(m_visible.at(r)).toMap().value(QStringLiteral("code")).toString() == code)
            return r;
    return -1;
}

int ChecklistModel::firstRowOfSection(int sectionIndex) const
{
    const QString title = m_sections.value(sectionIndex);
    for (int r = 0; r < m_visible.size(); ++r)
        if (m_all.at(m_visible.at(r)).toMap().value(QStringLiteral("section_title")).toString() ==
            title)
            return r;
    return -1;
}

QVariantMap ChecklistModel::get(int row) const
{
    QVariantMap m;
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.constBegin(); it != names.constEnd(); ++it)
        m.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return m;
}

void ChecklistModel::emitRowChanged(const QString &questionId)
{
    const int r = rowOf(questionId);
    if (r >= 0)
        emit dataChanged(index(r), index(r));
}

bool ChecklistModel::setValueFor(const QString &questionId, const QString &value)
{
    const int r = rowOf(questionId);
    return r >= 0 && setValue(r, value);
}

bool ChecklistModel::setValue(int row, const QString &value)
{
    const QVariantMap q = questionAt(row);
    if (q.isEmpty() || m_inspectionId.isEmpty())
        return false;
    const QString id = q.value(QStringLiteral("id")).toString();
    // What the user started from: the stored value when they began typing in the field
    // (beginEdit), or the one the row shows.
    const QString base = m_editBase.value(id, m_values.value(id));
    // Nothing changed and nothing to clear: no write (editingFinished fires on every focus loss).
    QString normalised;
    const bool valid = ChecklistManager::validate(q, value, &normalised).ok();
    const bool clean = valid && !m_pending.contains(id) && !m_errors.contains(id);
    if (clean && normalised == m_values.value(id)) {
        keepEditBase(id, normalised);
        return true;
    }
    // The stored value read and the answer written in one transaction: a page pulled between
    // the two would otherwise be written over unseen.
    Transaction tx(m_inspections->database());
    if (!tx.active()) {
        m_pending.insert(id, value);
        m_errors.insert(id, tx.beginError().message());
        emitRowChanged(id);
        return false;
    }
    const QString now = storedValue(id);
    // The user left the value they started from as it was, and a sync round changed it
    // meanwhile: the row shows the value now, and nothing is written.
    if (clean && normalised == base) {
        tx.rollback();
        keepEditBase(id, now);
        setShownValue(id, now);
        emitRowChanged(id);
        updateVisibility();
        emit progressChanged();
        return true;
    }
    // A sync round wrote another value since the user started from theirs (a teammate's), and
    // the user changed it too: theirs is not written over one they have not seen. The row shows
    // the value now with a message; a typed answer stays on screen as typed; saving it again
    // (or picking the choice again) writes it, as the user has now seen the value it replaces.
    if (valid && now != base && normalised != now) {
        tx.rollback();
        keepEditBase(id, now);
        setShownValue(id, now);
        if (isPicked(q)) {
            m_errors.insert(id, tr("Trong lúc bạn chọn, câu trả lời này đã được đổi khi đồng bộ "
                                   "(đang hiện lựa chọn mới). Lựa chọn của bạn chưa được lưu: "
                                   "hãy xem lại, rồi chọn lại nếu vẫn muốn."));
        } else {
            m_pending.insert(id, value);
            m_errors.insert(id,
                            tr("Trong lúc bạn nhập, câu trả lời này đã được cập nhật khi đồng bộ "
                               "thành: “%1”. Câu trả lời của bạn chưa được lưu: hãy xem lại; lưu "
                               "lần nữa sẽ ghi câu trả lời bạn đang thấy.")
                                .arg(now.isEmpty() ? tr("(trống)") : now));
        }
        emitRowChanged(id);
        updateVisibility();
        emit progressChanged();
        return false;
    }
    CoreError e = m_inspections->setAnswer(m_inspectionId, id, value);
    if (e.ok())
        e = tx.commit();
    if (e.failed()) {
        m_pending.insert(id, value);
        m_errors.insert(id, e.message());
        emitRowChanged(id);
        return false;
    }
    m_pending.remove(id);
    m_errors.remove(id);
    m_values.insert(id, storedValue(id));
    keepEditBase(id, m_values.value(id));
    emitRowChanged(id);
    updateVisibility();
    emit progressChanged();
    emit answerSaved(id);
    return true;
}

void ChecklistModel::beginEdit(int row)
{
    const QString id = questionAt(row).value(QStringLiteral("id")).toString();
    if (!id.isEmpty())
        m_editBase.insert(id, m_values.value(id));
}

void ChecklistModel::keepEditBase(const QString &questionId, const QString &value)
{
    if (m_editBase.contains(questionId))
        m_editBase.insert(questionId, value);
}

void ChecklistModel::updateVisibility()
{
    const QVariantMap byCode = answersByCode();
    QList<int> wanted;
    for (int i = 0; i < m_all.size(); ++i)
        if (ChecklistManager::isVisible(m_all.at(i).toMap(), byCode))
            wanted << i;
    if (wanted == m_visible)
        return;
    // Both lists are ordered subsets of m_all: walk them together.
    int row = 0;
    int w = 0;
    while (row < m_visible.size() || w < wanted.size()) {
        const int have = row < m_visible.size() ? m_visible.at(row) : INT_MAX;
        const int want = w < wanted.size() ? wanted.at(w) : INT_MAX;
        if (have == want) {
            ++row;
            ++w;
        } else if (have < want) {
            beginRemoveRows(QModelIndex(), row, row);
            m_visible.removeAt(row);
            endRemoveRows();
        } else {
            beginInsertRows(QModelIndex(), row, row);
            m_visible.insert(row, want);
            endInsertRows();
            ++row;
            ++w;
        }
    }
    emit countChanged();
}

QStringList ChecklistModel::missingQuestionIds() const
{
    QStringList out;
    for (int i : m_visible) {
        const QVariantMap q = m_all.at(i).toMap();
        if (q.value(QStringLiteral("required")).toBool() && !isAnswered(q))
            out << q.value(QStringLiteral("id")).toString();
    }
    return out;
}

void ChecklistModel::markMissing()
{
    for (const QString &id : missingQuestionIds()) {
        const bool photo = m_all.at(m_indexById.value(id)).toMap().value(QStringLiteral("kind")) ==
                           QLatin1String("photo");
        m_errors.insert(id, photo ? tr("Bắt buộc: hãy chụp hoặc chọn ít nhất một ảnh.")
                                  : tr("Bắt buộc: hãy trả lời câu hỏi này trước khi gửi."));
        emitRowChanged(id);
    }
}

bool ChecklistModel::isPicked(const QVariantMap &question)
{
    const QString kind = question.value(QStringLiteral("kind")).toString();
    return kind == QLatin1String("yes_no_na") || kind == QLatin1String("choice");
}

QString ChecklistModel::storedValue(const QString &questionId) const
{
    return m_inspections->answerValue(m_inspectionId, questionId);
}

void ChecklistModel::setShownValue(const QString &questionId, const QString &value)
{
    if (value.isEmpty())
        m_values.remove(questionId);
    else
        m_values.insert(questionId, value);
}

void ChecklistModel::refreshAnswers()
{
    if (m_inspectionId.isEmpty())
        return;
    const QVariantMap answers = m_inspections->answers(m_inspectionId);
    QStringList changed;
    for (auto it = m_indexById.constBegin(); it != m_indexById.constEnd(); ++it) {
        const QString &id = it.key();
        if (m_pending.contains(id))
            continue;
        const QString now = answers.value(id).toMap().value(QStringLiteral("value")).toString();
        if (now == m_values.value(id))
            continue;
        setShownValue(id, now);
        changed << id;
    }
    if (changed.isEmpty())
        return;
    for (const QString &id : std::as_const(changed))
        emitRowChanged(id);
    updateVisibility();
    emit progressChanged();
}

void ChecklistModel::refreshPhotos()
{
    if (!m_photos || m_inspectionId.isEmpty())
        return;
    QHash<QString, int> counts;
    for (const PhotoRecord &p : m_photos->photosForInspection(m_inspectionId))
        if (!p.questionId.isEmpty())
            counts[p.questionId] += 1;
    QSet<QString> touched;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        touched.insert(it.key());
    for (auto it = m_photoCounts.constBegin(); it != m_photoCounts.constEnd(); ++it)
        touched.insert(it.key());
    m_photoCounts = counts;
    for (const QString &id : touched) {
        if (counts.value(id) > 0 && m_errors.contains(id) && !m_pending.contains(id))
            m_errors.remove(id);
        emitRowChanged(id);
    }
    emit progressChanged();
}
