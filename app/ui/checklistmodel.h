#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QSet>
#include <QVariantList>
#include <QVariantMap>

class ChecklistManager;
class InspectionManager;
class PhotoManager;

// The visible questions of one inspection's checklist as a flat list (section title per row, for
// ListView sections). setValue() saves the answer at once through InspectionManager; a value the
// question refuses is kept on screen with its error next to the field, and the stored answer stays
// as it was. Show-if rules are re-evaluated after each saved answer: rows are inserted or removed,
// never reset, so the field being edited keeps its focus.
class ChecklistModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(QString inspectionId READ inspectionId NOTIFY loaded)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int answeredCount READ answeredCount NOTIFY progressChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QStringList sectionTitles READ sectionTitles NOTIFY loaded)
public:
    enum Role {
        QuestionIdRole = Qt::UserRole,
        CodeRole,
        TextRole,
        KindRole,
        UnitRole,
        ChoicesRole,
        RequiredRole,
        ValueRole,
        ErrorRole,
        SectionTitleRole,
        SectionIndexRole,
        LegalBasisRole,
        MinValueRole,
        MaxValueRole,
        PhotoCountRole,
        AnsweredRole,
    };
    Q_ENUM(Role)

    ChecklistModel(InspectionManager *inspections, ChecklistManager *checklists,
                   PhotoManager *photos, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString inspectionId() const { return m_inspectionId; }
    int answeredCount() const;
    double progress() const;
    QStringList sectionTitles() const;

    void load(const QString &inspectionId);
    void clear();

    // Saves the value of the question in `row`; false (and the error on the row) when refused.
    // Refused too, once, when a sync round wrote another value since the user started from
    // theirs (the value the row showed, or the one when beginEdit was called) and the user's
    // differs from it: the row then shows the value now (a typed answer stays as typed) and the
    // next save writes the user's. A typed value the user left as they found it writes nothing:
    // the row shows the value now.
    Q_INVOKABLE bool setValue(int row, const QString &value);
    // The user starts typing in the row's field: what they start from is the value it shows now,
    // whatever a round brings before they save (refreshAnswers updates the row, not their field).
    Q_INVOKABLE void beginEdit(int row);
    Q_INVOKABLE bool setValueFor(const QString &questionId, const QString &value);
    Q_INVOKABLE int rowOf(const QString &questionId) const;
    Q_INVOKABLE int rowOfCode(const QString &code) const;
    // The first row of a section (for jumping to it), -1 when none is visible.
    Q_INVOKABLE int firstRowOfSection(int sectionIndex) const;
    Q_INVOKABLE QVariantMap get(int row) const;

    // Visible required questions without an answer (photo questions: without a photo).
    QStringList missingQuestionIds() const;
    // Puts "required" errors on those rows (after a refused submit).
    void markMissing();
    // Re-reads the photo counts (after a photo was attached or removed).
    void refreshPhotos();
    // Reads the answers again (a sync round brought a teammate's): the rows whose value changed
    // are updated, questions they show or hide come and go, and the rows keep their place. A
    // field the user is typing in keeps their text (QuestionDelegate), and the save compares
    // with what they started from (beginEdit). An input the app refused, still on screen, stays.
    void refreshAnswers();

signals:
    void loaded();
    void countChanged();
    void progressChanged();
    void answerSaved(const QString &questionId);

private:
    // An answer picked with one tap (yes/no/not applicable, a choice), not typed.
    static bool isPicked(const QVariantMap &question);
    // The answer's value as the database holds it now.
    QString storedValue(const QString &questionId) const;
    // The value the row shows (none for an empty one).
    void setShownValue(const QString &questionId, const QString &value);
    // Moves the value a typed field's user started from, while they are in it (beginEdit).
    void keepEditBase(const QString &questionId, const QString &value);
    QVariantMap questionAt(int row) const;
    bool isAnswered(const QVariantMap &question) const;
    QVariantMap answersByCode() const;
    void updateVisibility();
    void emitRowChanged(const QString &questionId);

    InspectionManager *m_inspections;
    ChecklistManager *m_checklists;
    PhotoManager *m_photos;
    QString m_inspectionId;
    QVariantList m_all;                 // every question of the template, in order
    QHash<QString, int> m_indexById;    // question id -> index in m_all
    QList<int> m_visible;               // indexes into m_all
    QHash<QString, QString> m_values;   // stored answers
    QHash<QString, QString> m_pending;  // refused input kept on screen
    QHash<QString, QString> m_editBase; // question id -> the stored value its user started from
    QHash<QString, QString> m_errors;
    QHash<QString, int> m_photoCounts;
    QStringList m_sections;
};
