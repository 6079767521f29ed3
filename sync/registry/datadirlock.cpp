#include "datadirlock.h"

#include <QDir>
#include <QObject>
#include <QSysInfo>

DataDirLock::DataDirLock(const QString &dataDir)
    : m_path(QDir(dataDir).filePath(QStringLiteral("registry.lock"))), m_file(m_path)
{
    // A server holds the lock for days: never take it over by its age, only when the process
    // that wrote it is gone (QLockFile checks the PID on this host).
    m_file.setStaleLockTime(0);
}

CoreError DataDirLock::tryLock()
{
    m_holder.clear();
    if (m_file.tryLock(0))
        return {};
    if (m_file.error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host, app;
        if (m_file.getLockInfo(&pid, &host, &app))
            m_holder = host.isEmpty() || host == QSysInfo::machineHostName()
                           ? QString::number(pid)
                           : QObject::tr("%1 trên máy %2").arg(pid).arg(host);
        return {CoreError::Code::NotEditable,
                QObject::tr("Thư mục dữ liệu đang được một máy chủ ccn-registry dùng (tệp khóa "
                            "%1, tiến trình %2).")
                    .arg(m_path, m_holder.isEmpty() ? QObject::tr("không rõ") : m_holder)};
    }
    return {CoreError::Code::Io,
            QObject::tr("Không tạo được tệp khóa %1. Hãy cho --data-dir một thư mục mà người "
                        "dùng này được ghi.")
                .arg(m_path)};
}
