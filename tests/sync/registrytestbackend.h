#pragma once

// Selects the storage a registry test runs against: SQLite in a temporary directory, or, when
// CCN_TEST_BACKEND=postgres, a fresh PostgreSQL database created for this run on the server in
// CCN_TEST_PG_URL (and dropped afterwards). The PostgreSQL variant fails, never skips, when the
// URL is missing: CI always provides it (scripts/test.sh).
#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QUrl>
#include <QtGlobal>

class RegistryTestBackend
{
public:
    static bool wantsPostgres() { return qgetenv("CCN_TEST_BACKEND") == "postgres"; }

    // Empty URL = SQLite. On failure *error says why.
    bool setUp(QString *url, QString *error)
    {
        url->clear();
        if (!wantsPostgres())
            return true;
        const QString base = qEnvironmentVariable("CCN_TEST_PG_URL");
        if (base.isEmpty()) {
            *error = QStringLiteral("CCN_TEST_BACKEND=postgres but CCN_TEST_PG_URL is not set "
                                    "(source scripts/pg-throwaway.sh; pg_throwaway_start)");
            return false;
        }
        m_base = QUrl(base);
        m_name = QStringLiteral("ccn_t_%1_%2")
                     .arg(QCoreApplication::applicationPid())
                     .arg(QRandomGenerator::global()->generate() % 1000000);
        if (!admin(QStringLiteral("CREATE DATABASE %1").arg(m_name), error))
            return false;
        QUrl u = m_base;
        u.setPath(QLatin1Char('/') + m_name);
        *url = u.toString();
        return true;
    }

    // PostgreSQL: the database dropped and created again, empty (a restore goes into it).
    bool recreate(QString *error)
    {
        return admin(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name),
                     error) &&
               admin(QStringLiteral("CREATE DATABASE %1").arg(m_name), error);
    }

    void tearDown()
    {
        if (m_name.isEmpty())
            return;
        QString ignored;
        admin(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name), &ignored);
        m_name.clear();
    }

    // A QPSQL connection `name` to the database at `url`, opened (see isOpen() and lastError()).
    static QSqlDatabase connect(const QString &name, const QUrl &url)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        db.open();
        return db;
    }

private:
    bool admin(const QString &sql, QString *error)
    {
        const QString conn = QStringLiteral("ccn-test-admin");
        bool ok = false;
        {
            QSqlDatabase db = connect(conn, m_base);
            if (!db.isOpen()) {
                *error = db.lastError().text();
            } else {
                QSqlQuery q(db);
                ok = q.exec(sql);
                if (!ok)
                    *error = q.lastError().text();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(conn);
        return ok;
    }

    QUrl m_base;
    QString m_name;
};
