#include "registrysql.h"

#include "compactjson.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

qint64 RegistrySql::now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QJsonObject RegistrySql::parseObject(const QString &s)
{
    return QJsonDocument::fromJson(s.toUtf8()).object();
}

bool RegistrySql::fitsList(const QJsonObject &entry, qsizetype *bytes, qsizetype maxBytes,
                           bool first)
{
    const qsizetype size = CompactJson::object(entry).size();
    if (!first && *bytes + size > maxBytes)
        return false;
    *bytes += size;
    return true;
}

QString RegistrySql::boxed(const QJsonValue &v)
{
    return QString::fromUtf8(CompactJson::object(QJsonObject{{QStringLiteral("v"), v}}));
}

QJsonValue RegistrySql::unboxed(const QVariant &column)
{
    if (column.isNull())
        return QJsonValue::Null;
    return parseObject(column.toString()).value(QLatin1String("v"));
}

bool RegistrySql::run(QSqlQuery &q, const QString &sql, const QVariantList &binds, QString *error)
{
    if (!q.prepare(sql)) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

CoreError RegistrySql::readFailed(const QString &error)
{
    return {CoreError::Code::Sql,
            QObject::tr("Không đọc được cơ sở dữ liệu của máy chủ: %1").arg(error)};
}

QString RegistrySql::marks(qsizetype n)
{
    QStringList m;
    m.fill(QStringLiteral("?"), n);
    return m.join(QLatin1Char(','));
}

QVariant RegistrySql::nullable(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

int RegistrySql::bindText(sqlite3_stmt *st, int index, const QString &t,
                          QVarLengthArray<QByteArray, 16> *keep)
{
    if (!t.isValidUtf16())
        return sqlite3_bind_text16(st, index, t.utf16(), int(t.size() * sizeof(QChar)),
                                   SQLITE_STATIC);
    keep->append(t.toUtf8());
    const QByteArray &b = keep->last();
    return sqlite3_bind_text(st, index, b.isEmpty() ? "" : b.constData(), int(b.size()),
                             SQLITE_STATIC);
}

int RegistrySql::bindVariant(sqlite3_stmt *st, int index, const QVariant &v,
                             QVarLengthArray<QByteArray, 16> *keep)
{
    if (v.isNull() ||
        (v.typeId() == QMetaType::QString &&
         static_cast<const QString *>(v.constData())->isNull()) ||
        (v.typeId() == QMetaType::QByteArray &&
         static_cast<const QByteArray *>(v.constData())->isNull()))
        return sqlite3_bind_null(st, index);
    if (v.typeId() == QMetaType::QByteArray) {
        const QByteArray &b = *static_cast<const QByteArray *>(v.constData());
        return sqlite3_bind_text(st, index, b.constData(), int(b.size()), SQLITE_STATIC);
    }
    if (v.typeId() == QMetaType::QString)
        return bindText(st, index, *static_cast<const QString *>(v.constData()), keep);
    if (v.typeId() == QMetaType::Double)
        return sqlite3_bind_double(st, index, v.toDouble());
    return sqlite3_bind_int64(st, index, v.toLongLong());
}
