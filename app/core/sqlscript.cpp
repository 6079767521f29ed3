#include "sqlscript.h"

#include <QFile>
#include <QObject>
#include <QSqlError>
#include <QSqlQuery>

QStringList SqlScript::split(const QString &sql)
{
    QStringList out;
    QString current;
    bool inTrigger = false;
    const QStringList lines = sql.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("--")) || trimmed.isEmpty())
            continue;
        if (trimmed.startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive))
            inTrigger = true;
        current += line + QLatin1Char('\n');
        const bool ends = inTrigger
                              ? trimmed.compare(QLatin1String("END;"), Qt::CaseInsensitive) == 0
                              : trimmed.endsWith(QLatin1Char(';'));
        if (ends) {
            out << current.trimmed();
            current.clear();
            inTrigger = false;
        }
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

CoreError SqlScript::run(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    for (const QString &stmt : split(sql)) {
        if (!q.exec(stmt))
            return {CoreError::Code::Sql,
                    QObject::tr("Lệnh SQL lỗi: %1 (%2)").arg(q.lastError().text(), stmt.left(120))};
    }
    return {};
}

CoreError SqlScript::runFile(QSqlDatabase &db, const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {CoreError::Code::Io, QObject::tr("Không đọc được tệp %1").arg(path)};
    return run(db, QString::fromUtf8(f.readAll()));
}
