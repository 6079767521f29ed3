// SIGKILL the real ccn-registry while a device pushes, many times (deterministic kill points:
// after the k-th push reply of a round), restart it on the same data directory, and check that
// in the end every change arrived exactly once: a fresh device pulls every row with its last
// value, the outbox is empty, and the device database passes PRAGMA integrity_check.
#include "syncclient.h"
#include "synctestutil.h"
#include "transaction.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace synctest;

class TestSyncKill : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_registry;
    QString m_url;
    int m_starts = 0;

    QString start()
    {
        const QString exe = QStringLiteral(CCN_BINARY_DIR "/sync/ccn-registry");
        QStringList args{"serve",  "--data-dir", m_dir.filePath("registry"),
                         "--port", "0",          "--fast-hash"};
        if (m_starts++ == 0)
            args << "--demo";
        m_registry.setProgram(exe);
        m_registry.setArguments(args);
        m_registry.start();
        if (!m_registry.waitForStarted(10000))
            return {};
        QByteArray out;
        const QRegularExpression re(QStringLiteral("Listening on (http://127\\.0\\.0\\.1:\\d+)/"));
        while (m_registry.waitForReadyRead(30000)) {
            out += m_registry.readAllStandardOutput();
            const auto m = re.match(QString::fromUtf8(out));
            if (m.hasMatch())
                return m.captured(1);
        }
        return {};
    }

    void kill()
    {
        m_registry.kill(); // SIGKILL
        m_registry.waitForFinished(10000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!QFileInfo::exists(QStringLiteral(CCN_BINARY_DIR "/sync/ccn-registry")))
            QSKIP("ccn-registry is not built");
        QVERIFY(m_dir.isValid());
        QDir().mkpath(m_dir.filePath("registry"));
    }

    void cleanupTestCase()
    {
        if (m_registry.state() != QProcess::NotRunning)
            kill();
    }

    void killRegistryDuringPushes()
    {
        m_url = start();
        QVERIFY(!m_url.isEmpty());
        Database db;
        QVERIFY(db.open(m_dir.filePath("device/device.db")).ok());
        SyncClient client(db.connection(), m_dir.filePath("device"));
        client.setAutoSync(false);
        client.setServerUrl(QUrl(m_url));
        client.setBatchSize(25);
        client.setTimeoutMs(5000);
        QSignalSpy login(&client, &SyncClient::loginFinished);
        client.login("inspector.demo", "demo-password");
        QVERIFY(login.wait(10000));
        QVERIFY(login.first().at(0).toBool());
        auto round = [&]() {
            QSignalSpy spy(&client, &SyncClient::roundFinished);
            if (!client.sync())
                return false;
            if (!spy.wait(60000))
                qFatal("round did not finish");
            return spy.first().at(0).toBool();
        };
        QVERIFY(round());
        const QStringList inspections = [&] {
            QStringList ids;
            QSqlQuery q(db.connection());
            q.exec("SELECT id FROM inspections WHERE deleted_at IS NULL ORDER BY id LIMIT 10");
            while (q.next())
                ids << q.value(0).toString();
            return ids;
        }();
        QVERIFY(inspections.size() >= 3);

        RecordWriter w(db.connection());
        QMap<QString, QString> expected; // participant id -> last name written
        int serial = 0;
        const int kills = 12;
        for (int k = 0; k < kills; ++k) {
            // New work: inserts and edits of earlier rows.
            {
                Transaction tx(db.connection());
                for (int i = 0; i < 40; ++i) {
                    QString id;
                    const QString name = QStringLiteral("Người %1").arg(++serial);
                    QVERIFY(
                        w.insert("inspection_participants",
                                 {{"inspection_id", inspections.at(serial % inspections.size())},
                                  {"name", name}},
                                 &id)
                            .ok());
                    expected.insert(id, name);
                }
                int edits = 0;
                for (auto it = expected.begin(); it != expected.end() && edits < 15;
                     ++it, ++edits) {
                    if ((serial + edits) % 3 != 0)
                        continue;
                    const QString name = it.value() + QStringLiteral(" (sửa %1)").arg(k);
                    QVERIFY(w.update("inspection_participants", it.key(), {{"name", name}}).ok());
                    it.value() = name;
                }
                QVERIFY(tx.commit().ok());
            }
            // Kill after the (k % 3 + 1)-th push reply of this round.
            int replies = 0;
            const int killAt = k % 3 + 1;
            auto conn = connect(&client, &SyncClient::progressChanged, this, [&]() {
                if (client.phase() == "push" && client.progress() > 0 && ++replies == killAt &&
                    m_registry.state() == QProcess::Running)
                    kill();
            });
            round(); // may succeed when the round is shorter than the kill point
            disconnect(conn);
            QCOMPARE(scalar(db.connection(), "SELECT applying FROM sync_flags").toInt(), 0);
            if (m_registry.state() != QProcess::Running) {
                m_url = start();
                QVERIFY(!m_url.isEmpty());
                client.setServerUrl(QUrl(m_url));
            }
        }
        QVERIFY2(round(), qPrintable(client.lastError()));
        QCOMPARE(client.pendingRecords(), 0);
        QCOMPARE(client.rejectedRecords(), 0);
        QCOMPARE(scalar(db.connection(), "PRAGMA integrity_check").toString(),
                 QStringLiteral("ok"));

        // A fresh device sees every row once with its last value.
        Database fresh;
        QVERIFY(fresh.open(m_dir.filePath("fresh/device.db")).ok());
        SyncClient other(fresh.connection(), m_dir.filePath("fresh"));
        other.setAutoSync(false);
        other.setServerUrl(QUrl(m_url));
        QSignalSpy login2(&other, &SyncClient::loginFinished);
        other.login("inspector.demo", "demo-password");
        QVERIFY(login2.wait(10000));
        QSignalSpy spy(&other, &SyncClient::roundFinished);
        QVERIFY(other.sync());
        QVERIFY(spy.wait(60000));
        QVERIFY2(spy.first().at(0).toBool(), qPrintable(other.lastError()));
        int found = 0;
        QSqlQuery q(fresh.connection());
        q.exec("SELECT id, name FROM inspection_participants");
        while (q.next()) {
            if (!expected.contains(q.value(0).toString()))
                continue;
            ++found;
            QCOMPARE(q.value(1).toString(), expected.value(q.value(0).toString()));
        }
        QCOMPARE(found, int(expected.size()));
        QCOMPARE(scalar(fresh.connection(), "PRAGMA integrity_check").toString(),
                 QStringLiteral("ok"));
        QVERIFY(m_starts > 3);
    }
};

QTEST_GUILESS_MAIN(TestSyncKill)
#include "tst_synckill.moc"
