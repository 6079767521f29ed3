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
    // Rows per pull page: registries accept up to 10,000 (fewer, longer transactions on the
    // device: its pull took 765-1,068 ms instead of 843-1,277 with 5,000); registries before
    // that refused a limit above 5,000 (400), and the client asks for 5,000 once one has.
    static constexpr int maxPullLimit = 10000;
    static constexpr int olderMaxPullLimit = 5000;
    static constexpr qint64 maxBodyBytes = 16 * 1024 * 1024;
    // A pull page ends at the row that brings its rows' text to this much, whatever the limit
    // (it always holds one row): 10,000 rows with long notes would otherwise make a page of
    // hundreds of MB for a tablet to hold in memory.
    static constexpr qint64 maxPullPageRowBytes = 8 * 1024 * 1024;
    static constexpr qint64 maxPhotoChunkBytes = 1024 * 1024;
};
