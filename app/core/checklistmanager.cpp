#include "checklistmanager.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QObject>
#include <QSqlQuery>
#include <QSqlRecord>

namespace {
QVariantMap rowToMap(const QSqlQuery &q)
{
    QVariantMap m;
    const QSqlRecord r = q.record();
    for (int i = 0; i < r.count(); ++i)
        m.insert(r.fieldName(i), q.value(i));
    return m;
}

QVariantMap withChoices(QVariantMap question)
{
    const QByteArray json = question.value(QStringLiteral("choices_json")).toString().toUtf8();
    QVariantList choices;
    if (!json.isEmpty())
        choices = QJsonDocument::fromJson(json).array().toVariantList();
    question.insert(QStringLiteral("choices"), choices);
    question.insert(QStringLiteral("required"),
                    question.value(QStringLiteral("required")).toInt() != 0);
    return question;
}

bool parseNumber(const QString &text, double *out)
{
    QString t = text.trimmed();
    t.remove(QLatin1Char(' '));
    bool ok = false;
    double v = QLocale::c().toDouble(t, &ok);
    if (!ok) {
        // Vietnamese writes 12,5 for 12.5.
        v = QLocale(QLocale::Vietnamese).toDouble(t, &ok);
        if (!ok && t.count(QLatin1Char(',')) == 1 && !t.contains(QLatin1Char('.')))
            v = QLocale::c().toDouble(QString(t).replace(QLatin1Char(','), QLatin1Char('.')), &ok);
    }
    if (ok && !qIsFinite(v))
        ok = false;
    if (ok)
        *out = v;
    return ok;
}
} // namespace

ChecklistManager::ChecklistManager(QSqlDatabase db) : m_db(std::move(db)) {}

QString ChecklistManager::newestTemplateId(const QString &code) const
{
    QSqlQuery q(m_db);
    if (code.isEmpty()) {
        q.exec(QStringLiteral("SELECT id FROM checklist_templates WHERE deleted_at IS NULL "
                              "ORDER BY published_on DESC, version DESC LIMIT 1"));
    } else {
        q.prepare(QStringLiteral("SELECT id FROM checklist_templates WHERE code = ? AND deleted_at "
                                 "IS NULL ORDER BY version DESC LIMIT 1"));
        q.addBindValue(code);
        q.exec();
    }
    return q.next() ? q.value(0).toString() : QString();
}

QVariantMap ChecklistManager::checklistTemplate(const QString &templateId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT id, code, version, title, legal_basis FROM checklist_templates WHERE id = ?"));
    q.addBindValue(templateId);
    if (!q.exec() || !q.next())
        return {};
    QVariantMap tpl = rowToMap(q);
    QVariantList sections;
    QSqlQuery s(m_db);
    s.prepare(
        QStringLiteral("SELECT id, title, position FROM checklist_sections WHERE template_id = ? "
                       "AND deleted_at IS NULL ORDER BY position"));
    s.addBindValue(templateId);
    s.exec();
    const QVariantList all = questions(templateId);
    while (s.next()) {
        QVariantMap section = rowToMap(s);
        QVariantList qs;
        for (const QVariant &v : all)
            if (v.toMap().value(QStringLiteral("section_id")) ==
                section.value(QStringLiteral("id")))
                qs << v;
        section.insert(QStringLiteral("questions"), qs);
        sections << section;
    }
    tpl.insert(QStringLiteral("sections"), sections);
    return tpl;
}

QVariantList ChecklistManager::questions(const QString &templateId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT q.*, s.title AS section_title, s.position AS section_position FROM "
        "checklist_questions q JOIN checklist_sections s ON s.id = q.section_id WHERE "
        "s.template_id = ? "
        "AND q.deleted_at IS NULL AND s.deleted_at IS NULL ORDER BY s.position, q.position"));
    q.addBindValue(templateId);
    q.exec();
    QVariantList out;
    while (q.next())
        out << withChoices(rowToMap(q));
    return out;
}

QVariantMap ChecklistManager::question(const QString &questionId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT * FROM checklist_questions WHERE id = ?"));
    q.addBindValue(questionId);
    if (!q.exec() || !q.next())
        return {};
    return withChoices(rowToMap(q));
}

bool ChecklistManager::isVisible(const QVariantMap &question, const QVariantMap &answersByCode)
{
    const QString code = question.value(QStringLiteral("show_if_code")).toString();
    if (code.isEmpty())
        return true;
    return answersByCode.value(code).toString() ==
           question.value(QStringLiteral("show_if_value")).toString();
}

CoreError ChecklistManager::validate(const QVariantMap &question, const QString &value,
                                     QString *stored)
{
    const QString kind = question.value(QStringLiteral("kind")).toString();
    const QString label = question.value(QStringLiteral("text")).toString();
    const QString v = value.trimmed();
    if (v.isEmpty()) {
        *stored = QString();
        return {};
    }
    auto invalid = [&](const QString &why) {
        return CoreError(CoreError::Code::InvalidInput, QStringLiteral("%1: %2").arg(label, why));
    };
    if (kind == QLatin1String("yes_no_na")) {
        if (v != QLatin1String("yes") && v != QLatin1String("no") && v != QLatin1String("na"))
            return invalid(QObject::tr("chỉ chọn Có, Không hoặc Không áp dụng."));
        *stored = v;
        return {};
    }
    if (kind == QLatin1String("number") || kind == QLatin1String("percentage")) {
        double n = 0;
        if (!parseNumber(v, &n))
            return invalid(QObject::tr("“%1” không phải là số.").arg(v.left(40)));
        QVariant minV = question.value(QStringLiteral("min_value"));
        QVariant maxV = question.value(QStringLiteral("max_value"));
        if (kind == QLatin1String("percentage")) {
            if (minV.isNull())
                minV = 0.0;
            if (maxV.isNull())
                maxV = 100.0;
        }
        const QString unit = kind == QLatin1String("percentage")
                                 ? QStringLiteral("%")
                                 : question.value(QStringLiteral("unit")).toString();
        if (!minV.isNull() && n < minV.toDouble())
            return invalid(QObject::tr("giá trị phải từ %1 %2 trở lên.")
                               .arg(QLocale(QLocale::Vietnamese).toString(minV.toDouble()), unit));
        if (!maxV.isNull() && n > maxV.toDouble())
            return invalid(QObject::tr("giá trị không được vượt quá %1 %2.")
                               .arg(QLocale(QLocale::Vietnamese).toString(maxV.toDouble()), unit));
        *stored = QLocale::c().toString(n, 'g', 15);
        return {};
    }
    if (kind == QLatin1String("choice")) {
        const QVariantList choices = question.value(QStringLiteral("choices")).toList();
        for (const QVariant &c : choices) {
            if (c.toMap().value(QStringLiteral("value")).toString() == v) {
                *stored = v;
                return {};
            }
        }
        return invalid(QObject::tr("hãy chọn một trong các lựa chọn có sẵn."));
    }
    if (kind == QLatin1String("text") || kind == QLatin1String("photo")) {
        if (v.size() > maxTextLength)
            return invalid(QObject::tr("nội dung quá dài (%1 ký tự, tối đa %2).")
                               .arg(v.size())
                               .arg(maxTextLength));
        *stored = v;
        return {};
    }
    return invalid(QObject::tr("loại câu hỏi không được hỗ trợ (%1).").arg(kind));
}
