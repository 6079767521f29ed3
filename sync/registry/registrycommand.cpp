#include "registrycommand.h"

#include "clusterimporter.h"
#include "datadirlock.h"
#include "demoseeder.h"
#include "principal.h"
#include "registryserver.h"
#include "registrystore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryFile>
#include <QTextStream>

#include <csignal>
#include <limits>
#include <sys/socket.h>
#include <unistd.h>

namespace {
QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}
QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

int usage(const QString &message)
{
    err() << "ccn-registry: " << message << "\n"
          << "Cách dùng:\n"
          << "  ccn-registry serve --data-dir DIR --port N [--bind ADDR]... [--database URL]\n"
          << "                     [--tls-cert F --tls-key F] [--allow-insecure-http] [--demo]\n"
          << "  ccn-registry add-user --data-dir DIR [--database URL] --username U --role R\n"
          << "                     --province P [--clusters ids] [--communes ids] [--password-file "
             "F]\n"
          << "  ccn-registry devices --data-dir DIR [--database URL] [--username U]\n"
          << "  ccn-registry revoke-device --data-dir DIR [--database URL] --device ID\n"
          << "  ccn-registry reinstate-device --data-dir DIR [--database URL] --device ID\n"
          << "  ccn-registry import-clusters --data-dir DIR [--database URL] FILE.csv\n"
          << "  ccn-registry backup --data-dir DIR [--database URL] --out FILE\n"
          << "  ccn-registry new-epoch --data-dir DIR [--database URL]   (after pg_restore;\n"
          << "                     the server stopped)\n"
          << "  ccn-registry remove-demo --data-dir DIR [--database URL]   (disables the demo\n"
          << "                     accounts; a server off loopback refuses to start with them)\n"
          << "Only serve, add-user and import-clusters create a registry database where there is\n"
          << "none; the other commands refuse.\n";
    err().flush();
    return 2;
}

void addStoreOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("data-dir"), QStringLiteral("Registry data directory."),
                 QStringLiteral("DIR")});
    p.addOption({QStringLiteral("database"), QStringLiteral("postgresql://user@host:port/db"),
                 QStringLiteral("URL")});
    p.addOption(
        {QStringLiteral("fast-hash"), QStringLiteral("Tests only: weak, fast password hashing.")});
}

bool parse(QCommandLineParser &p, const QStringList &args, QString *error)
{
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!p.parse(args)) {
        *error = QStringLiteral("tham số không đúng (%1).").arg(p.errorText());
        return false;
    }
    if (!p.isSet(QStringLiteral("data-dir"))) {
        *error = QStringLiteral("thiếu --data-dir (thư mục dữ liệu của máy chủ).");
        return false;
    }
    return true;
}

// Only first-time setup (serve, add-user, import-clusters) may create the database, and says so:
// a mistyped --data-dir, or a PostgreSQL registry's directory without --database, would otherwise
// become a new empty registry without a word.
bool openStore(RegistryStore &store, const QCommandLineParser &p,
               RegistryStore::Create create = RegistryStore::Create::Never)
{
    const CoreError e = store.open(p.value(QStringLiteral("data-dir")),
                                   p.value(QStringLiteral("database")), create);
    if (e.failed()) {
        err() << "ccn-registry: " << e.message() << "\n";
        err().flush();
        return false;
    }
    if (store.created()) {
        err() << "ccn-registry: "
              << QStringLiteral("đã tạo cơ sở dữ liệu máy chủ mới (lần cài đặt đầu tiên): %1")
                     .arg(store.location())
              << "\n";
        err().flush();
    }
    return true;
}

int signalPipe[2] = {-1, -1};
void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(signalPipe[1], &c, 1);
}

// What a store operation of a command said when it failed: the command's exit code.
int failure(const CoreError &e)
{
    err() << "ccn-registry: " << e.message() << "\n";
    err().flush();
    return 1;
}

// The data directory's lock not taken (DataDirLock): why, and `advice` when a server holds it.
int lockRefused(const CoreError &e, const QString &advice)
{
    return failure({e.code(), e.code() == CoreError::Code::NotEditable
                                  ? e.message() + QLatin1Char(' ') + advice
                                  : e.message()});
}

// Parses `args` with the store's options and `extra`: a usage message's exit code (2) when they
// are wrong, else 0.
int parseWith(QCommandLineParser &p, const QStringList &args, const QCommandLineOption &extra)
{
    addStoreOptions(p);
    p.addOption(extra);
    QString error;
    return parse(p, args, &error) ? 0 : usage(error);
}

// Commands run by whoever holds the data directory: they act as an admin.
Principal administrator()
{
    Principal p;
    p.role = QStringLiteral("admin");
    return p;
}

// A listed device's state: active, revoked, or revoked by whom (registry schema 10 on).
QString stateText(const QJsonObject &device)
{
    if (!device.value(QLatin1String("revoked")).toBool())
        return QStringLiteral("active");
    const QJsonValue by = device.value(QLatin1String("revoked_by"));
    return by.isString() ? QStringLiteral("revoked by ") + by.toString()
                         : QStringLiteral("revoked");
}

QString timeText(const QJsonValue &ms)
{
    if (ms.isNull() || ms.isUndefined())
        return QStringLiteral("-");
    return QDateTime::fromMSecsSinceEpoch(qint64(ms.toDouble()))
        .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

// A listed device's revokes and reinstatements, newest first (registry schema 11 on):
// "reinstated 2026-11-24 09:12 by sup; revoked 2026-11-23 17:40 by insp", or "-".
QString historyText(const QJsonObject &device)
{
    QStringList events;
    for (const QJsonValue &v : device.value(QLatin1String("history")).toArray()) {
        const QJsonObject e = v.toObject();
        const QJsonValue by = e.value(QLatin1String("by"));
        events << e.value(QLatin1String("action")).toString() + QLatin1Char(' ') +
                      timeText(e.value(QLatin1String("at"))) +
                      (by.isString() ? QStringLiteral(" by ") + by.toString() : QString());
    }
    return events.isEmpty() ? QStringLiteral("-") : events.join(QStringLiteral("; "));
}

QStringList splitIds(const QString &s)
{
    QStringList out;
    for (const QString &p : s.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out << p.trimmed();
    return out;
}
} // namespace

int RegistryCommand::run(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return usage(QStringLiteral("hãy cho một lệnh."));
    const QString command = arguments.at(1);
    QStringList rest = arguments;
    rest.removeAt(1);
    if (command == QLatin1String("serve"))
        return serve(rest);
    if (command == QLatin1String("add-user"))
        return addUser(rest);
    if (command == QLatin1String("devices"))
        return devices(rest);
    if (command == QLatin1String("revoke-device"))
        return setDeviceRevoked(rest, true);
    if (command == QLatin1String("reinstate-device"))
        return setDeviceRevoked(rest, false);
    if (command == QLatin1String("import-clusters"))
        return importClusters(rest);
    if (command == QLatin1String("backup"))
        return backup(rest);
    if (command == QLatin1String("new-epoch"))
        return newEpoch(rest);
    if (command == QLatin1String("remove-demo"))
        return removeDemo(rest);
    if (command == QLatin1String("--help") || command == QLatin1String("help")) {
        usage(QStringLiteral("máy chủ đăng ký trung tâm của CCN Inspect."));
        return 0;
    }
    return usage(QStringLiteral("không có lệnh '%1'.").arg(command));
}

int RegistryCommand::serve(const QStringList &args)
{
    QCommandLineParser p;
    addStoreOptions(p);
    p.addOption({QStringLiteral("port"), QStringLiteral("TCP port (0: any free port)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("bind"), QStringLiteral("Address to listen on (repeatable)."),
                 QStringLiteral("ADDR")});
    p.addOption(
        {QStringLiteral("tls-cert"), QStringLiteral("PEM certificate."), QStringLiteral("F")});
    p.addOption(
        {QStringLiteral("tls-key"), QStringLiteral("PEM private key."), QStringLiteral("F")});
    p.addOption(
        {QStringLiteral("allow-insecure-http"), QStringLiteral("Allow plain HTTP off loopback.")});
    p.addOption({QStringLiteral("demo"),
                 QStringLiteral("Load demo data and demo accounts (loopback only).")});
    QString error;
    if (!parse(p, args, &error))
        return usage(error);
    bool portOk = false;
    const int port = p.value(QStringLiteral("port")).toInt(&portOk);
    if (!p.isSet(QStringLiteral("port")) || !portOk || port < 0 || port > 65535)
        return usage(QStringLiteral("thiếu --port N (0-65535) hoặc giá trị không hợp lệ."));
    QList<QHostAddress> addresses;
    const QStringList binds = p.values(QStringLiteral("bind"));
    for (const QString &b : binds.isEmpty() ? QStringList{QStringLiteral("127.0.0.1")} : binds) {
        QHostAddress a;
        if (b == QLatin1String("0.0.0.0") || b == QLatin1String("*"))
            a = QHostAddress(QHostAddress::AnyIPv4);
        else if (b == QLatin1String("::"))
            a = QHostAddress(QHostAddress::AnyIPv6);
        else if (!a.setAddress(b))
            return usage(QStringLiteral("--bind '%1' không phải địa chỉ IP.").arg(b));
        addresses << a;
    }
    const bool tls = p.isSet(QStringLiteral("tls-cert")) || p.isSet(QStringLiteral("tls-key"));
    QSslConfiguration ssl;
    if (tls) {
        QFile certFile(p.value(QStringLiteral("tls-cert")));
        QFile keyFile(p.value(QStringLiteral("tls-key")));
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return usage(
                QStringLiteral("--tls-cert và --tls-key phải cùng trỏ tới tệp PEM đọc được."));
        const QList<QSslCertificate> chain =
            QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        if (chain.isEmpty() || key.isNull())
            return usage(
                QStringLiteral("không đọc được chứng chỉ hoặc khóa (cần PEM, RSA hoặc EC)."));
        ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificate(chain.first());
        ssl.setLocalCertificateChain(chain);
        ssl.setPrivateKey(key);
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    }
    const QString policy = RegistryServer::checkListenPolicy(
        addresses, tls, p.isSet(QStringLiteral("allow-insecure-http")),
        p.isSet(QStringLiteral("demo")));
    if (!policy.isEmpty()) {
        err() << "ccn-registry: " << policy << "\n";
        err().flush();
        return 2;
    }
    // Photos live under the data directory whatever the database: it must be writable before
    // the registry accepts any upload.
    const QString dataDir = p.value(QStringLiteral("data-dir"));
    QTemporaryFile probe(QDir(dataDir).filePath(QStringLiteral(".write-test-XXXXXX")));
    if (!QDir().mkpath(dataDir) || !probe.open()) {
        err() << "ccn-registry: "
              << QStringLiteral("Không ghi được vào thư mục dữ liệu '%1'. Hãy cho --data-dir một "
                                "thư mục mà người dùng này được ghi.")
                     .arg(dataDir)
              << "\n";
        err().flush();
        return 1;
    }
    probe.remove();
    DataDirLock lock(dataDir);
    if (const CoreError e = lock.tryLock(); e.failed())
        return lockRefused(e, QStringLiteral("Hai máy chủ trên một thư mục dữ liệu sẽ làm hỏng số "
                                             "thứ tự của nó: hãy dùng máy chủ đang chạy, hoặc "
                                             "dừng nó trước."));
    RegistryStore store;
    if (!openStore(store, p, RegistryStore::Create::IfMissing))
        return 1;
    if (!p.isSet(QStringLiteral("demo")) && !RegistryServer::allLoopback(addresses)) {
        // A data directory once served with --demo keeps its accounts, whose password is in the
        // README: off loopback anyone could sign in as admin.demo.
        CoreError read;
        const QStringList demo = store.enabledUsers(DemoSeeder::accountNames(), &read);
        if (read.failed())
            return failure(read);
        if (!demo.isEmpty())
            return failure(
                {CoreError::Code::NotEditable,
                 QStringLiteral("Các tài khoản mẫu %1 vẫn đăng nhập được bằng mật khẩu công khai "
                                "'%2'; máy chủ không nghe ngoài loopback khi còn chúng. Hãy tắt "
                                "chúng: ccn-registry remove-demo --data-dir %3%4")
                     .arg(demo.join(QStringLiteral(", ")), QLatin1String(DemoSeeder::password),
                          dataDir,
                          p.isSet(QStringLiteral("database")) ? QStringLiteral(" --database URL")
                                                              : QString())});
    }
    const bool fast = p.isSet(QStringLiteral("fast-hash"));
    if (p.isSet(QStringLiteral("demo"))) {
        QString summary;
        const CoreError e = DemoSeeder(&store).seed(fast, &summary);
        if (e.failed()) {
            err() << "ccn-registry: dữ liệu mẫu: " << e.message() << "\n";
            err().flush();
            return 1;
        }
        out() << "Demo: " << summary << "\n";
    }
    RegistryServer server(&store, p.value(QStringLiteral("data-dir")));
    server.setFastPasswordHashing(fast);
    // Before the first "Listening": a SIGTERM sent once it is read stops the server cleanly
    // (its lock released), not by the signal's default action.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &server);
        QObject::connect(notifier, &QSocketNotifier::activated, qApp, [] {
            char c;
            [[maybe_unused]] const auto n = ::read(signalPipe[0], &c, 1);
            QCoreApplication::quit();
        });
        struct sigaction sa = {};
        sa.sa_handler = onSignal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        sigaction(SIGTERM, &sa, nullptr);
        sigaction(SIGINT, &sa, nullptr);
    }
    quint16 actualPort = quint16(port);
    for (const QHostAddress &a : std::as_const(addresses)) {
        const quint16 got = server.listenOn(a, actualPort, ssl, &error);
        if (got == 0) {
            err() << "ccn-registry: không nghe được trên " << a.toString() << ":" << port << " ("
                  << error << "). Cổng có thể đang bị chương trình khác dùng; hãy "
                  << "chọn --port khác hoặc dừng chương trình đó.\n";
            err().flush();
            return 1;
        }
        actualPort = got;
        const QString host = a.protocol() == QAbstractSocket::IPv6Protocol
                                 ? QStringLiteral("[%1]").arg(a.toString())
                                 : a.toString();
        out() << "Listening on " << (tls ? "https" : "http") << "://" << host << ":" << got
              << "/\n";
    }
    out() << "Storage: " << (store.isPostgres() ? "PostgreSQL" : "SQLite") << "\n";
    out().flush();

    const int rc = QCoreApplication::exec();
    out() << "Stopped.\n";
    out().flush();
    return rc;
}

int RegistryCommand::addUser(const QStringList &args)
{
    QCommandLineParser p;
    addStoreOptions(p);
    for (const char *o : {"username", "role", "province", "clusters", "communes", "password-file"})
        p.addOption({QLatin1String(o), QLatin1String(o), QStringLiteral("VALUE")});
    QString error;
    if (!parse(p, args, &error))
        return usage(error);
    for (const char *o : {"username", "role", "province"})
        if (!p.isSet(QLatin1String(o)))
            return usage(QStringLiteral("thiếu --%1.").arg(QLatin1String(o)));
    // Checked before the store is opened, so a typo creates nothing on disk.
    if (!Principal::isValidRole(p.value(QStringLiteral("role")))) {
        err() << "ccn-registry: "
              << QStringLiteral("Vai trò '%1' không tồn tại. Hãy dùng inspector, local_officer, "
                                "supervisor hoặc admin.")
                     .arg(p.value(QStringLiteral("role")))
              << "\n";
        err().flush();
        return 1;
    }
    QString password;
    if (p.isSet(QStringLiteral("password-file"))) {
        QFile f(p.value(QStringLiteral("password-file")));
        if (!f.open(QIODevice::ReadOnly))
            return usage(QStringLiteral("không đọc được tệp mật khẩu: %1").arg(f.errorString()));
        password =
            QString::fromUtf8(f.readLine()).remove(QLatin1Char('\n')).remove(QLatin1Char('\r'));
    } else {
        QTextStream in(stdin);
        password = in.readLine();
    }
    Principal u;
    u.username = p.value(QStringLiteral("username"));
    u.role = p.value(QStringLiteral("role"));
    u.provinceId = p.value(QStringLiteral("province"));
    u.clusters = splitIds(p.value(QStringLiteral("clusters")));
    u.communes = splitIds(p.value(QStringLiteral("communes")));
    RegistryStore store;
    if (!openStore(store, p, RegistryStore::Create::IfMissing))
        return 1;
    // A province, cluster or commune typed wrong (a province's code for its id) gives a user who
    // sees nothing.
    if (const CoreError e = store.checkUserScope(u); e.failed())
        return failure(e);
    const CoreError e = store.addUser(u, password, p.isSet(QStringLiteral("fast-hash")), nullptr);
    if (e.failed()) {
        err() << "ccn-registry: " << e.message() << "\n";
        err().flush();
        return 1;
    }
    out() << "Added " << u.role << " " << u.username << ".\n";
    out().flush();
    return 0;
}

// The devices users signed in on, one line each (a lost tablet is found here by its name and
// user, then revoked with revoke-device).
int RegistryCommand::devices(const QStringList &args)
{
    QCommandLineParser p;
    if (const int rc =
            parseWith(p, args,
                      {QStringLiteral("username"), QStringLiteral("Only this user's devices."),
                       QStringLiteral("U")}))
        return rc;
    RegistryStore store;
    if (!openStore(store, p))
        return 1;
    const QString only = p.value(QStringLiteral("username"));
    CoreError read;
    const QJsonArray devices =
        store.devices(administrator(), &read, nullptr, std::numeric_limits<qsizetype>::max());
    if (read.failed())
        return failure(read);
    int shown = 0;
    out() << "user\tdevice\tname\tregistered\tlast seen\tstate\thistory\n";
    for (const QJsonValue &v : devices) {
        const QJsonObject d = v.toObject();
        const QString user = d.value(QLatin1String("username")).toString();
        if (!only.isEmpty() && user != only)
            continue;
        ++shown;
        out() << user << "\t" << d.value(QLatin1String("id")).toString() << "\t"
              << d.value(QLatin1String("name")).toString() << "\t"
              << timeText(d.value(QLatin1String("registered_at"))) << "\t"
              << timeText(d.value(QLatin1String("last_seen_at"))) << "\t" << stateText(d) << "\t"
              << historyText(d) << "\n";
    }
    out() << shown << (shown == 1 ? " device" : " devices")
          << (only.isEmpty() ? QString() : QStringLiteral(" of %1").arg(only)) << ".\n";
    out().flush();
    return 0;
}

// Revokes a device for every user signed in on it: their tokens stop working at once and the
// device cannot sign in again; what it had not synced stays on it. Or reinstates one (found, or
// revoked by mistake): its users sign in on it again with their passwords and it syncs what it
// kept.
int RegistryCommand::setDeviceRevoked(const QStringList &args, bool revoke)
{
    QCommandLineParser p;
    if (const int rc =
            parseWith(p, args,
                      {QStringLiteral("device"), QStringLiteral("The device's id (see devices)."),
                       QStringLiteral("ID")}))
        return rc;
    const QString id = p.value(QStringLiteral("device")).trimmed();
    if (id.isEmpty())
        return usage(QStringLiteral("thiếu --device ID (mã thiết bị; lệnh devices liệt kê)."));
    RegistryStore store;
    if (!openStore(store, p))
        return 1;
    CoreError read;
    QStringList users;
    for (const QJsonValue &v :
         store.devices(administrator(), &read, nullptr, std::numeric_limits<qsizetype>::max()))
        if (v.toObject().value(QLatin1String("id")).toString() == id)
            users << v.toObject().value(QLatin1String("username")).toString();
    if (read.failed())
        return failure(read);
    const CoreError e = revoke ? store.revokeDevice(administrator(), id)
                               : store.reinstateDevice(administrator(), id);
    if (e.failed())
        return failure(e);
    out() << (revoke ? "Revoked" : "Reinstated") << " device " << id << " ("
          << users.join(QStringLiteral(", "))
          << (revoke ? "): its sign-ins stop working at once.\n"
                     : "): its users sign in on it again with their passwords.\n");
    out().flush();
    return 0;
}

int RegistryCommand::importClusters(const QStringList &args)
{
    QCommandLineParser p;
    addStoreOptions(p);
    p.addPositionalArgument(QStringLiteral("file"),
                            QStringLiteral("CSV file (UTF-8, header row)."));
    QString error;
    if (!parse(p, args, &error))
        return usage(error);
    if (p.positionalArguments().size() != 1)
        return usage(QStringLiteral("hãy cho đúng một tệp CSV."));
    RegistryStore store;
    if (!openStore(store, p, RegistryStore::Create::IfMissing))
        return 1;
    QStringList errors;
    int updated = 0;
    const int n =
        ClusterImporter(&store).importFile(p.positionalArguments().first(), &errors, &updated);
    if (n < 0) {
        for (const QString &e : std::as_const(errors))
            err() << e << "\n";
        err() << "ccn-registry: không có cụm nào được nhập; hãy sửa các dòng trên rồi chạy lại.\n";
        err().flush();
        return 1;
    }
    out() << "Imported " << n << " clusters (" << n - updated << " new, " << updated
          << " updated).\n";
    out().flush();
    return 0;
}

int RegistryCommand::newEpoch(const QStringList &args)
{
    QCommandLineParser p;
    addStoreOptions(p);
    QString error;
    if (!parse(p, args, &error))
        return usage(error);
    // A running server keeps its epoch in memory and would write the old one back: held for
    // the whole command, so that no server starts in between either. A directory that is not
    // there has no server: opening the store says what is wrong with it.
    const QString dataDir = p.value(QStringLiteral("data-dir"));
    DataDirLock lock(dataDir);
    if (QFileInfo(dataDir).isDir())
        if (const CoreError e = lock.tryLock(); e.failed())
            return lockRefused(e, QStringLiteral("Hãy dừng máy chủ trước rồi chạy lại new-epoch: "
                                                 "máy chủ đang chạy giữ kỷ nguyên cũ và sẽ ghi "
                                                 "lại nó."));
    RegistryStore store;
    if (!openStore(store, p))
        return 1;
    if (store.wentBackFrom() >= 0) {
        // Opening the store saw it below what its data directory had stored and began one.
        out() << "The database went back from sequence " << store.wentBackFrom()
              << " (this data directory's watermark): epoch " << store.epoch()
              << " began at sequence " << store.epochSeq()
              << " when it was opened. Devices send again what they hold above it.\n";
        out().flush();
        return 0;
    }
    const QString was = store.epoch();
    const CoreError e = store.renewEpoch();
    if (e.failed()) {
        err() << "ccn-registry: " << e.message() << "\n";
        err().flush();
        return 1;
    }
    out() << "Epoch " << was << " ended; epoch " << store.epoch() << " begins at sequence "
          << store.epochSeq() << ". Devices send again what they hold above it.\n";
    out().flush();
    return 0;
}

int RegistryCommand::backup(const QStringList &args)
{
    QCommandLineParser p;
    addStoreOptions(p);
    p.addOption({QStringLiteral("out"), QStringLiteral("Backup file."), QStringLiteral("FILE")});
    QString error;
    if (!parse(p, args, &error))
        return usage(error);
    if (!p.isSet(QStringLiteral("out")))
        return usage(QStringLiteral("thiếu --out FILE (tệp sao lưu)."));
    RegistryStore store;
    if (!openStore(store, p))
        return 1;
    const CoreError e = store.backup(p.value(QStringLiteral("out")));
    if (e.failed()) {
        err() << "ccn-registry: " << e.message() << "\n";
        err().flush();
        return 1;
    }
    out() << "Backup written to " << p.value(QStringLiteral("out"))
          << " (photos are files under DIR/photos: copy that folder too).\n";
    out().flush();
    return 0;
}

// The demo accounts disabled (not deleted: their devices and the rows they stored name them), so
// that a data directory once served with --demo may be served off loopback.
int RegistryCommand::removeDemo(const QStringList &args)
{
    QCommandLineParser p;
    addStoreOptions(p);
    QString error;
    if (!parse(p, args, &error))
        return usage(error);
    RegistryStore store;
    if (!openStore(store, p))
        return 1;
    int disabled = 0;
    if (const CoreError e = store.disableUsers(DemoSeeder::accountNames(), &disabled); e.failed())
        return failure(e);
    out() << "Disabled " << disabled << (disabled == 1 ? " demo account" : " demo accounts")
          << ": no demo account can sign in now.\n";
    out().flush();
    return 0;
}
