#pragma once

#include <QCoreApplication>
#include <QVariantList>
#include <QVariantMap>

// What the inspection's forms (a violation's, a participant's, the minutes' texts) share around
// a save merged with what a sync round wrote meanwhile (FormMerge): the row a form shows, the
// record of what it shows after a save, and the reply that names a field a round changed while
// the user changed it too.
class FormReply
{
    Q_DECLARE_TR_FUNCTIONS(FormReply)
public:
    // The row with `id` among `rows` (a list of this inspection's rows), or an empty map.
    static QVariantMap rowIn(const QVariantList &rows, const QString &id);
    // Why a field was not written: a sync round brought `now` while the user changed it too.
    static QString changedUnderMessage(const QString &now);
    // After a form's save: what the form now shows, field by field (what it wrote, and the values
    // its user was told of), into `shown`.
    static void rememberShown(QVariantMap *shown, const QVariantMap &written,
                              const QVariantMap &toldOf);
    // A form's save that wrote what it could and left `errors` (field -> changedUnderMessage).
    static QVariantMap changedUnderReply(const QString &id, const QVariantMap &errors);
    // A form's save that wrote nothing: {ok: false, errors, message}.
    static QVariantMap refused(const QString &message, const QVariantMap &errors = {});
    // refused() for fields refused beside them (`errors`: field -> why), saying so.
    static QVariantMap fieldsRefused(const QVariantMap &errors);
    // A form's save that wrote all it was given: {ok: true, errors: {}}, with the row's id when
    // there is one.
    static QVariantMap saved(const QString &id = {});
};
