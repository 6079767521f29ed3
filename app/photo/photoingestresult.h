#pragma once

#include "photorecord.h"

#include <QStringList>

// What PhotoManager did with a photo it accepted.
class PhotoIngestResult
{
public:
    PhotoRecord record;      // the photos row (new, or the existing one for the same link)
    bool newContent = false; // the original was not in the store before
    bool newLink = false;    // a photos row was written (false: already linked to this slot)
    QStringList warnings;    // for the user: metadata that was missing or ignored
};
