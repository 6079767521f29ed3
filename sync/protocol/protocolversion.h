#pragma once

// Version of the sync payloads. A registry refuses a device whose protocol or schema is too old.
class ProtocolVersion
{
public:
    static constexpr int current = 1;
};
