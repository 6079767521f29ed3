#pragma once

#include "coreerror.h"
#include "imagefacts.h"

#include <QByteArray>

// Decides from a photo's bytes whether the app takes it: a JPEG or PNG whose header Qt reads and,
// for a JPEG, whose compressed data ends with its end-of-image marker (a truncated file is
// refused). Reads headers only; the pixels are decoded by ThumbnailMaker.
class ImageInspector
{
public:
    static CoreError inspect(const QByteArray &bytes, ImageFacts *facts);

    // True when a JPEG's entropy-coded data is followed by the end-of-image marker. Data after that
    // marker (e.g. the video of a "motion photo") is allowed.
    static bool jpegComplete(const QByteArray &bytes);
};
