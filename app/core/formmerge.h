#pragma once

#include <QVariantMap>

// What a form saves, field by field, against what it showed when it was loaded and what the row
// holds now. A sync round may bring a teammate's value into the row while the form is open: a
// field the user did not touch must not write the form's old copy over it (the outbox would send
// it as the user's edit, made on the version that already held the teammate's value, and the
// registry would store it in silence), and a field both changed is the user's to look at again,
// not to overwrite unseen.
class FormMerge
{
public:
    struct Result {
        QVariantMap write;        // fields the user changed, to write
        QVariantMap changedUnder; // field -> the row's value now: changed by someone else while
                                  // the user changed it too; not written
    };

    // For each field of `form`: not in `loaded` -> written; as loaded -> left out (the row keeps
    // what it holds now); changed, and the row changed since loading to another value -> in
    // changedUnder; otherwise written. Null and empty text are the same value; others compare as
    // text (a number as the form's text and as the row's integer).
    static Result merge(const QVariantMap &form, const QVariantMap &loaded, const QVariantMap &now);
    // A round wrote the row while the form is open: each field of `form` the user left as loaded
    // that the row holds another value of now is followed: `loaded` takes the row's value (the
    // next merge compares with it), and the field is returned with it, for the form to show.
    // A field the user changed stays theirs (merge names the row's value when it is saved).
    static QVariantMap follow(const QVariantMap &form, QVariantMap *loaded, const QVariantMap &now);
    static bool same(const QVariant &a, const QVariant &b);
};
