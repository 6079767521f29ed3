#pragma once

#include <QString>

// Text as the device stores it in a synced table: what the registry can take back. A NUL
// (U+0000, which PostgreSQL's text cannot hold and the registry refuses) is removed, and half of a
// UTF-16 pair (which has no UTF-8 form) becomes U+FFFD; everything else is kept as typed. Such
// characters come only from pasted text; what is stored is what the app shows from then on.
class StoredText
{
public:
    static QString cleaned(const QString &text);
    // Whether cleaned() would change `text`.
    static bool needsCleaning(const QString &text);
};
