#include "testdb.h"

#include <QProcess>
#include <QRandomGenerator>

// Kills a process that is saving inspections with SIGKILL, many times, at points chosen by a fixed
// seed, then checks the database is intact and no submitted inspection was lost.
class TestCrashSafety : public QObject
{
    Q_OBJECT
private slots:
    void killMidSave()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("device.sqlite"));
        const QString writer = QStringLiteral(CCN_BINARY_DIR "/tests/crashwriter");
        QCOMPARE(QProcess::execute(writer, {path, QStringLiteral("init")}), 0);

        QRandomGenerator rng(20261121);
        QStringList submitted;
        const int rounds = 30;
        for (int round = 0; round < rounds; ++round) {
            QProcess p;
            p.start(writer, {path, QStringLiteral("run")});
            QVERIFY(p.waitForStarted());
            // Kill after a seeded number of completed submits; the writer is mid-save by then.
            const int target = 1 + int(rng.bounded(4));
            int seen = 0;
            QByteArray buffer;
            while (seen < target) {
                QVERIFY2(p.waitForReadyRead(30000), "the writer stopped answering");
                buffer += p.readAllStandardOutput();
                int nl;
                while ((nl = buffer.indexOf('\n')) >= 0) {
                    const QByteArray line = buffer.left(nl);
                    buffer.remove(0, nl + 1);
                    if (line.startsWith("S ")) {
                        submitted << QString::fromLatin1(line.mid(2));
                        ++seen;
                    }
                }
            }
            p.kill(); // SIGKILL
            QVERIFY(p.waitForFinished());
            buffer += p.readAllStandardOutput();
            for (const QByteArray &line : buffer.split('\n'))
                if (line.startsWith("S "))
                    submitted << QString::fromLatin1(line.mid(2));
        }
        QVERIFY(submitted.size() >= rounds);

        Database db;
        const CoreError e = db.open(path);
        QVERIFY2(e.ok(), qPrintable(e.message()));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_key_check")));
        QVERIFY(!q.next());
        for (const QString &id : std::as_const(submitted)) {
            q.prepare(QStringLiteral(
                "SELECT status, (SELECT count(*) FROM answers a WHERE a.inspection_id = i.id), "
                "(SELECT count(*) FROM outbox o WHERE o.row_id = i.id) FROM inspections i WHERE id "
                "= ?"));
            q.addBindValue(id);
            QVERIFY(q.exec());
            QVERIFY2(q.next(),
                     qPrintable(QStringLiteral("submitted inspection %1 was lost").arg(id)));
            QCOMPARE(q.value(0).toString(), QStringLiteral("submitted"));
            QCOMPARE(q.value(1).toInt(), 3);
            QVERIFY(q.value(2).toInt() >= 2); // its insert and its submit travel
        }
        // Every row in a synced table has its outbox entry: no write escaped the outbox.
        QCOMPARE(
            testdb::count(db, QStringLiteral(
                                  "SELECT count(*) FROM answers a WHERE NOT EXISTS (SELECT 1 "
                                  "FROM outbox o WHERE o.entity = 'answers' AND o.row_id = a.id)")),
            0);
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
