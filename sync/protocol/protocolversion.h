#pragma once

#include <QtGlobal>

// Version of the sync payloads. A registry refuses a device whose protocol or schema is too old.
class ProtocolVersion
{
public:
    // The payload version this build writes (the `protocol` member of every payload).
    static constexpr int current = 2;
    // The oldest payload version the registry accepts (426 update_required below it).
    static constexpr int minimumAccepted = 2;
    // The oldest payload version that may pull (pages are written in runs since version 2).
    static constexpr int minimumPull = 2;
    // The oldest device schema version (header X-CCN-Schema) the registry accepts.
    static constexpr int minimumDeviceSchema = 2;
    // Caps shared by both sides (see PROTOCOL.md).
    static constexpr int maxChangesPerPush = 5000;
    static constexpr int maxPullLimit = 5000;
    static constexpr qint64 maxBodyBytes = 16 * 1024 * 1024;
    static constexpr qint64 maxPhotoChunkBytes = 1024 * 1024;
};
