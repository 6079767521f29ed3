// SyncManager: the login's auth is stored with the pull's owner (registry and user); a login for
// another owner than the device last pulled for sets the pull cursor back to 0 in the same
// transaction, a login for the same one leaves it.
#include "syncmanager.h"
#include "synctestutil.h"

#include "database.h"

#include <QTemporaryDir>

using namespace synctest;

class TestSyncManager : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    static SyncAuth authOf(const QString &userId)
    {
        SyncAuth a;
        a.token = QStringLiteral("token-") + userId;
        a.userId = userId;
        a.username = userId + QStringLiteral(".demo");
        a.role = QStringLiteral("inspector");
        a.provinceId = QStringLiteral("p1");
        return a;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void setAuthFrom_data()
    {
        QTest::addColumn<QString>("firstServer");
        QTest::addColumn<QString>("firstUser");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("user");
        QTest::addColumn<bool>("reset");
        QTest::addColumn<bool>("epochKept");
        const QString a = QStringLiteral("https://ccn.example.invalid:8787");
        const QString b = QStringLiteral("https://127.0.0.1:8787");
        QTest::newRow("the same user again (a token that expired)")
            << a << "u1" << a << "u1" << false << true;
        QTest::newRow("another user on the tablet") << a << "u1" << a << "u2" << true << true;
        QTest::newRow("another registry, the same user id")
            << a << "u1" << b << "u1" << true << false;
        QTest::newRow("the first login (no owner yet)")
            << QString() << QString() << a << "u1" << false << true;
    }

    void setAuthFrom()
    {
        QFETCH(QString, firstServer);
        QFETCH(QString, firstUser);
        QFETCH(QString, server);
        QFETCH(QString, user);
        QFETCH(bool, reset);
        QFETCH(bool, epochKept);
        Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("d%1.db").arg(++m_n))).ok());
        SyncManager m(db.connection());
        bool wasReset = true;
        if (!firstServer.isEmpty()) {
            QVERIFY(m.setAuthFrom(firstServer, authOf(firstUser), &wasReset).ok());
            QVERIFY(!wasReset); // nobody pulled on this device before
        }
        QVERIFY(m.setPullCursor(4321).ok());
        QVERIFY(m.setValue(QStringLiteral("registry_epoch"), QStringLiteral("epoch-7")).ok());
        bool forgotten = true;
        QVERIFY(m.setAuthFrom(server, authOf(user), &wasReset, &forgotten).ok());
        QCOMPARE(wasReset, reset);
        QCOMPARE(forgotten, !epochKept);
        QCOMPARE(m.value(QStringLiteral("registry_epoch")),
                 epochKept ? QStringLiteral("epoch-7") : QString());
        QCOMPARE(m.pullCursor(), reset ? 0 : 4321);
        QCOMPARE(m.auth().userId, user);
        QCOMPARE(m.auth().token, QStringLiteral("token-") + user);
        // Stored: the same login once more changes nothing.
        QVERIFY(m.setPullCursor(99).ok());
        QVERIFY(m.setAuthFrom(server, authOf(user), &wasReset).ok());
        QVERIFY(!wasReset);
        QCOMPARE(m.pullCursor(), 99);
    }

    // The refused changes on a tablet that passed between users say whose each is: only the
    // user logged in may give theirs up (and those of no one known, made before anyone logged in).
    void refusedChangesSayWhoseTheyAre()
    {
        Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("whose.db"))).ok());
        QSqlDatabase c = db.connection();
        SyncManager m(c);
        const auto unit = [](const char *id) {
            return QJsonObject{{"do", "insert"},
                               {"table", "admin_units"},
                               {"values", QJsonObject{{"id", id},
                                                      {"code", id},
                                                      {"name", "Tỉnh"},
                                                      {"level", "province"},
                                                      {"level_label", "Tỉnh"},
                                                      {"valid_from", "2025-07-01"}}}};
        };
        QString why;
        QVERIFY2(runSteps(c, {unit("p0")}, &why), qPrintable(why));
        QVERIFY(m.setAuthor(QStringLiteral("user-a"), QStringLiteral("a.inspector")).ok());
        QVERIFY2(runSteps(c, {unit("p1")}, &why), qPrintable(why));
        QVERIFY(m.setAuthor(QStringLiteral("user-b"), QStringLiteral("b.inspector")).ok());
        QVERIFY2(runSteps(c, {unit("p2"), QJsonObject{{"do", "reject_all"}}}, &why),
                 qPrintable(why));
        QStringList whose;
        for (const QVariant &v : m.rejectedChanges()) {
            const QVariantMap r = v.toMap();
            whose << r.value("rowId").toString() + (r.value("mine").toBool() ? " mine" : " ") +
                         r.value("author").toString();
        }
        QCOMPARE(whose, (QStringList{"p0 mine", "p1 a.inspector", "p2 mine"}));
    }
};

QTEST_GUILESS_MAIN(TestSyncManager)
#include "tst_syncmanager.moc"
