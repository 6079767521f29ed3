#include "sqlitelibrary.h"

#include <QObject>

#include <mutex>
#include <sqlite3.h>

CoreError SqliteLibrary::configure()
{
    static std::once_flag once;
    int result = SQLITE_OK;
    std::call_once(once, [&result] { result = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
    if (result == SQLITE_OK)
        return {};
    return {CoreError::Code::Sql,
            QObject::tr("Không đặt được cấu hình SQLite (mã %1: %2); SQLite chạy với cấu hình mặc "
                        "định.")
                .arg(result)
                .arg(QString::fromUtf8(sqlite3_errstr(result)))};
}
