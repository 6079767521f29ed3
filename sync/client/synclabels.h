#pragma once

#include <QCoreApplication>
#include <QString>

// What the sync page calls a synced table and a change's operation, in the user's words: a
// refused change or a conflict record says "Số liệu tiến độ (sửa)", not "progress_readings
// (update)", and "Cuộc kiểm tra · Kết luận và kiến nghị", not "inspections · conclusions". A name
// it does not know (a table of a newer registry) is shown as it is.
class SyncLabels
{
    Q_DECLARE_TR_FUNCTIONS(SyncLabels)

public:
    static QString entity(const QString &table);
    // A column of a synced table (one label per name: "status" is the status of whatever row).
    static QString field(const QString &column);
    static QString op(const QString &op);
};
