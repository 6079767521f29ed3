#pragma once

struct sqlite3;

// The connection's triggers off while it lives (TEMP triggers still fire: SQLite 3.35+), then
// as they were. Turning them off or on makes SQLite prepare the connection's statements again at
// their next use. Nothing happens when `off` is false or the handle is null.
class TriggersOff
{
public:
    TriggersOff(sqlite3 *db, bool off);
    ~TriggersOff();
    TriggersOff(const TriggersOff &) = delete;
    TriggersOff &operator=(const TriggersOff &) = delete;

private:
    sqlite3 *m_db;
    int m_was = 1;
};
