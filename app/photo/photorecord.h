#pragma once

#include <QString>
#include <QtGlobal>

// One row of the photos table (schema/app/001_initial.sql) as the core hands it out.
// Unknown numbers are NaN (lat, lon, accuracyM), an unknown time is 0.
class PhotoRecord
{
public:
    enum class Source { Camera, File };

    static QString sourceName(Source s)
    {
        return s == Source::Camera ? QStringLiteral("camera") : QStringLiteral("file");
    }

    QString id;
    QString sha256;
    QString inspectionId;
    QString violationId;
    QString questionId;
    QString caption;
    qint64 takenAt = 0;
    double latitude = qQNaN();
    double longitude = qQNaN();
    double accuracyM = qQNaN();
    Source source = Source::File;
    int width = 0;  // upright (EXIF orientation applied)
    int height = 0; // upright
    qint64 byteSize = 0;
    QString mime;
};
