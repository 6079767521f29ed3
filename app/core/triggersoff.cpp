#include "triggersoff.h"

#include <sqlite3.h>

TriggersOff::TriggersOff(sqlite3 *db, bool off) : m_db(off ? db : nullptr)
{
    if (m_db && sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_TRIGGER, -1, &m_was) == SQLITE_OK)
        sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    else
        m_db = nullptr;
}

TriggersOff::~TriggersOff()
{
    if (m_db)
        sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_TRIGGER, m_was, nullptr);
}
