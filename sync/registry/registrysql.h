#pragma once

#include "coreerror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QVarLengthArray>
#include <QVariant>

class QSqlQuery;
struct sqlite3_stmt;

// What RegistryStore and its parts (RegistryAccounts, RegistryScope, RegistryRecords,
// RegistryPush, RegistryPull, RegistryConflicts) share to read and write the registry's tables:
// statements run through QtSql or SQLite's own API, stored JSON text, stored times.
class RegistrySql
{
public:
    static qint64 now();
    static QJsonObject parseObject(const QString &s);
    // A conflict record's value as its columns hold it, {"v": value}, and back (NULL: null).
    static QString boxed(const QJsonValue &v);
    static QJsonValue unboxed(const QVariant &column);
    // Binds and runs; on failure fills *error with the database's message.
    static bool run(QSqlQuery &q, const QString &sql, const QVariantList &binds,
                    QString *error = nullptr);
    // A read the database could not answer (*error from run()): said as such, never as
    // "nothing there" (an empty list, an unknown token, a wrong password).
    static CoreError readFailed(const QString &error);
    static QVariant nullable(const QString &s);
    // "?,?,?": the placeholders of an IN list of n values.
    static QString marks(qsizetype n);
    // Whether `entry` goes in a list whose entries so far take *bytes of text (compact JSON),
    // without taking it past maxBytes; the first entry always does. Adds its size when it does.
    static bool fitsList(const QJsonObject &entry, qsizetype *bytes, qsizetype maxBytes,
                         bool first);
    // Binds `t` to parameter `index` as UTF-8, the database's encoding (bound as UTF-16, SQLite
    // would convert it at every step); `keep` holds the bytes until the statement has run. Text
    // that is not valid UTF-16 (half of a pair) goes in as UTF-16, for SQLite to convert as QtSql
    // had it.
    static int bindText(sqlite3_stmt *st, int index, const QString &t,
                        QVarLengthArray<QByteArray, 16> *keep);
    // Binds `v` to parameter `index` as QtSql would: NULL for a null variant, QString or
    // QByteArray; a QByteArray as the UTF-8 text it holds (JSON text: the same bytes SQLite made
    // of its QString); a QString through bindText; a double as a double, anything else as an
    // integer. `keep` holds the bytes until the statement has run; the variant must live as long.
    static int bindVariant(sqlite3_stmt *st, int index, const QVariant &v,
                           QVarLengthArray<QByteArray, 16> *keep);
};
