// RegistryCommand through the real ccn-registry executable (QProcess): add-user (password from
// stdin and from --password-file; failures from tests/fixtures/sync/registry_add_user.tsv store
// nothing), import-clusters (tests/fixtures/sync/clusters-import*.csv, all or nothing), backup
// (a SQLite copy with the same rows; never overwrites; pg_dump advice on PostgreSQL) and serve
// refusing an unwritable data directory or a port in use, devices (listed) and revoke-device (a
// lost tablet's sign-ins stop at once); only first-time setup creates a database, a running
// server's lock on its data directory, ids checked against stored provinces and clusters, a
// re-import updating, and demo accounts keeping a server on loopback. Runs against SQLite, and
// PostgreSQL with CCN_TEST_BACKEND=postgres.
#include "postgresdump.h"
#include "principal.h"
#include "registrystore.h"
#include "registrytestbackend.h"
#include "seqwatermark.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

namespace {
struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Principal admin()
{
    Principal p;
    p.role = QStringLiteral("admin");
    return p;
}

QByteArray sha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}
} // namespace

class TestRegistryCommand : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void addUserPasswordFromStdin();
    void addUserWithCommunes();
    void addUserPasswordFile();
    void addUserFailures_data();
    void addUserFailures();
    void devicesListedAndALostOneRevoked();
    void aFoundDeviceIsReinstated();
    void importClusters();
    void importClustersBadLineImportsNothing();
    void importClustersUnknownProvince();
    void importClustersAgainUpdates();
    void importClustersSameCodeTwice();
    void backup();
    void newEpoch();
    void newEpochAfterTheDatabaseWentBack();
    void serveUnwritableDataDir();
    void servePortInUse();
    void commandsRefuseADirectoryWithoutARegistry();
    void firstTimeSetupSaysItCreatedTheDatabase();
    void aRunningServerHoldsItsDataDirectory();
    void demoAccountsKeepAServerOnLoopback();

private:
    Run run(const QStringList &args, const QByteArray &stdinData = {});
    // Starts `serve` with `args` and waits for it to say it listens (true), or to stop (false,
    // with what it said in *said).
    bool startServer(QProcess &server, const QStringList &args, QString *said);
    QStringList storeArgs() const;
    bool canLogIn(const QString &user, const QString &password);
    // The live clusters of p1 with this code.
    QList<QJsonObject> clustersCoded(const QString &code);
    // An inspector of p1 with kTabletPassword, and their sign-in on a tablet (its token, or
    // empty when refused).
    bool addInspector(const QString &username);
    QString signIn(const QString &username, const QString &deviceId, const QString &deviceName);

    QString m_exe;
    QTemporaryDir m_dir;
    RegistryTestBackend m_backend;
    QString m_url;
    RegistryStore m_store;
};

Run TestRegistryCommand::run(const QStringList &args, const QByteArray &stdinData)
{
    QProcess p;
    p.start(m_exe, args);
    Run r;
    if (!p.waitForStarted(10000))
        return r;
    p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

bool TestRegistryCommand::startServer(QProcess &server, const QStringList &args, QString *said)
{
    server.start(m_exe, QStringList{"serve"} + args);
    QByteArray out;
    // "Storage:" is written once every address listens; no timing involved.
    while (!out.contains("Storage: ") && server.waitForReadyRead(30000))
        out += server.readAllStandardOutput();
    *said = QString::fromUtf8(out + server.readAllStandardError());
    return out.contains("Storage: ");
}

QStringList TestRegistryCommand::storeArgs() const
{
    QStringList a{QStringLiteral("--data-dir"), m_dir.path()};
    if (!m_url.isEmpty())
        a << QStringLiteral("--database") << m_url;
    return a;
}

bool TestRegistryCommand::canLogIn(const QString &user, const QString &password)
{
    Principal who;
    QString token;
    qint64 expires = 0;
    return m_store
        .login(user, password, QStringLiteral("dev-") + user, QStringLiteral("key-dev-") + user,
               QStringLiteral("Máy thử"), 60000, &who, &token, &expires)
        .ok();
}

QList<QJsonObject> TestRegistryCommand::clustersCoded(const QString &code)
{
    QList<QJsonObject> out;
    QSqlQuery q(m_store.connection());
    if (!q.exec("SELECT row_json FROM records WHERE entity = 'clusters' AND province_id = 'p1' "
                "AND deleted = 0"))
        return out;
    while (q.next()) {
        const QJsonObject c = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
        if (c.value("code").toString() == code)
            out << c;
    }
    return out;
}

namespace {
const char kTabletPassword[] = "mật-khẩu-cũng-dài";
}

bool TestRegistryCommand::addInspector(const QString &username)
{
    Principal user;
    user.username = username;
    user.role = QStringLiteral("inspector");
    user.provinceId = QStringLiteral("p1");
    return m_store.addUser(user, QString::fromUtf8(kTabletPassword), true, nullptr).ok();
}

QString TestRegistryCommand::signIn(const QString &username, const QString &deviceId,
                                    const QString &deviceName)
{
    Principal who;
    QString token;
    qint64 expires = 0;
    if (m_store
            .login(username, QString::fromUtf8(kTabletPassword), deviceId, "key-" + deviceId,
                   deviceName, 3600000, &who, &token, &expires)
            .failed())
        return {};
    return token;
}

void TestRegistryCommand::initTestCase()
{
    m_exe = QStringLiteral(CCN_BINARY_DIR "/sync/ccn-registry");
    QVERIFY2(QFileInfo::exists(m_exe), "build the ccn-registry target");
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(m_backend.setUp(&m_url, &error), qPrintable(error));
    const CoreError e = m_store.open(m_dir.path(), m_url);
    QVERIFY2(e.ok(), qPrintable(e.message()));
    QCOMPARE(m_store.isPostgres(), RegistryTestBackend::wantsPostgres());
    // Provinces p1 and p2, clusters c1, c2 (p1) and c3 (p2), communes x1 (p1) and x2 (p2): the
    // ids users are added with.
    for (const char *id : {"p1", "p2"}) {
        const QJsonObject province{{"code", id},
                                   {"name", "Ninh Bình"},
                                   {"level", "province"},
                                   {"level_label", "Tỉnh"},
                                   {"valid_from", "2025-07-01"},
                                   {"created_at", 1},
                                   {"updated_at", 1}};
        QVERIFY(m_store.writeRow("admin_units", id, province, "test", QString()).ok());
    }
    // A district d1 of p1 with its commune x1; x2, a commune of p2 with no district (since 2025).
    for (const auto &[id, level, parent] :
         {std::tuple{"d1", "district", "p1"}, {"x1", "commune", "d1"}, {"x2", "commune", "p2"}}) {
        const QJsonObject unit{{"code", id},          {"name", "Gia Sinh"},
                               {"level", level},      {"level_label", "Xã"},
                               {"parent_id", parent}, {"valid_from", "2025-07-01"},
                               {"created_at", 1},     {"updated_at", 1}};
        QVERIFY(m_store.writeRow("admin_units", id, unit, "test", QString()).ok());
    }
    for (const auto &[id, province] : {std::pair{"c1", "p1"}, {"c2", "p1"}, {"c3", "p2"}}) {
        const QJsonObject cluster{{"code", id},
                                  {"name", "CCN Gia Sinh"},
                                  {"province_id", province},
                                  {"status", "operating"},
                                  {"created_at", 1},
                                  {"updated_at", 1}};
        QVERIFY(m_store.writeRow("clusters", id, cluster, "test", QString()).ok());
    }
}

void TestRegistryCommand::cleanupTestCase()
{
    m_store.close();
    m_backend.tearDown();
}

void TestRegistryCommand::addUserPasswordFromStdin()
{
    const Run r = run(QStringList{"add-user"} + storeArgs() +
                          QStringList{"--username", "nguyen.van.an", "--role", "inspector",
                                      "--province", "p1", "--clusters", "c1, c2", "--fast-hash"},
                      QStringLiteral("mật-khẩu-Đủ-dài\n").toUtf8());
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("nguyen.van.an"), qPrintable(r.out));
    Principal stored;
    for (const Principal &p : m_store.users())
        if (p.username == QLatin1String("nguyen.van.an"))
            stored = p;
    QCOMPARE(stored.role, QStringLiteral("inspector"));
    QCOMPARE(stored.provinceId, QStringLiteral("p1"));
    QCOMPARE(stored.clusters, (QStringList{"c1", "c2"}));
    // The whole line read from stdin, UTF-8, without its newline, is the password.
    QVERIFY(canLogIn("nguyen.van.an", QStringLiteral("mật-khẩu-Đủ-dài")));
    QVERIFY(!canLogIn("nguyen.van.an", QStringLiteral("mật-khẩu-Đủ-dài\n")));
    QVERIFY(!canLogIn("nguyen.van.an", QStringLiteral("mat-khau-du-dai")));
}

// A local officer's communes: x1 lies in p1 through its district.
void TestRegistryCommand::addUserWithCommunes()
{
    const Run r = run(QStringList{"add-user"} + storeArgs() +
                          QStringList{"--username", "pham.thi.xa", "--role", "local_officer",
                                      "--province", "p1", "--communes", "x1", "--fast-hash"},
                      QByteArrayLiteral("can-bo-xa-2025\n"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    Principal stored;
    for (const Principal &p : m_store.users())
        if (p.username == QLatin1String("pham.thi.xa"))
            stored = p;
    QCOMPARE(stored.role, QStringLiteral("local_officer"));
    QCOMPARE(stored.communes, QStringList{"x1"});
}

void TestRegistryCommand::addUserPasswordFile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("password.txt");
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("Giám-sát-2025\r\nsecond line is ignored\n").toUtf8());
    f.close();
    const Run r = run(QStringList{"add-user"} + storeArgs() +
                      QStringList{"--username", "tran.thi.binh", "--role", "supervisor",
                                  "--province", "p1", "--password-file", file, "--fast-hash"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(canLogIn("tran.thi.binh", QStringLiteral("Giám-sát-2025")));
    QVERIFY(!canLogIn("tran.thi.binh", QStringLiteral("second line is ignored")));
}

void TestRegistryCommand::addUserFailures_data()
{
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("fragment");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("args");
    QFile f(QStringLiteral(CCN_FIXTURES_DIR "/sync/registry_add_user.tsv"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    int rows = 0;
    for (const QString &line : QString::fromUtf8(f.readAll()).split('\n')) {
        if (line.trimmed().isEmpty() || line.startsWith('#'))
            continue;
        const QStringList c = line.split('\t');
        QVERIFY2(c.size() >= 5, qPrintable(line));
        QTest::newRow(qPrintable(c.at(0)))
            << c.at(1).toInt() << c.at(2) << c.at(3).toUtf8() << c.mid(4);
        ++rows;
    }
    QVERIFY(rows >= 5);
}

void TestRegistryCommand::addUserFailures()
{
    QFETCH(int, exitCode);
    QFETCH(QString, fragment);
    QFETCH(QByteArray, input);
    QFETCH(QStringList, args);
    bool haveTaken = false;
    for (const Principal &p : m_store.users())
        haveTaken = haveTaken || p.username == QLatin1String("taken");
    if (!haveTaken) {
        Principal t;
        t.username = "taken";
        t.role = "inspector";
        t.provinceId = "p1";
        QVERIFY(m_store.addUser(t, "password-taken", true, nullptr).ok());
    }
    const auto snapshot = [&] {
        QStringList out;
        for (const Principal &p : m_store.users())
            out << p.username + '/' + p.role + '/' + p.provinceId;
        return out;
    };
    const QStringList before = snapshot();
    const Run r = run(QStringList{"add-user"} + storeArgs() + args + QStringList{"--fast-hash"},
                      input.isEmpty() ? QByteArray() : input + '\n');
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(fragment), qPrintable(r.err));
    QVERIFY2(r.err.startsWith("ccn-registry: "), qPrintable(r.err));
    QCOMPARE(snapshot(), before); // nothing stored, the existing user unchanged
    QVERIFY(canLogIn("taken", "password-taken"));
}

// A tablet is lost: the admin finds it among the user's devices and revokes it. Its token stops
// working at once and it cannot sign in again; the user's other tablet goes on.
void TestRegistryCommand::devicesListedAndALostOneRevoked()
{
    const QString user = QStringLiteral("le.van.cuong");
    QVERIFY(addInspector(user));
    const QString lostToken = signIn(user, "tablet-lost", "Máy tính bảng số 3");
    const QString keptToken = signIn(user, "tablet-kept", "Máy tính bảng số 4");
    QVERIFY(!lostToken.isEmpty() && !keptToken.isEmpty());

    Run r = run(QStringList{"devices"} + storeArgs() + QStringList{"--username", user});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4); // the heading, two devices, the count
    QVERIFY2(lines.at(1).startsWith("le.van.cuong\ttablet-kept\tMáy tính bảng số 4\t"),
             qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).startsWith("le.van.cuong\ttablet-lost\tMáy tính bảng số 3\t"),
             qPrintable(lines.at(2)));
    QVERIFY(lines.at(2).endsWith("\tactive\t-"));
    QCOMPARE(lines.at(3), QStringLiteral("2 devices of le.van.cuong."));

    r = run(QStringList{"revoke-device"} + storeArgs() + QStringList{"--device", "tablet-lost"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("tablet-lost (le.van.cuong)"), qPrintable(r.out));
    QVERIFY(!m_store.authenticate(lostToken).has_value());
    QVERIFY(m_store.authenticate(keptToken).has_value());
    QVERIFY(signIn(user, "tablet-lost", "Máy tính bảng số 3").isEmpty());
    r = run(QStringList{"devices"} + storeArgs() + QStringList{"--username", user});
    lines = r.out.split('\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.value(2).contains("\trevoked by ccn-registry\trevoked 20"), qPrintable(r.out));
    QVERIFY2(lines.value(2).endsWith(" by ccn-registry"), qPrintable(r.out));
    QVERIFY(lines.value(1).endsWith("\tactive\t-"));

    // A device nobody signed in on, and no device named: a clear message, nothing changed.
    r = run(QStringList{"revoke-device"} + storeArgs() + QStringList{"--device", "tablet-9"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("tablet-9"), qPrintable(r.err));
    r = run(QStringList{"revoke-device"} + storeArgs());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--device"), qPrintable(r.err));
    QVERIFY(m_store.authenticate(keptToken).has_value());
}

// A lost tablet found again (or one revoked by mistake) is given back: its user signs in on it
// again with the password; the revoked token stays dead.
void TestRegistryCommand::aFoundDeviceIsReinstated()
{
    const QString user = QStringLiteral("pham.thi.dao");
    QVERIFY(addInspector(user));
    const QString oldToken = signIn(user, "tablet-found", "Máy tính bảng số 7");
    QVERIFY(!oldToken.isEmpty());
    Run r =
        run(QStringList{"revoke-device"} + storeArgs() + QStringList{"--device", "tablet-found"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(signIn(user, "tablet-found", "Máy tính bảng số 7").isEmpty());

    r = run(QStringList{"reinstate-device"} + storeArgs() +
            QStringList{"--device", "tablet-found"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("Reinstated device tablet-found (pham.thi.dao)"), qPrintable(r.out));
    QVERIFY(!m_store.authenticate(oldToken).has_value());
    const QString token = signIn(user, "tablet-found", "Máy tính bảng số 7");
    QVERIFY(m_store.authenticate(token).has_value());
    r = run(QStringList{"devices"} + storeArgs() + QStringList{"--username", user});
    // Its history, newest first: who gave it back and who had revoked it.
    static const QRegularExpression line(
        QStringLiteral("\ttablet-found\t.*\tactive\treinstated \\d{4}-\\d\\d-\\d\\d "
                       "\\d\\d:\\d\\d by ccn-registry; revoked \\d{4}-\\d\\d-\\d\\d "
                       "\\d\\d:\\d\\d by ccn-registry\n"));
    QVERIFY2(line.match(r.out).hasMatch(), qPrintable(r.out));
    // Again: as once, and no new line in its history. A device nobody signed in on: a clear
    // message.
    r = run(QStringList{"reinstate-device"} + storeArgs() +
            QStringList{"--device", "tablet-found"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(m_store.authenticate(token).has_value());
    r = run(QStringList{"devices"} + storeArgs() + QStringList{"--username", user});
    QVERIFY2(line.match(r.out).hasMatch(), qPrintable(r.out));
    r = run(QStringList{"reinstate-device"} + storeArgs() + QStringList{"--device", "tablet-8"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("tablet-8"), qPrintable(r.err));
}

void TestRegistryCommand::importClusters()
{
    const qint64 before = m_store.serverSeq();
    const Run r = run(QStringList{"import-clusters"} + storeArgs() +
                      QStringList{QStringLiteral(CCN_FIXTURES_DIR "/sync/clusters-import.csv")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("Imported 3 clusters (3 new, 0 updated)."), qPrintable(r.out));
    QCOMPARE(m_store.serverSeq(), before + 3);
    const PullPage page = m_store.pull(admin(), before, 10);
    QCOMPARE(page.rowCount(), 3);
    QHash<QString, QJsonObject> byCode;
    for (const PulledRow &c : page.rows()) {
        QCOMPARE(c.entity, QStringLiteral("clusters"));
        byCode.insert(c.row.value("code").toString(), c.row);
    }
    const QJsonObject dv = byCode.value("CCN-DV2");
    QCOMPARE(dv.value("name").toString(), QStringLiteral("Cụm công nghiệp Đồng Văn, giai đoạn 2"));
    QCOMPARE(dv.value("planned_area_ha").toDouble(), 75.5);
    QCOMPARE(dv.value("investor_name").toString(), QStringLiteral("Công ty Cổ phần Đầu tư Hà Nam"));
    QCOMPARE(dv.value("notes").toString(),
             QStringLiteral("Đã có trạm xử lý nước thải; \"đạt QCVN 40\""));
    QCOMPARE(dv.value("status").toString(), QStringLiteral("operating"));
    const QJsonObject gs = byCode.value("CCN-GS");
    QCOMPARE(gs.value("name").toString(), QStringLiteral("Cụm công nghiệp Gia Sinh"));
    QVERIFY(gs.value("planned_area_ha").isNull());
    QCOMPARE(byCode.value("CCN-KT").value("notes").toString(),
             QStringLiteral("Chưa giải phóng mặt bằng xong"));
}

void TestRegistryCommand::importClustersBadLineImportsNothing()
{
    const qint64 before = m_store.serverSeq();
    Run r = run(QStringList{"import-clusters"} + storeArgs() +
                QStringList{QStringLiteral(CCN_FIXTURES_DIR "/sync/clusters-import-bad.csv")});
    QCOMPARE(r.exitCode, 1);
    // The one bad line is named, with what to do; the good lines around it are not imported.
    QVERIFY2(r.err.contains(QStringLiteral("Dòng 3: '12,5' không phải số")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("dấu chấm")), qPrintable(r.err));
    QVERIFY2(!r.err.contains(QStringLiteral("Dòng 2")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("không có cụm nào được nhập")), qPrintable(r.err));
    QCOMPARE(m_store.serverSeq(), before);
    QVERIFY(m_store.pull(admin(), before, 10).runs.isEmpty());

    r = run(QStringList{"import-clusters"} + storeArgs() +
            QStringList{m_dir.filePath("khong-co-tep.csv")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("Không đọc được")), qPrintable(r.err));
    r = run(QStringList{"import-clusters"} + storeArgs());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("hãy cho đúng một tệp CSV")), qPrintable(r.err));
    QCOMPARE(m_store.serverSeq(), before);
}

// A province's code (27) where its id belongs: the line is named, and nothing is imported.
void TestRegistryCommand::importClustersUnknownProvince()
{
    const qint64 before = m_store.serverSeq();
    const Run r = run(
        QStringList{"import-clusters"} + storeArgs() +
        QStringList{QStringLiteral(CCN_FIXTURES_DIR "/sync/clusters-import-unknown-province.csv")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("Dòng 3: Không có tỉnh '27' trên máy chủ")),
             qPrintable(r.err));
    QVERIFY2(!r.err.contains(QStringLiteral("Dòng 2")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("không có cụm nào được nhập")), qPrintable(r.err));
    QCOMPARE(m_store.serverSeq(), before);
    QVERIFY(clustersCoded("CCN-HM").isEmpty());
}

// The same file again, without ids: the clusters are found by province and code and updated,
// not duplicated; with an id column, the cluster named keeps its created_at.
void TestRegistryCommand::importClustersAgainUpdates()
{
    const QList<QJsonObject> first = clustersCoded("CCN-DV2");
    QCOMPARE(first.size(), 1);
    const qint64 before = m_store.serverSeq();
    Run r = run(QStringList{"import-clusters"} + storeArgs() +
                QStringList{QStringLiteral(CCN_FIXTURES_DIR "/sync/clusters-import.csv")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("Imported 3 clusters (0 new, 3 updated)."), qPrintable(r.out));
    QCOMPARE(m_store.serverSeq(), before + 3);
    for (const char *code : {"CCN-DV2", "CCN-GS", "CCN-KT"})
        QCOMPARE(clustersCoded(code).size(), 1);
    const QJsonObject again = clustersCoded("CCN-DV2").value(0);
    QCOMPARE(again.value("id"), first.first().value("id"));
    QCOMPARE(again.value("created_at"), first.first().value("created_at"));

    const QJsonObject gs = clustersCoded("CCN-GS").value(0);
    QTemporaryDir dir;
    QFile csv(dir.filePath("with-id.csv"));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write(QStringLiteral("id,code,name,province_id,status\n%1,CCN-GS,Cụm công nghiệp Gia Sinh "
                             "mở rộng,p1,expanded\n,CCN-KT,Cụm công nghiệp Khánh Thượng,p1,"
                             "operating\n")
                  .arg(gs.value("id").toString())
                  .toUtf8());
    csv.close();
    r = run(QStringList{"import-clusters"} + storeArgs() + QStringList{csv.fileName()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("Imported 2 clusters (0 new, 2 updated)."), qPrintable(r.out));
    const QJsonObject renamed = clustersCoded("CCN-GS").value(0);
    QCOMPARE(renamed.value("id"), gs.value("id"));
    QCOMPARE(renamed.value("name").toString(), QStringLiteral("Cụm công nghiệp Gia Sinh mở rộng"));
    QCOMPARE(renamed.value("status").toString(), QStringLiteral("expanded"));
    QCOMPARE(renamed.value("created_at"), gs.value("created_at"));
    QCOMPARE(clustersCoded("CCN-KT").size(), 1);
}

// One code twice for one province: both lines named, nothing imported.
void TestRegistryCommand::importClustersSameCodeTwice()
{
    const qint64 before = m_store.serverSeq();
    const Run r =
        run(QStringList{"import-clusters"} + storeArgs() +
            QStringList{QStringLiteral(CCN_FIXTURES_DIR "/sync/clusters-import-duplicate.csv")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("Dòng 4: mã cụm 'CCN-TL' của tỉnh 'p1' đã có ở dòng 2")),
             qPrintable(r.err));
    QCOMPARE(m_store.serverSeq(), before);
    QVERIFY(clustersCoded("CCN-TL").isEmpty());
    QVERIFY(clustersCoded("CCN-BL").isEmpty());
}

void TestRegistryCommand::backup()
{
    QTemporaryDir dir;
    const QString out = dir.filePath("registry-backup.sqlite");
    Run r = run(QStringList{"backup"} + storeArgs() + QStringList{"--out", out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(QFileInfo::exists(out));
    QVERIFY(!QFileInfo::exists(out + ".partial"));
    // A backup is never written over.
    const qint64 size = QFileInfo(out).size();
    const Run again = run(QStringList{"backup"} + storeArgs() + QStringList{"--out", out});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains(QStringLiteral("đã có")), qPrintable(again.err));
    QCOMPARE(QFileInfo(out).size(), size);
    if (m_store.isPostgres()) {
        // pg_dump's custom format: pg_restore reads back every row of each table.
        const QString pgRestore = PostgresDump::program("pg_restore");
        QVERIFY(!pgRestore.isEmpty());
        for (const char *table : {"users", "records", "history", "devices"}) {
            QProcess p;
            p.start(pgRestore,
                    {"--data-only", "--table", QString::fromLatin1(table), "--file", "-", out});
            QVERIFY(p.waitForFinished(60000));
            QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
            const QList<QByteArray> lines = p.readAllStandardOutput().split('\n');
            int rows = -1;
            for (const QByteArray &line : lines) {
                if (line.startsWith("COPY "))
                    rows = 0;
                else if (line == "\\.")
                    break;
                else if (rows >= 0)
                    ++rows;
            }
            QSqlQuery q(m_store.connection());
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) &&
                    q.next());
            QVERIFY2(q.value(0).toInt() > 0 || QByteArray(table) == "devices", table);
            QCOMPARE(rows, q.value(0).toInt());
        }
        return;
    }
    // The copy opens as SQLite and holds the same rows in every table.
    QStringList tables;
    {
        QSqlDatabase live = QSqlDatabase::addDatabase("QSQLITE", "live");
        live.setDatabaseName(m_dir.filePath("registry.sqlite"));
        live.setConnectOptions("QSQLITE_OPEN_READONLY");
        QSqlDatabase copy = QSqlDatabase::addDatabase("QSQLITE", "copy");
        copy.setDatabaseName(out);
        copy.setConnectOptions("QSQLITE_OPEN_READONLY");
        QVERIFY(live.open());
        QVERIFY(copy.open());
        QSqlQuery ql(live), qc(copy);
        QVERIFY(qc.exec("PRAGMA integrity_check") && qc.next());
        QCOMPARE(qc.value(0).toString(), QStringLiteral("ok"));
        QVERIFY(ql.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                        "'sqlite_%' ORDER BY name"));
        while (ql.next())
            tables << ql.value(0).toString();
        QVERIFY(tables.contains("users"));
        QVERIFY(tables.contains("records"));
        QVERIFY(tables.removeOne("registry_epoch"));
        // The copy begins an epoch of its own, at its own sequence.
        QVERIFY(ql.exec("SELECT epoch FROM registry_epoch") && ql.next());
        QVERIFY(qc.exec("SELECT e.epoch, e.since_seq, c.seq FROM registry_epoch e, "
                        "registry_counter c") &&
                qc.next());
        QVERIFY(!qc.value(0).toString().isEmpty());
        QVERIFY(qc.value(0).toString() != ql.value(0).toString());
        QCOMPARE(qc.value(1).toLongLong(), qc.value(2).toLongLong());
        for (const QString &t : std::as_const(tables)) {
            // Every row, every column: compared as one ordered text dump per table.
            const QString sql = QStringLiteral("SELECT * FROM %1 ORDER BY 1, 2").arg(t);
            QVERIFY2(ql.exec(sql), qPrintable(t));
            QVERIFY2(qc.exec(sql), qPrintable(t));
            QStringList a, b;
            while (ql.next()) {
                QStringList row;
                for (int i = 0; i < ql.record().count(); ++i)
                    row << ql.value(i).toString();
                a << row.join('|');
            }
            while (qc.next()) {
                QStringList row;
                for (int i = 0; i < qc.record().count(); ++i)
                    row << qc.value(i).toString();
                b << row.join('|');
            }
            QCOMPARE(b, a);
        }
        QVERIFY(ql.exec("SELECT count(*) FROM users") && ql.next());
        QVERIFY(ql.value(0).toInt() >= 3);
        QVERIFY(ql.exec("SELECT count(*) FROM records WHERE entity = 'clusters'") && ql.next());
        QVERIFY(ql.value(0).toInt() >= 3);
    }
    QSqlDatabase::removeDatabase("live");
    QSqlDatabase::removeDatabase("copy");
    // An existing target is refused and left as it was.
    const QByteArray hash = sha256(out);
    r = run(QStringList{"backup"} + storeArgs() + QStringList{"--out", out});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("đã có; hãy chọn tên tệp mới")), qPrintable(r.err));
    QCOMPARE(sha256(out), hash);
    r = run(QStringList{"backup"} + storeArgs());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--out"), qPrintable(r.err));
}

void TestRegistryCommand::newEpoch()
{
    const auto current = [this](QString *epoch, qint64 *since, qint64 *seq) {
        QSqlQuery q(m_store.connection());
        if (!q.exec("SELECT e.epoch, e.since_seq, c.seq FROM registry_epoch e, registry_counter c "
                    "WHERE e.id = 1 AND c.id = 1") ||
            !q.next())
            return false;
        *epoch = q.value(0).toString();
        *since = q.value(1).toLongLong();
        *seq = q.value(2).toLongLong();
        return true;
    };
    QString before, after;
    qint64 since = -1, seq = -1;
    QVERIFY(current(&before, &since, &seq));
    QCOMPARE(before, m_store.epoch());
    QVERIFY(seq > 0); // the clusters imported before
    const Run r = run(QStringList{"new-epoch"} + storeArgs());
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(current(&after, &since, &seq));
    QVERIFY(!after.isEmpty() && after != before);
    QCOMPARE(since, seq); // it begins at the registry's sequence
    QVERIFY2(r.out.contains(after), qPrintable(r.out));
}

// The data directory saw more stored than the database holds (its watermark, as a copy put back
// leaves it): opening the store began the new epoch already, and new-epoch says so rather than
// beginning another.
void TestRegistryCommand::newEpochAfterTheDatabaseWentBack()
{
    const qint64 seq = m_store.serverSeq();
    QVERIFY(seq > 0);
    QSqlQuery q(m_store.connection());
    QVERIFY(q.exec("SELECT epoch FROM registry_epoch WHERE id = 1") && q.next());
    const QString before = q.value(0).toString();
    SeqWatermark mark(m_dir.path());
    QVERIFY(mark.write({before, seq + 50}).ok());
    const Run r = run(QStringList{"new-epoch"} + storeArgs());
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("went back from sequence %1").arg(seq + 50)),
             qPrintable(r.out));
    QVERIFY(q.exec("SELECT epoch, since_seq FROM registry_epoch WHERE id = 1") && q.next());
    const QString epoch = q.value(0).toString();
    QVERIFY(epoch != before);
    QCOMPARE(q.value(1).toLongLong(), seq);
    QVERIFY2(r.out.contains(epoch), qPrintable(r.out));
    QVERIFY2(r.err.contains(QStringLiteral("put back from a copy")), qPrintable(r.err));
    SeqWatermark::Mark now;
    QVERIFY(mark.read(&now).ok());
    QCOMPARE(now.epoch, epoch);
    QCOMPARE(now.seq, seq);
}

void TestRegistryCommand::serveUnwritableDataDir()
{
    // A data directory below a regular file can never be created, even by root.
    QTemporaryDir dir;
    QFile blocker(dir.filePath("a-file"));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QStringList args{"serve", "--data-dir", dir.filePath("a-file/data"), "--port", "0"};
    if (!m_url.isEmpty())
        args << "--database" << m_url;
    const Run r = run(args);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("Không ghi được vào thư mục dữ liệu")),
             qPrintable(r.err));
    QVERIFY2(r.err.contains("--data-dir"), qPrintable(r.err));
    QVERIFY(!r.out.contains("Listening"));
}

void TestRegistryCommand::servePortInUse()
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    const QString port = QString::number(holder.serverPort());
    QTemporaryDir dir;
    QStringList args{"serve", "--data-dir", dir.path(), "--port", port, "--bind", "127.0.0.1"};
    if (!m_url.isEmpty())
        args << "--database" << m_url;
    const Run r = run(args);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("không nghe được trên 127.0.0.1:") + port),
             qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("chọn --port khác")), qPrintable(r.err));
    QVERIFY(!r.out.contains("Listening"));
}

// A mistyped --data-dir, or a PostgreSQL registry's directory given without --database: every
// command but first-time setup refuses, naming the directory, and writes nothing there (no
// database, and the watermark that recognises a restore is left as it was).
void TestRegistryCommand::commandsRefuseADirectoryWithoutARegistry()
{
    QTemporaryDir parent;
    const QString typo = parent.filePath("registy");
    // A PostgreSQL registry's data directory: photos and the watermark, no database file.
    const QString pgDir = parent.filePath("pg-registry");
    QVERIFY(QDir().mkpath(pgDir));
    QVERIFY(SeqWatermark(pgDir).write({QStringLiteral("epoch-of-the-registry"), 4242}).ok());
    const QString watermark = SeqWatermark(pgDir).path();
    const QByteArray markBefore = sha256(watermark);
    const QString out = parent.filePath("backup.sqlite");
    const QList<QStringList> commands{
        {"backup", "--out", out},
        {"devices"},
        {"revoke-device", "--device", "tablet-1"},
        {"reinstate-device", "--device", "tablet-1"},
        {"new-epoch"},
    };
    for (const QString &dir : {typo, pgDir}) {
        for (const QStringList &c : commands) {
            const Run r = run(QStringList{c.first(), "--data-dir", dir} + c.mid(1));
            const QString what = c.first() + ' ' + dir + ": " + r.err;
            QVERIFY2(r.exitCode == 1, qPrintable(what));
            QVERIFY2(r.err.startsWith("ccn-registry: "), qPrintable(what));
            QVERIFY2(r.err.contains(dir), qPrintable(what));
            QVERIFY2(r.err.contains("--data-dir") && r.err.contains("--database"),
                     qPrintable(what));
            QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
        }
        QVERIFY(!QFileInfo::exists(QDir(dir).filePath("registry.sqlite")));
    }
    QVERIFY(!QFileInfo::exists(typo));
    QVERIFY(!QFileInfo::exists(out));
    QCOMPARE(sha256(watermark), markBefore);
    if (!RegistryTestBackend::wantsPostgres())
        return;
    // --database naming a PostgreSQL database without the registry's tables: refused too, and
    // the database is left without them.
    RegistryTestBackend empty;
    QString url, error;
    QVERIFY2(empty.setUp(&url, &error), qPrintable(error));
    const Run r = run({"backup", "--data-dir", pgDir, "--database", url, "--out", out});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("--database"), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(out));
    QCOMPARE(sha256(watermark), markBefore);
    {
        QSqlDatabase db = RegistryTestBackend::connect("empty-check", QUrl(url));
        QSqlQuery q(db);
        QVERIFY(q.exec("SELECT to_regclass('registry_migrations') IS NULL") && q.next());
        QVERIFY(q.value(0).toBool());
    }
    QSqlDatabase::removeDatabase("empty-check");
    empty.tearDown();
}

// The commands of first-time setup may create the database, and say so, naming it.
void TestRegistryCommand::firstTimeSetupSaysItCreatedTheDatabase()
{
    QTemporaryDir parent;
    const QString dir = parent.filePath("new-registry");
    RegistryTestBackend fresh;
    QString url, error;
    QVERIFY2(fresh.setUp(&url, &error), qPrintable(error));
    QStringList args{"add-user", "--data-dir", dir,          "--username", "quan.tri",
                     "--role",   "admin",      "--province", "p1",         "--fast-hash"};
    if (!url.isEmpty())
        args << "--database" << url;
    Run r = run(args, "mật-khẩu-quản-trị\n");
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString where = url.isEmpty() ? QDir(dir).filePath("registry.sqlite")
                                        : QUrl(url).toString(QUrl::RemovePassword);
    QVERIFY2(r.err.contains(QStringLiteral("đã tạo cơ sở dữ liệu máy chủ mới")), qPrintable(r.err));
    QVERIFY2(r.err.contains(where), qPrintable(r.err));
    // Once there, it is opened as it is, without a word.
    args[4] = "quan.tri.2";
    r = run(args, "mật-khẩu-quản-trị\n");
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(!r.err.contains(QStringLiteral("đã tạo")), qPrintable(r.err));
    fresh.tearDown();
}

// serve holds DIR/registry.lock while it runs: new-epoch (the server would write its old epoch
// back) and a second server on the same directory are refused and change nothing; a lock left
// by a killed server is taken over.
void TestRegistryCommand::aRunningServerHoldsItsDataDirectory()
{
    const QString epoch = [this] {
        QSqlQuery q(m_store.connection());
        return q.exec("SELECT epoch FROM registry_epoch WHERE id = 1") && q.next()
                   ? q.value(0).toString()
                   : QString();
    }();
    QVERIFY(!epoch.isEmpty());
    const QStringList serveArgs = storeArgs() + QStringList{"--port", "0", "--fast-hash"};
    QProcess server;
    QString said;
    QVERIFY2(startServer(server, serveArgs, &said), qPrintable(said));

    Run r = run(QStringList{"new-epoch"} + storeArgs());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("Hãy dừng máy chủ trước")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QString::number(server.processId())), qPrintable(r.err));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
    QSqlQuery q(m_store.connection());
    QVERIFY(q.exec("SELECT epoch FROM registry_epoch WHERE id = 1") && q.next());
    QCOMPARE(q.value(0).toString(), epoch);

    QProcess second;
    QVERIFY(!startServer(second, serveArgs, &said));
    QVERIFY(second.state() == QProcess::NotRunning || second.waitForFinished(30000));
    said += QString::fromUtf8(second.readAllStandardError());
    QCOMPARE(second.exitCode(), 1);
    QVERIFY2(said.contains(QStringLiteral("Hai máy chủ trên một thư mục dữ liệu")),
             qPrintable(said));
    QVERIFY2(said.contains(QDir(m_dir.path()).filePath("registry.lock")), qPrintable(said));

    // Stopped, it lets go; killed, its lock is stale and taken over.
    server.terminate();
    QVERIFY(server.waitForFinished(30000));
    QCOMPARE(server.exitCode(), 0);
    QVERIFY(!QFileInfo::exists(m_dir.filePath("registry.lock")));
    QVERIFY2(startServer(server, serveArgs, &said), qPrintable(said));
    server.kill();
    QVERIFY(server.waitForFinished(30000));
    QVERIFY(QFileInfo::exists(m_dir.filePath("registry.lock")));
    r = run(QStringList{"new-epoch"} + storeArgs());
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(q.exec("SELECT epoch FROM registry_epoch WHERE id = 1") && q.next());
    QVERIFY(q.value(0).toString() != epoch);
}

// A data directory once served with --demo (the README's way, on loopback) is refused off
// loopback while a demo account can sign in; remove-demo disables them, and it starts.
void TestRegistryCommand::demoAccountsKeepAServerOnLoopback()
{
    QTemporaryDir dir;
    RegistryTestBackend fresh;
    QString url, error;
    QVERIFY2(fresh.setUp(&url, &error), qPrintable(error));
    QStringList store{"--data-dir", dir.path(), "--fast-hash"};
    if (!url.isEmpty())
        store << "--database" << url;
    const QStringList offLoopback =
        store + QStringList{"--port", "0", "--bind", "0.0.0.0", "--allow-insecure-http"};
    QProcess server;
    QString said;
    QVERIFY2(startServer(server, store + QStringList{"--port", "0", "--demo"}, &said),
             qPrintable(said));
    QVERIFY2(said.contains("4 demo accounts"), qPrintable(said));
    server.terminate();
    QVERIFY(server.waitForFinished(30000));

    Run r = run(QStringList{"serve"} + offLoopback);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("admin.demo") && r.err.contains("demo-password"), qPrintable(r.err));
    QVERIFY2(r.err.contains("ccn-registry remove-demo --data-dir " + dir.path()),
             qPrintable(r.err));
    QVERIFY(!r.out.contains("Listening"));
    // On loopback, as before.
    QVERIFY2(startServer(server, store + QStringList{"--port", "0"}, &said), qPrintable(said));
    server.terminate();
    QVERIFY(server.waitForFinished(30000));

    r = run(QStringList{"remove-demo"} + store);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("Disabled 4 demo accounts"), qPrintable(r.out));
    {
        RegistryStore s;
        QVERIFY(s.open(dir.path(), url).ok());
        Principal who;
        QString token;
        qint64 expires = 0;
        for (const char *name : {"inspector.demo", "officer.demo", "supervisor.demo", "admin.demo"})
            QVERIFY(s.login(name, "demo-password", "dev-1", "key-dev-1", "Máy thử", 60000, &who,
                            &token, &expires)
                        .failed());
    }
    QVERIFY2(startServer(server, offLoopback, &said), qPrintable(said));
    server.terminate();
    QVERIFY(server.waitForFinished(30000));
    QCOMPARE(server.exitCode(), 0);
    fresh.tearDown();
}

QTEST_GUILESS_MAIN(TestRegistryCommand)
#include "tst_registrycommand.moc"
