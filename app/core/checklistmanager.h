#pragma once

#include "coreerror.h"

#include <QSqlDatabase>
#include <QVariantList>
#include <QVariantMap>

// Reads versioned checklist templates and checks answers against their questions.
// A template is returned as {id, code, version, title, sections: [{id, title, questions: [...]}]};
// a question as its row (id, code, text, kind, unit, choices, required, min_value, max_value,
// show_if_code, show_if_value, legal_basis).
class ChecklistManager
{
public:
    explicit ChecklistManager(QSqlDatabase db);

    // The newest version of the template with this code (default: the province's default).
    QString newestTemplateId(const QString &code = QString()) const;
    QVariantMap checklistTemplate(const QString &templateId) const;
    QVariantList questions(const QString &templateId) const;
    QVariantMap question(const QString &questionId) const;

    // Whether a question is shown, given the answers so far (question code -> value).
    static bool isVisible(const QVariantMap &question, const QVariantMap &answersByCode);
    // Checks one value for one question; returns the value normalised for storage in `stored`
    // (numbers in C locale, trimmed text). An empty value is always accepted (it clears).
    static CoreError validate(const QVariantMap &question, const QString &value, QString *stored);
    static constexpr int maxTextLength = 4000;

private:
    QSqlDatabase m_db;
};
