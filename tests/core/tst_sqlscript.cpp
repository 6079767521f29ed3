#include "sqlscript.h"

#include <QtTest>

class TestSqlScript : public QObject
{
    Q_OBJECT
private slots:
    void splitsStatementsAndKeepsTriggersWhole()
    {
        const QString sql = QStringLiteral(
            "-- comment\nCREATE TABLE a(x);\n\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
            "  INSERT INTO a VALUES (1);\n  INSERT INTO a VALUES (2);\nEND;\n"
            "INSERT INTO a VALUES ('x;y');");
        const QStringList parts = SqlScript::split(sql);
        QCOMPARE(parts.size(), 3);
        QVERIFY(parts.at(1).startsWith(QStringLiteral("CREATE TRIGGER")));
        QVERIFY(parts.at(1).endsWith(QStringLiteral("END;")));
    }
    void stopsAtTheFirstError()
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("s"));
        db.setDatabaseName(QStringLiteral(":memory:"));
        QVERIFY(db.open());
        const CoreError e = SqlScript::run(
            db,
            QStringLiteral("CREATE TABLE a(x);\nINSERT INTO b VALUES (1);\nCREATE TABLE c(x);"));
        QCOMPARE(e.code(), CoreError::Code::Sql);
        QVERIFY(e.message().contains(QStringLiteral("INSERT INTO b")));
        QVERIFY(!db.tables().contains(QStringLiteral("c")));
        QCOMPARE(SqlScript::runFile(db, QStringLiteral("/no/such/file.sql")).code(),
                 CoreError::Code::Io);
    }
};

QTEST_GUILESS_MAIN(TestSqlScript)
#include "tst_sqlscript.moc"
