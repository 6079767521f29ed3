#pragma once

#include "coreerror.h"

// Process-wide settings of the SQLite library, made once before its first connection opens
// (sqlite3_config refuses them afterwards). Database and RegistryStore (SQLite) call configure()
// before they open one; calling it again does nothing.
// - Memory statistics off (SQLITE_CONFIG_MEMSTATUS): with them on, every allocation SQLite makes
//   takes a global mutex to count itself; writing 200,000 answer rows spent ~10 % of its time
//   there. Nothing here reads the statistics (sqlite3_memory_used, sqlite3_status and the heap
//   limits stop working without them).
class SqliteLibrary
{
public:
    // Fails (with the reason) when SQLite was already in use before the first call: the library
    // then runs with its defaults, which is slower but correct. Only the first call says so (a
    // caller that logs the failure logs it once); later calls return no error.
    static CoreError configure();
};
