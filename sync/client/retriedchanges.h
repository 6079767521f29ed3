#pragma once

#include "coreerror.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

// Refused outbox entries made eligible again ("Gửi lại", or those that waited for another row).
// While an entry was refused the pull wrote the registry's values over its fields (a refused
// change holds nothing back), so before it goes again its own values are put back into the row,
// in the same transaction: the tablet shows what it sends, and once the registry stores it as
// sent (the push's `own`, which the pull then skips) the row holds it. A field a later entry of the
// same row carries keeps the row's value (that later edit is newer). The outbox's triggers stay
// out of it: nothing new is to be sent.
class RetriedChanges
{
public:
    // The entries `where` names (SQL over outbox, with `binds`) get rejected_code and
    // rejected_message cleared, and waiting_since too when `clearWaiting`. *count: how many.
    static CoreError retry(QSqlDatabase db, const QString &where, const QVariantList &binds,
                           bool clearWaiting, int *count);
};
