// RegistryServer end to end on 127.0.0.1 with QNetworkAccessManager: login, push, pull, merge,
// conflicts, photos, authorisation (tests/fixtures/sync/authz.tsv), bad input
// (tests/fixtures/sync/badinput.jsonl), login slow-down, HTTPS, --demo refused off loopback,
// CSV import and backup. Runs against SQLite, and PostgreSQL with CCN_TEST_BACKEND=postgres.
#include "bodymutator.h"
#include "clusterimporter.h"
#include "compression.h"
#include "contenthash.h"
#include "protocolversion.h"
#include "pullpage.h"
#include "pushrequest.h"
#include "registryphotostore.h"
#include "registryserver.h"
#include "registrystore.h"
#include "registrytestbackend.h"
#include "uuid7.h"

#include <QEventLoop>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#define CCN_SOURCE_OPENAPI CCN_FIXTURES_DIR "/../../sync/openapi.json"

namespace {
struct Response {
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
    QHash<QByteArray, QByteArray> headers;
};

const QString schemaHeader = QStringLiteral("3");

QJsonObject inspectionFields(const char *cluster)
{
    return {{"cluster_id", QString::fromLatin1(cluster)},
            {"template_id", "t1"},
            {"kind", "periodic"},
            {"started_at", 1000},
            {"created_at", 1000},
            {"updated_at", 1000}};
}

// A push of `count` new inspections of cluster c1 from `device`, their seqs numbered on from *seq.
PushRequest inspectionInserts(const QString &device, int count, qint64 *seq)
{
    PushRequest req;
    req.protocol = ProtocolVersion::current;
    req.deviceId = device;
    for (int i = 0; i < count; ++i) {
        PushChange c;
        c.seq = ++*seq;
        c.entity = "inspections";
        c.rowId = Uuid7::generate();
        c.op = "insert";
        c.fields = inspectionFields("c1");
        req.changes << c;
    }
    return req;
}
// A pull page's rows (runs of arrays) as {seq, entity, row_id, deleted, row} objects.
QJsonArray pulledRows(const Response &page)
{
    QString error;
    const PullPage p = PullPage::fromJson(page.body, &error);
    QJsonArray out;
    if (!error.isEmpty())
        return out;
    for (const PulledRow &r : p.rows())
        out.append(QJsonObject{{"seq", double(r.seq)},
                               {"entity", r.entity},
                               {"row_id", r.rowId},
                               {"deleted", r.deleted},
                               {"row", r.row}});
    return out;
}
} // namespace

class TestRegistryServer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void endToEndSync();
    void conflictResolution();
    void aResolutionStaysWhereTheResolverMayWrite();
    void idleConnectionClosed();
    void repliesLeaveAtOnce();
    void concurrentPushes();
    void openApiCoversRoutes();
    void photoUploadResumeAndVerify();
    void usersAddedOverHttpAreChecked();
    void authorisation_data();
    void authorisation();
    void badInput_data();
    void badInput();
    void oversizedAndManyChanges();
    void replyAndBodyCodings();
    void oddTextRefusedPerChange_data();
    void oddTextRefusedPerChange();
    void loginSlowDown();
    void aDeviceIdIsItsTabletsAlone();
    void aDatabaseThatCannotBeReadIsNotAnAnswer();
    void aLogoutThatCannotEndItsTokenSaysSo();
    void https();
    void listenPolicy();
    void demoRefusedOffLoopback();
    void clusterImportAllOrNothing();
    void backup();
    // Last: its bodies that happen to be valid store what they say.
    void mutatedBodies_data();
    void mutatedBodies();
    void mutatedRequests_data();
    void mutatedRequests();

private:
    Response call(const QByteArray &method, const QString &path, const QByteArray &body = {},
                  const QString &token = {}, const QHash<QByteArray, QByteArray> &headers = {},
                  const QString &base = {});
    QString login(const QString &user, const QString &deviceId, int *status = nullptr);
    QJsonObject pushOne(const QString &token, const QString &deviceId, const PushChange &c);
    void addUser(const QString &name, const QString &role, const QString &province,
                 const QStringList &clusters = {}, const QStringList &communes = {});

    QTemporaryDir m_dir;
    RegistryTestBackend m_backend;
    QString m_url;
    RegistryStore m_store;
    RegistryServer *m_server = nullptr;
    QNetworkAccessManager m_nam;
    QString m_base;
    QHash<QString, QString> m_tokens;  // user -> token
    QHash<QString, QString> m_devices; // user -> device id
    qint64 m_changeSeq = 0;            // change numbers rise for every device, as outbox seqs do
    QString m_sha1, m_sha3, m_shaPending;
    qint64 m_clock = 0;
};

void TestRegistryServer::addUser(const QString &name, const QString &role, const QString &province,
                                 const QStringList &clusters, const QStringList &communes)
{
    Principal p;
    p.username = name;
    p.role = role;
    p.provinceId = province;
    p.clusters = clusters;
    p.communes = communes;
    const CoreError e = m_store.addUser(p, QStringLiteral("password-%1").arg(name), true, nullptr);
    QVERIFY2(e.ok(), qPrintable(e.message()));
}

Response TestRegistryServer::call(const QByteArray &method, const QString &path,
                                  const QByteArray &body, const QString &token,
                                  const QHash<QByteArray, QByteArray> &headers, const QString &base)
{
    QNetworkRequest req(QUrl((base.isEmpty() ? m_base : base) + path));
    req.setRawHeader("X-CCN-Protocol", QByteArray::number(ProtocolVersion::current));
    req.setRawHeader("X-CCN-Schema", schemaHeader.toLatin1());
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    for (auto it = headers.begin(); it != headers.end(); ++it)
        req.setRawHeader(it.key(), it.value());
    QNetworkReply *reply = m_nam.sendCustomRequest(req, method, body);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Response r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.json = QJsonDocument::fromJson(r.body).object();
    r.error = reply->error();
    for (const auto &h : reply->rawHeaderPairs())
        r.headers.insert(h.first.toLower(), h.second);
    reply->deleteLater();
    return r;
}

namespace {
// The secret a test tablet sends with its id: one per id, as a real tablet keeps it.
QString secretOf(const QString &deviceId)
{
    return QStringLiteral("secret-of-%1-0123456789abcdef0123456789").arg(deviceId);
}
} // namespace

QString TestRegistryServer::login(const QString &user, const QString &deviceId, int *status)
{
    const QByteArray body =
        QJsonDocument(QJsonObject{{"username", user},
                                  {"password", QStringLiteral("password-%1").arg(user)},
                                  {"device_id", deviceId},
                                  {"device_secret", secretOf(deviceId)},
                                  {"device_name", "Máy tính bảng " + user}})
            .toJson();
    const Response r = call("POST", "/api/v1/login", body);
    if (status)
        *status = r.status;
    return r.json.value("token").toString();
}

QJsonObject TestRegistryServer::pushOne(const QString &token, const QString &deviceId,
                                        const PushChange &c)
{
    PushRequest req;
    req.protocol = ProtocolVersion::current;
    req.deviceId = deviceId;
    req.changes << c;
    const Response r = call("POST", "/api/v1/push", Compression::deflate(req.toJson()), token,
                            {{"Content-Encoding", "deflate"}});
    if (r.status != 200)
        return QJsonObject{{"http", r.status}, {"body", QString::fromUtf8(r.body)}};
    // The reply lists only changes that were not simply applied; an applied change of a batch of
    // one is stored at the registry's newest sequence.
    const QJsonArray listed = r.json.value("results").toArray();
    if (!listed.isEmpty())
        return listed.at(0).toObject();
    return QJsonObject{
        {"change", double(c.seq)}, {"status", "applied"}, {"seq", r.json.value("server_seq")}};
}

void TestRegistryServer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(m_backend.setUp(&m_url, &error), qPrintable(error));
    const CoreError e = m_store.open(m_dir.path(), m_url);
    QVERIFY2(e.ok(), qPrintable(e.message()));
    QCOMPARE(m_store.isPostgres(), RegistryTestBackend::wantsPostgres());
    const auto unit = [&](const char *id, const char *level, const char *parent) {
        QJsonObject o{{"code", QString::fromLatin1(id)},
                      {"name", "Đơn vị " + QString::fromLatin1(id)},
                      {"level", QString::fromLatin1(level)},
                      {"level_label", "Xã"},
                      {"valid_from", "2025-07-01"},
                      {"created_at", 1},
                      {"updated_at", 1}};
        if (parent)
            o.insert("parent_id", QString::fromLatin1(parent));
        QVERIFY(
            m_store.writeRow("admin_units", QString::fromLatin1(id), o, "test", QString()).ok());
    };
    unit("p1", "province", nullptr);
    unit("p2", "province", nullptr);
    unit("u1", "commune", "p1");
    const auto cluster = [&](const char *id, const char *province) {
        const QJsonObject o{{"code", QString::fromLatin1(id)},
                            {"name", "Cụm công nghiệp " + QString::fromLatin1(id)},
                            {"province_id", QString::fromLatin1(province)},
                            {"status", "operating"},
                            {"created_at", 1},
                            {"updated_at", 1}};
        const CoreError ce =
            m_store.writeRow("clusters", QString::fromLatin1(id), o, "test", QString());
        QVERIFY2(ce.ok(), qPrintable(ce.message()));
    };
    cluster("c1", "p1");
    cluster("c2", "p1");
    cluster("c3", "p2");
    QVERIFY(m_store
                .writeRow("cluster_units", "cu1",
                          {{"cluster_id", "c1"},
                           {"unit_id", "u1"},
                           {"is_lead", 1},
                           {"created_at", 1},
                           {"updated_at", 1}},
                          "test", QString())
                .ok());
    QVERIFY(m_store.writeRow("inspections", "i1", inspectionFields("c1"), "test", QString()).ok());
    QVERIFY(m_store.writeRow("inspections", "i3", inspectionFields("c3"), "test", QString()).ok());
    // Photo records and their bytes (real photos from ../shared/data).
    RegistryPhotoStore photos(m_dir.path());
    const auto photo = [&](const char *id, const char *inspection, const QString &file,
                           bool upload) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return QString();
        const QByteArray bytes = f.readAll();
        const QString sha = ContentHash::sha256Of(bytes);
        const QJsonObject o{
            {"sha256", sha},      {"inspection_id", QString::fromLatin1(inspection)},
            {"source", "camera"}, {"byte_size", double(bytes.size())},
            {"created_at", 1},    {"updated_at", 1}};
        if (m_store.writeRow("photos", QString::fromLatin1(id), o, "test", QString()).failed())
            return QString();
        qint64 received = 0;
        QString message;
        if (upload && photos.append(sha, 0, bytes.size(), bytes, &received, &message) !=
                          RegistryPhotoStore::Append::Complete)
            return QString();
        return sha;
    };
    const QString shared = QStringLiteral(CCN_SHARED_DIR "/data/photos/");
    const QStringList invalid =
        QDir(shared + "invalid").entryList({"*.jpg"}, QDir::Files, QDir::Name);
    QVERIFY(invalid.size() >= 3);
    m_sha1 = photo("ph1", "i1", shared + "invalid/" + invalid.at(0), true);
    m_sha3 = photo("ph3", "i3", shared + "invalid/" + invalid.at(1), true);
    m_shaPending = photo("ph4", "i1", shared + "invalid/" + invalid.at(2), false);
    QVERIFY(!m_sha1.isEmpty() && !m_sha3.isEmpty() && !m_shaPending.isEmpty());

    addUser("admin", "admin", "p1");
    addUser("sup1", "supervisor", "p1");
    addUser("sup2", "supervisor", "p2");
    addUser("insp1", "inspector", "p1", {"c1"});
    addUser("insp2", "inspector", "p1", {"c2"});
    addUser("officer", "local_officer", "p1", {}, {"u1"});

    m_server = new RegistryServer(&m_store, m_dir.path());
    m_server->setFastPasswordHashing(true);
    m_server->throttle().setClock([this] { return m_clock; });
    m_clock = 1000000;
    const quint16 port =
        m_server->listenOn(QHostAddress::LocalHost, 0, QSslConfiguration(), &error);
    QVERIFY2(port > 0, qPrintable(error));
    m_base = QStringLiteral("http://127.0.0.1:%1").arg(port);

    for (const QString &u : {"admin", "sup1", "sup2", "insp1", "insp2", "officer"}) {
        m_devices[u] = "tablet-" + u;
        m_tokens[u] = login(u, m_devices[u]);
        QVERIFY2(!m_tokens[u].isEmpty(), qPrintable(u));
    }
    // insp1 on a second device, which is then revoked: its token must fail at once.
    m_devices["revoked"] = "tablet-lost";
    m_tokens["revoked"] = login("insp1", "tablet-lost");
    QCOMPARE(call("GET", "/api/v1/pull", {}, m_tokens["revoked"]).status, 200);
    QCOMPARE(call("POST", "/api/v1/devices/tablet-lost/revoke", {}, m_tokens["insp1"]).status, 200);
    QCOMPARE(call("GET", "/api/v1/pull", {}, m_tokens["revoked"]).status, 401);
    int status = 0;
    QVERIFY(login("insp1", "tablet-lost", &status).isEmpty());
    QCOMPARE(status, 403);
}

void TestRegistryServer::cleanupTestCase()
{
    delete m_server;
    m_store.close();
    m_backend.tearDown();
}

void TestRegistryServer::endToEndSync()
{
    const Response info = call("GET", "/api/v1/info");
    QCOMPARE(info.status, 200);
    QCOMPARE(info.json.value("protocol").toInt(), ProtocolVersion::current);
    QCOMPARE(info.json.value("backend").toString(), m_store.isPostgres() ? "postgresql" : "sqlite");
    const Response api = call("GET", "/openapi.json");
    QCOMPARE(api.status, 200);
    QVERIFY(api.json.value("paths").toObject().contains("/api/v1/push"));

    // insp1 records an inspection; sup1 and insp1 then edit the same field concurrently.
    PushChange c;
    c.seq = ++m_changeSeq;
    c.entity = "inspections";
    c.rowId = Uuid7::generate();
    c.op = "insert";
    c.fields = inspectionFields("c1");
    c.fields.insert("findings", "Chưa có hệ thống xử lý nước thải tập trung");
    QJsonObject r = pushOne(m_tokens["insp1"], m_devices["insp1"], c);
    QCOMPARE(r.value("status").toString(), QStringLiteral("applied"));
    const qint64 seq = qint64(r.value("seq").toDouble());
    QVERIFY(seq > 0);
    // Replaying the same batch answers duplicate and stores nothing.
    r = pushOne(m_tokens["insp1"], m_devices["insp1"], c);
    QCOMPARE(r.value("status").toString(), QStringLiteral("duplicate"));
    QCOMPARE(m_store.serverSeq(), seq);

    PushChange a = c;
    a.seq = ++m_changeSeq;
    a.op = "update";
    a.baseSeq = seq;
    a.fields = {{"findings", "sup1 version"}, {"updated_at", 2000}};
    QCOMPARE(pushOne(m_tokens["sup1"], m_devices["sup1"], a).value("status").toString(),
             QStringLiteral("applied"));
    PushChange b = a;
    b.seq = ++m_changeSeq;
    b.fields = {
        {"findings", "insp1 version"}, {"conclusions", "Đề nghị xử phạt"}, {"updated_at", 1900}};
    r = pushOne(m_tokens["insp1"], m_devices["insp1"], b);
    QCOMPARE(r.value("status").toString(), QStringLiteral("conflict"));
    const QString conflictId = r.value("conflict_ids").toArray().at(0).toString();
    QVERIFY(!conflictId.isEmpty());

    // Pull (gzip-compressed by the server, decoded by QNAM): the row once, latest values.
    const auto pullRow = [&](const QString &user) {
        QJsonObject found;
        qint64 since = 0;
        for (int page = 0; page < 50; ++page) {
            const Response p =
                call("GET", QStringLiteral("/api/v1/pull?since=%1&limit=3").arg(since), {},
                     m_tokens[user]);
            if (p.status != 200)
                return QJsonObject{{"http", p.status}};
            int hits = 0;
            for (const QJsonValue &v : pulledRows(p))
                if (v.toObject().value("row_id").toString() == c.rowId) {
                    found = v.toObject();
                    ++hits;
                }
            if (hits > 1)
                return QJsonObject{{"twice", true}};
            since = qint64(p.json.value("next").toDouble());
            if (!p.json.value("more").toBool())
                break;
        }
        return found;
    };
    QJsonObject pulled = pullRow("insp1");
    QCOMPARE(pulled.value("row").toObject().value("findings").toString(),
             QStringLiteral("sup1 version"));
    QCOMPARE(pulled.value("row").toObject().value("conclusions").toString(),
             QStringLiteral("Đề nghị xử phạt"));
    QVERIFY(pullRow("insp2").isEmpty());    // c1 is outside insp2's clusters
    QVERIFY(!pullRow("officer").isEmpty()); // officer's commune u1 holds c1

    // The supervisor sees and resolves the conflict; the resolution is a new write that travels.
    const Response list = call("GET", "/api/v1/conflicts", {}, m_tokens["sup1"]);
    QCOMPARE(list.status, 200);
    bool listed = false;
    for (const QJsonValue &v : list.json.value("conflicts").toArray())
        listed = listed || v.toObject().value("id").toString() == conflictId;
    QVERIFY(listed);
    // The list says how many there are (it gives at most RegistryStore::listLimit).
    QCOMPARE(list.json.value("total").toInt(), list.json.value("conflicts").toArray().size());
    QVERIFY(call("GET", "/api/v1/conflicts", {}, m_tokens["sup2"])
                .json.value("conflicts")
                .toArray()
                .isEmpty());
    QCOMPARE(call("POST", "/api/v1/conflicts/" + conflictId + "/resolve",
                  R"({"choice":"incoming"})", m_tokens["sup2"])
                 .status,
             403);
    const Response res = call("POST", "/api/v1/conflicts/" + conflictId + "/resolve",
                              R"({"choice":"incoming"})", m_tokens["sup1"]);
    QCOMPARE(res.status, 200);
    QVERIFY(res.json.value("resolution_seq").toDouble() > seq);
    pulled = pullRow("insp1");
    QCOMPARE(pulled.value("row").toObject().value("findings").toString(),
             QStringLiteral("insp1 version"));
    QCOMPARE(call("POST", "/api/v1/conflicts/" + conflictId + "/resolve", R"({"choice":"current"})",
                  m_tokens["sup1"])
                 .status,
             403);

    // A delete travels as a tombstone.
    PushChange d = c;
    d.seq = ++m_changeSeq;
    d.op = "delete";
    d.baseSeq = qint64(pulled.value("seq").toDouble());
    d.fields = {{"deleted_at", 9000}};
    QCOMPARE(pushOne(m_tokens["insp1"], m_devices["insp1"], d).value("status").toString(),
             QStringLiteral("applied"));
    pulled = pullRow("insp1");
    QVERIFY(pulled.value("deleted").toBool());
    QCOMPARE(pulled.value("row").toObject().value("findings").toString(),
             QStringLiteral("insp1 version"));

    // Logout ends the token.
    const QString t = login("insp2", "tablet-logout");
    QCOMPARE(call("POST", "/api/v1/logout", {}, t).status, 200);
    QCOMPARE(call("GET", "/api/v1/pull", {}, t).status, 401);
}

void TestRegistryServer::conflictResolution()
{
    // Every row id pulled by insp1 after `since`, with its last entry.
    const auto pulledAfter = [&](qint64 since) {
        QHash<QString, QJsonObject> rows;
        for (int page = 0; page < 50; ++page) {
            const Response p =
                call("GET", QStringLiteral("/api/v1/pull?since=%1&limit=2").arg(since), {},
                     m_tokens["insp1"]);
            if (p.status != 200)
                return QHash<QString, QJsonObject>{{"http", QJsonObject{{"status", p.status}}}};
            for (const QJsonValue &v : pulledRows(p))
                rows.insert(v.toObject().value("row_id").toString(), v.toObject());
            since = qint64(p.json.value("next").toDouble());
            if (!p.json.value("more").toBool())
                break;
        }
        return rows;
    };
    const auto kindOf = [&](const QString &conflictId) {
        for (const QJsonValue &v : call("GET", "/api/v1/conflicts", {}, m_tokens["sup1"])
                                       .json.value("conflicts")
                                       .toArray())
            if (v.toObject().value("id").toString() == conflictId)
                return v.toObject().value("kind").toString();
        return QString();
    };
    const auto resolve = [&](const QString &id, const QByteArray &body) {
        return call("POST", "/api/v1/conflicts/" + id + "/resolve", body, m_tokens["sup1"]);
    };
    // insp1 inserts a row; sup1 then `first` and insp1 `second`, both from the inserted version.
    // Returns the conflict id of insp1's change.
    const auto makeConflict = [&](const QString &rowId, const QString &first, const QString &second,
                                  QString *kind) {
        PushChange c;
        c.seq = ++m_changeSeq;
        c.entity = "inspections";
        c.rowId = rowId;
        c.op = "insert";
        c.fields = inspectionFields("c1");
        c.fields.insert("findings", "Bản đầu");
        const QJsonObject r = pushOne(m_tokens["insp1"], m_devices["insp1"], c);
        const qint64 base = qint64(r.value("seq").toDouble());
        const auto change = [&](const QString &op, const QString &findings) {
            PushChange x = c;
            x.seq = ++m_changeSeq;
            x.op = op;
            x.baseSeq = base;
            x.fields = op == "delete" ? QJsonObject{{"deleted_at", 5000}}
                                      : QJsonObject{{"findings", findings}, {"updated_at", 3000}};
            return x;
        };
        const QJsonObject a = pushOne(m_tokens["sup1"], m_devices["sup1"],
                                      change(first, QStringLiteral("Bản của giám sát")));
        const QJsonObject b = pushOne(m_tokens["insp1"], m_devices["insp1"],
                                      change(second, QStringLiteral("Bản của thanh tra")));
        if (a.value("status").toString() != "applied" || b.value("status").toString() != "conflict")
            return QStringLiteral("unexpected: %1 / %2")
                .arg(QString::fromUtf8(QJsonDocument(a).toJson()),
                     QString::fromUtf8(QJsonDocument(b).toJson()));
        const QString id = b.value("conflict_ids").toArray().at(0).toString();
        *kind = kindOf(id);
        return id;
    };

    // 1. A field conflict resolved with a value the supervisor types.
    QString kind;
    const QString rowV = Uuid7::generate();
    const QString idV = makeConflict(rowV, "update", "update", &kind);
    QCOMPARE(kind, QStringLiteral("field"));
    QCOMPARE(resolve(idV, R"({"choice":"value"})").status, 400);           // no value
    QCOMPARE(resolve(idV, R"({"choice":"value","value":5})").status, 400); // findings is text
    QCOMPARE(resolve(idV, R"({"choice":"other"})").status, 400);
    qint64 before = m_store.serverSeq();
    Response res = resolve(idV, R"({"choice":"value","value":"Giá trị do giám sát chốt"})");
    QCOMPARE(res.status, 200);
    QCOMPARE(res.json.value("resolution").toString(), QStringLiteral("value"));
    qint64 resSeq = qint64(res.json.value("resolution_seq").toDouble());
    QVERIFY(resSeq > before);
    QCOMPARE(m_store.serverSeq(), resSeq);
    QHash<QString, QJsonObject> pulled = pulledAfter(before);
    QCOMPARE(pulled.size(), 1);
    QCOMPARE(qint64(pulled.value(rowV).value("seq").toDouble()), resSeq);
    QCOMPARE(pulled.value(rowV).value("row").toObject().value("findings").toString(),
             QStringLiteral("Giá trị do giám sát chốt"));
    QCOMPARE(resolve(idV, R"({"choice":"incoming"})").status, 403); // resolved once only

    // 2. Edit against delete (sup1 deleted, insp1 edited): "incoming" restores the row with the
    // edit, as a new write.
    const QString rowED = Uuid7::generate();
    const QString idED = makeConflict(rowED, "delete", "update", &kind);
    QCOMPARE(kind, QStringLiteral("edit_vs_delete"));
    QCOMPARE(resolve(idED, R"({"choice":"value","value":"x"})").status,
             400); // not a field conflict
    before = m_store.serverSeq();
    res = resolve(idED, R"({"choice":"incoming"})");
    QCOMPARE(res.status, 200);
    resSeq = qint64(res.json.value("resolution_seq").toDouble());
    QVERIFY(resSeq > before);
    pulled = pulledAfter(before);
    QCOMPARE(pulled.size(), 1);
    QCOMPARE(qint64(pulled.value(rowED).value("seq").toDouble()), resSeq);
    QCOMPARE(pulled.value(rowED).value("deleted").toBool(), false);
    QVERIFY(pulled.value(rowED).value("row").toObject().value("deleted_at").isNull());
    QCOMPARE(pulled.value(rowED).value("row").toObject().value("findings").toString(),
             QStringLiteral("Bản của thanh tra"));

    // ... and "current" keeps the delete: marked resolved, no new write, nothing new to pull.
    const QString rowED2 = Uuid7::generate();
    const QString idED2 = makeConflict(rowED2, "delete", "update", &kind);
    QCOMPARE(kind, QStringLiteral("edit_vs_delete"));
    before = m_store.serverSeq();
    res = resolve(idED2, R"({"choice":"current"})");
    QCOMPARE(res.status, 200);
    QVERIFY(!res.json.contains("resolution_seq"));
    QCOMPARE(m_store.serverSeq(), before);
    QVERIFY(pulledAfter(before).isEmpty());
    pulled = pulledAfter(0);
    QVERIFY(pulled.value(rowED2).value("deleted").toBool());

    // 3. Delete against edit (sup1 edited, insp1 deleted): "incoming" deletes the row as a new
    // write that travels as a tombstone.
    const QString rowDE = Uuid7::generate();
    const QString idDE = makeConflict(rowDE, "update", "delete", &kind);
    QCOMPARE(kind, QStringLiteral("delete_vs_edit"));
    before = m_store.serverSeq();
    res = resolve(idDE, R"({"choice":"incoming"})");
    QCOMPARE(res.status, 200);
    resSeq = qint64(res.json.value("resolution_seq").toDouble());
    QVERIFY(resSeq > before);
    pulled = pulledAfter(before);
    QCOMPARE(pulled.size(), 1);
    QCOMPARE(qint64(pulled.value(rowDE).value("seq").toDouble()), resSeq);
    QVERIFY(pulled.value(rowDE).value("deleted").toBool());
    QCOMPARE(pulled.value(rowDE).value("row").toObject().value("findings").toString(),
             QStringLiteral("Bản của giám sát")); // a tombstone keeps the last values

    // ... and "current" keeps the edited row alive without a new write.
    const QString rowDE2 = Uuid7::generate();
    const QString idDE2 = makeConflict(rowDE2, "update", "delete", &kind);
    QCOMPARE(kind, QStringLiteral("delete_vs_edit"));
    before = m_store.serverSeq();
    QCOMPARE(resolve(idDE2, R"({"choice":"current"})").status, 200);
    QCOMPARE(m_store.serverSeq(), before);
    pulled = pulledAfter(0);
    QVERIFY(!pulled.value(rowDE2).value("deleted").toBool());
    QCOMPARE(pulled.value(rowDE2).value("row").toObject().value("findings").toString(),
             QStringLiteral("Bản của giám sát"));
}

// Resolving writes the row as a push does: only where the resolver may write it, as it is now
// and as the choice makes it, and the record of work under a deleted row is its own province's.
void TestRegistryServer::aResolutionStaysWhereTheResolverMayWrite()
{
    const auto resolve = [&](const QString &user, const QString &id, const QByteArray &body) {
        return call("POST", "/api/v1/conflicts/" + id + "/resolve", body, m_tokens[user]);
    };
    const auto listed = [&](const QString &user, const QString &id) {
        for (const QJsonValue &v :
             call("GET", "/api/v1/conflicts", {}, m_tokens[user]).json.value("conflicts").toArray())
            if (v.toObject().value("id").toString() == id)
                return true;
        return false;
    };
    // An inspection of c1 the registry wrote, and sup1's change of `field` made on a version
    // from before it (base 0): a field conflict in p1.
    const auto conflictOn = [&](const QString &rowId, const QJsonObject &fields) {
        if (m_store.writeRow("inspections", rowId, inspectionFields("c1"), "test", QString())
                .failed())
            return QString();
        PushChange c;
        c.seq = ++m_changeSeq;
        c.entity = "inspections";
        c.rowId = rowId;
        c.op = "update";
        c.fields = fields;
        const QJsonObject r = pushOne(m_tokens["sup1"], m_devices["sup1"], c);
        return r.value("status").toString() == "conflict"
                   ? r.value("conflict_ids").toArray().at(0).toString()
                   : QString();
    };

    // 1. A value of the column that decides the row's province may not move it out of it.
    const QString moved = Uuid7::generate();
    const QString idMove = conflictOn(moved, {{"cluster_id", "c2"}});
    QVERIFY(!idMove.isEmpty());
    Response r = resolve("sup1", idMove, R"({"choice":"value","value":"c3"})");
    QCOMPARE(r.status, 403);
    QCOMPARE(r.json.value("code").toString(), QStringLiteral("forbidden"));
    QVERIFY2(r.json.value("message").toString().contains("địa bàn"), r.body.constData());
    QCOMPARE(m_store.row("inspections", moved)->value("cluster_id").toString(), "c1");
    QVERIFY(listed("sup1", idMove)); // still open
    QCOMPARE(resolve("sup1", idMove, R"({"choice":"value","value":"c2"})").status, 200);
    QCOMPARE(m_store.row("inspections", moved)->value("cluster_id").toString(), "c2");

    // 2. A row moved to another province since its conflict was recorded is no longer the old
    // province's supervisor's to resolve, whatever the choice; an admin still may.
    const QString gone = Uuid7::generate();
    const QString idGone = conflictOn(gone, {{"kind", "follow_up"}});
    QVERIFY(!idGone.isEmpty());
    QVERIFY(m_store.writeRow("inspections", gone, {{"cluster_id", "c3"}}, "test", QString()).ok());
    for (const QByteArray &body :
         {QByteArray(R"({"choice":"incoming"})"), QByteArray(R"({"choice":"current"})"),
          QByteArray(R"({"choice":"value","value":"unscheduled"})")}) {
        r = resolve("sup1", idGone, body);
        QCOMPARE(r.status, 403);
        QVERIFY2(r.json.value("message").toString().contains("chuyển đi"), r.body.constData());
        QVERIFY(!r.json.contains("conflict")); // nothing of what the row holds now
    }
    QCOMPARE(m_store.row("inspections", gone)->value("kind").toString(), "periodic");
    QCOMPARE(resolve("admin", idGone, R"({"choice":"incoming"})").status, 200);
    QCOMPARE(m_store.row("inspections", gone)->value("kind").toString(), "follow_up");

    // 3. Work of p1 under a p2 inspection that p2 deleted: the record is p2's, not p1's.
    const QString deleted = Uuid7::generate();
    QVERIFY(
        m_store.writeRow("inspections", deleted, inspectionFields("c3"), "test", QString()).ok());
    PushChange del;
    del.seq = ++m_changeSeq;
    del.entity = "inspections";
    del.rowId = deleted;
    del.op = "delete";
    del.baseSeq = m_store.serverSeq();
    del.fields = {{"deleted_at", 5000}};
    QCOMPARE(pushOne(m_tokens["sup2"], m_devices["sup2"], del).value("status").toString(),
             QStringLiteral("applied"));
    PushChange v;
    v.seq = ++m_changeSeq;
    v.entity = "violations";
    v.op = "insert";
    v.rowId = Uuid7::generate();
    v.fields = {{"inspection_id", deleted}, {"cluster_id", "c1"}, {"category", "x"},
                {"severity", "minor"},      {"observed", "x"},    {"status", "open"},
                {"created_at", 1},          {"updated_at", 1}};
    const QJsonObject work = pushOne(m_tokens["insp1"], m_devices["insp1"], v);
    QCOMPARE(work.value("status").toString(), QStringLiteral("conflict"));
    const QString idWork = work.value("conflict_ids").toArray().at(0).toString();
    QVERIFY(!listed("sup1", idWork));
    QVERIFY(listed("sup2", idWork));
    QCOMPARE(resolve("sup1", idWork, R"({"choice":"incoming"})").status, 403);
    QVERIFY(ChangeMerger::isTombstone(*m_store.row("inspections", deleted)));
    QCOMPARE(resolve("sup2", idWork, R"({"choice":"incoming"})").status, 200);
    QVERIFY(!ChangeMerger::isTombstone(*m_store.row("inspections", deleted)));
}

void TestRegistryServer::idleConnectionClosed()
{
    m_server->setIdleTimeout(300);
    const quint16 port = QUrl(m_base).port();
    // A client that connects and never sends a byte is dropped.
    QTcpSocket silent;
    silent.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(silent.waitForConnected(5000));
    QElapsedTimer clock;
    clock.start();
    QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, 10000);
    QVERIFY(clock.elapsed() >= 250);
    // So is one that stops half way through its request line.
    QTcpSocket slow;
    slow.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(slow.waitForConnected(5000));
    slow.write("GET /api/v1/in");
    QTRY_COMPARE_WITH_TIMEOUT(slow.state(), QAbstractSocket::UnconnectedState, 10000);
    QVERIFY(slow.readAll().isEmpty());
    // A client that keeps talking is answered.
    m_server->setIdleTimeout(RegistryServer::defaultIdleTimeoutMs);
    QCOMPARE(call("GET", "/api/v1/info").status, 200);
}

void TestRegistryServer::repliesLeaveAtOnce()
{
    // The headers and the body of a reply are separate writes: with Nagle's algorithm a body
    // smaller than a segment waits for the client's (delayed) ACK of the headers. Every accepted
    // connection sends at once (TCP_NODELAY).
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, QUrl(m_base).port());
    QVERIFY(client.waitForConnected(5000));
    client.write("GET /api/v1/info HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(client.bytesAvailable() > 0, 10000);
    QVERIFY(client.readAll().startsWith("HTTP/1.1 200"));
    int open = 0;
    for (QTcpSocket *s : m_server->findChildren<QTcpSocket *>()) {
        if (s->state() != QAbstractSocket::ConnectedState)
            continue;
        ++open;
        QCOMPARE(s->socketOption(QAbstractSocket::LowDelayOption).toInt(), 1);
    }
    QVERIFY(open >= 1);
}

void TestRegistryServer::concurrentPushes()
{
    // 200 connections to 127.0.0.1 open at once, each pushing a batch of two changes: every one
    // gets a complete answer, none a 5xx, and every change is stored.
    constexpr int clients = 200;
    const quint16 port = QUrl(m_base).port();
    const qint64 before = m_store.serverSeq();
    struct Client {
        QTcpSocket *socket = nullptr;
        QByteArray received;
        int status = 0;
        QJsonObject json;
    };
    QList<Client> cs(clients);
    QObject owner;
    for (Client &c : cs) {
        c.socket = new QTcpSocket(&owner);
        c.socket->connectToHost(QHostAddress::LocalHost, port);
    }
    QElapsedTimer clock;
    clock.start();
    const auto allConnected = [&] {
        for (const Client &c : cs)
            if (c.socket->state() != QAbstractSocket::ConnectedState)
                return false;
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(allConnected(), 20000);
    for (int i = 0; i < clients; ++i) {
        PushRequest req;
        req.protocol = ProtocolVersion::current;
        req.deviceId = m_devices["insp1"];
        for (int k = 0; k < 2; ++k) {
            PushChange c;
            c.seq = ++m_changeSeq;
            c.entity = "inspections";
            c.rowId = Uuid7::generate();
            c.op = "insert";
            c.fields = inspectionFields("c1");
            c.fields.insert("findings", QStringLiteral("Kết nối %1, thay đổi %2").arg(i).arg(k));
            req.changes << c;
        }
        const QByteArray body = req.toJson();
        cs[i].socket->write("POST /api/v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            "Authorization: Bearer " +
                            m_tokens["insp1"].toLatin1() +
                            "\r\nX-CCN-Protocol: " + QByteArray::number(ProtocolVersion::current) +
                            "\r\nX-CCN-Schema: " + schemaHeader.toLatin1() +
                            "\r\nContent-Type: application/json\r\nContent-Length: " +
                            QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }
    // A reply is complete when its headers and Content-Length bytes of body have arrived.
    const auto complete = [](Client &c) {
        if (c.status != 0)
            return true;
        c.received += c.socket->readAll();
        const int end = c.received.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QByteArray head = c.received.left(end).toLower();
        const int at = head.indexOf("content-length:");
        if (at < 0)
            return false;
        const int len = head.mid(at + 15).split('\r').first().trimmed().toInt();
        if (c.received.size() < end + 4 + len)
            return false;
        c.status = c.received.split(' ').value(1).toInt();
        c.json = QJsonDocument::fromJson(c.received.mid(end + 4, len)).object();
        return true;
    };
    const auto allAnswered = [&] {
        bool all = true;
        for (Client &c : cs)
            all = complete(c) && all;
        return all;
    };
    QTRY_VERIFY_WITH_TIMEOUT(allAnswered(), 30000);
    for (const Client &c : std::as_const(cs)) {
        QCOMPARE(c.status, 200);
        // Every change applied: the reply lists none.
        QVERIFY(c.json.value("results").isArray());
        QCOMPARE(c.json.value("results").toArray().size(), 0);
    }
    QCOMPARE(m_store.serverSeq(), before + clients * 2);
    qInfo("200 connections answered in %lld ms", clock.elapsed());
}

void TestRegistryServer::openApiCoversRoutes()
{
    QFile f(QStringLiteral(CCN_SOURCE_OPENAPI));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject fromFile = QJsonDocument::fromJson(f.readAll()).object();
    const Response served = call("GET", "/openapi.json");
    QCOMPARE(served.status, 200);
    QCOMPARE(served.json, fromFile); // the build serves the file in the tree
    const QJsonObject paths = fromFile.value("paths").toObject();
    QSet<QString> documented;
    for (auto p = paths.begin(); p != paths.end(); ++p)
        for (const QString &m : p.value().toObject().keys())
            documented.insert(m + ' ' + p.key());
    QSet<QString> served2;
    for (const auto &r : RegistryServer::routes()) {
        const QString key = QString::fromLatin1(r.first) + ' ' + r.second;
        served2.insert(key);
        const QJsonObject op = paths.value(r.second).toObject().value(r.first).toObject();
        QVERIFY2(!op.isEmpty(), qPrintable(key + " is not in openapi.json"));
        QVERIFY2(op.value("security").isArray(), qPrintable(key + " has no security entry"));
        // Public routes say so with an empty list; every other one needs the bearer token.
        const bool open = r.second == "/openapi.json" || r.second == "/api/v1/info" ||
                          r.second == "/api/v1/login";
        QCOMPARE(op.value("security").toArray().isEmpty(), open);
        // The dispatcher really serves it: no "no such endpoint" answer.
        QString path = r.second;
        path.replace("{sha}", QString(64, '0')).replace("{id}", "khong-co");
        const QString token =
            r.second == "/api/v1/logout" ? login("admin", "tablet-openapi") : m_tokens["admin"];
        const Response got = call(r.first.toUpper(), path, "{}", token);
        QVERIFY2(got.status != 405 &&
                     !(got.status == 404 &&
                       got.json.value("message").toString().contains("địa chỉ API")),
                 qPrintable(key + ": " + QString::number(got.status)));
        if (!open)
            QCOMPARE(call(r.first.toUpper(), path, "{}").status, 401);
    }
    QCOMPARE(documented, served2);
}

void TestRegistryServer::photoUploadResumeAndVerify()
{
    QFile f(QStringLiteral(CCN_SHARED_DIR "/data/photos/mobile/jolla.jpg"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    const QString sha = ContentHash::sha256Of(bytes);
    // The record first (the photo path never holds back records).
    PushChange c;
    c.seq = ++m_changeSeq;
    c.entity = "photos";
    c.rowId = Uuid7::generate();
    c.op = "insert";
    c.fields = {{"sha256", sha},      {"inspection_id", "i1"},
                {"source", "camera"}, {"byte_size", double(bytes.size())},
                {"created_at", 1},    {"updated_at", 1}};
    QCOMPARE(pushOne(m_tokens["insp1"], m_devices["insp1"], c).value("status").toString(),
             QStringLiteral("applied"));
    const QString tok = m_tokens["insp1"];
    const auto status = [&] {
        const Response r =
            call("POST", "/api/v1/photos/status",
                 QJsonDocument(QJsonObject{{"sha256", QJsonArray{sha}}}).toJson(), tok);
        return r.json.value("photos").toObject().value(sha).toObject();
    };
    QCOMPARE(status().value("state").toString(), QStringLiteral("missing"));
    const qint64 chunk = 300000;
    const auto put = [&](qint64 offset, const QByteArray &data) {
        return call("PUT", "/api/v1/photos/" + sha, data, tok,
                    {{"X-CCN-Offset", QByteArray::number(offset)},
                     {"X-CCN-Total-Size", QByteArray::number(bytes.size())},
                     {"Content-Type", "application/octet-stream"}});
    };
    Response r = put(0, bytes.left(chunk));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("state").toString(), QStringLiteral("partial"));
    // Interrupted: the status says where to resume; a wrong offset is refused with what it has.
    QCOMPARE(qint64(status().value("received").toDouble()), chunk);
    QCOMPARE(status().value("state").toString(), QStringLiteral("partial"));
    r = put(0, bytes.left(chunk));
    QCOMPARE(r.status, 409);
    QCOMPARE(r.json.value("code").toString(), QStringLiteral("offset_mismatch"));
    QCOMPARE(qint64(r.json.value("received").toDouble()), chunk);
    for (qint64 off = chunk; off < bytes.size(); off += chunk) {
        r = put(off, bytes.mid(off, chunk));
        QCOMPARE(r.status, 200);
    }
    QCOMPARE(r.json.value("state").toString(), QStringLiteral("complete"));
    QCOMPARE(status().value("state").toString(), QStringLiteral("complete"));
    // Someone no row of the photo is shown to learns nothing from its hash: another province's
    // supervisor, an inspector of another cluster.
    for (const char *other : {"sup2", "insp2"}) {
        const Response elsewhere =
            call("POST", "/api/v1/photos/status",
                 QJsonDocument(QJsonObject{{"sha256", QJsonArray{sha}}}).toJson(), m_tokens[other]);
        QCOMPARE(elsewhere.status, 200);
        const QJsonObject seen = elsewhere.json.value("photos").toObject().value(sha).toObject();
        QCOMPARE(seen.value("state").toString(), QStringLiteral("missing"));
        QCOMPARE(seen.value("received").toDouble(), 0.0);
    }
    QCOMPARE(call("POST", "/api/v1/photos/status",
                  QJsonDocument(QJsonObject{{"sha256", QJsonArray{sha}}}).toJson(),
                  m_tokens["sup1"])
                 .json.value("photos")
                 .toObject()
                 .value(sha)
                 .toObject()
                 .value("state")
                 .toString(),
             QStringLiteral("complete"));
    r = call("GET", "/api/v1/photos/" + sha, {}, tok);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, bytes);
    QCOMPARE(r.header("content-type"), QByteArray("image/jpeg"));
    r = call("GET", "/api/v1/photos/" + sha + "/thumbnail", {}, tok);
    QCOMPARE(r.status, 200);
    const QImage thumb = QImage::fromData(r.body, "JPEG");
    QVERIFY(!thumb.isNull());
    QVERIFY(qMax(thumb.width(), thumb.height()) <= RegistryPhotoStore::thumbnailEdge);
    QVERIFY(qMax(thumb.width(), thumb.height()) >= RegistryPhotoStore::thumbnailEdge - 1);

    // Bytes that do not match the name: 422, and nothing kept.
    const QString wrong = m_shaPending;
    const QByteArray junk(1000, 'x');
    r = call("PUT", "/api/v1/photos/" + wrong, junk, tok,
             {{"X-CCN-Offset", "0"}, {"X-CCN-Total-Size", "1000"}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json.value("code").toString(), QStringLiteral("photo_hash_mismatch"));
    const Response st =
        call("POST", "/api/v1/photos/status",
             QJsonDocument(QJsonObject{{"sha256", QJsonArray{wrong}}}).toJson(), tok);
    QCOMPARE(st.json.value("photos").toObject().value(wrong).toObject().value("state").toString(),
             QStringLiteral("missing"));
    QCOMPARE(call("GET", "/api/v1/photos/" + wrong, {}, tok).status, 404);
}

// The admin's page adds users as add-user does: a province, cluster or commune that is not the
// province's is refused with what it must be, and nobody is stored.
void TestRegistryServer::usersAddedOverHttpAreChecked()
{
    const auto usernames = [&] {
        QStringList names;
        for (const QJsonValue &u :
             call("GET", "/api/v1/users", {}, m_tokens["admin"]).json.value("users").toArray())
            names << u.toObject().value("username").toString();
        return names;
    };
    const QStringList before = usernames();
    const auto add = [&](const QString &name, const QString &role, const QString &province,
                         const QJsonArray &clusters, const QJsonArray &communes) {
        return call("POST", "/api/v1/users",
                    QJsonDocument(QJsonObject{{"username", name},
                                              {"password", "a-long-password"},
                                              {"role", role},
                                              {"province_id", province},
                                              {"clusters", clusters},
                                              {"communes", communes}})
                        .toJson(),
                    m_tokens["admin"]);
    };
    const struct {
        const char *province;
        QJsonArray clusters, communes;
        const char *says;
    } refused[] = {{"p9", {}, {}, "Không có tỉnh 'p9'"},
                   {"c1", {}, {}, "Không có tỉnh 'c1'"},
                   {"p1", {"c1", "c9"}, {}, "Không có cụm 'c9'"},
                   {"p1", {"c3"}, {}, "Cụm 'c3' thuộc tỉnh 'p2'"},
                   {"p1", {}, {"u9"}, "Không có xã/phường 'u9'"},
                   {"p1", {}, {"p1"}, "Không có xã/phường 'p1'"},
                   {"p2", {}, {"u1"}, "Xã/phường 'u1' không thuộc tỉnh 'p2'"}};
    for (const auto &r : refused) {
        const Response got = add("nguoi.moi", "local_officer", r.province, r.clusters, r.communes);
        QCOMPARE(got.status, 400);
        QCOMPARE(got.json.value("code").toString(), QStringLiteral("invalid_user"));
        QVERIFY2(got.json.value("message").toString().contains(QString::fromUtf8(r.says)),
                 qPrintable(got.json.value("message").toString()));
    }
    QCOMPARE(usernames(), before);
    const Response added = add("can.bo.xa", "local_officer", "p1", {}, {"u1"});
    QCOMPARE(added.status, 201);
    QCOMPARE(added.json.value("scope").toObject().value("communes").toArray(), QJsonArray{"u1"});
    // An admin's province is not checked (the first one comes before any province).
    QCOMPARE(add("quan.tri.moi", "admin", "p9", {}, {}).status, 201);
}

void TestRegistryServer::authorisation_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("expected");
    QFile f(QStringLiteral(CCN_FIXTURES_DIR "/sync/authz.tsv"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    int rows = 0;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QStringList p = line.split('\t');
        QCOMPARE(p.size(), 3);
        QTest::newRow(qPrintable(p.at(0) + " " + p.at(1))) << p.at(0) << p.at(1) << p.at(2);
        ++rows;
    }
    QVERIFY(rows > 50);
}

void TestRegistryServer::authorisation()
{
    QFETCH(QString, endpoint);
    QFETCH(QString, user);
    QFETCH(QString, expected);
    const QString tok = m_tokens.value(user);
    const QString dev = m_devices.value(user);
    const auto pushResult = [&](const PushChange &c) {
        const QJsonObject r = pushOne(tok, dev, c);
        return r.contains("http") ? QString::number(r.value("http").toInt())
                                  : r.value("status").toString();
    };
    PushChange c;
    c.seq = ++m_changeSeq;
    c.rowId = Uuid7::generate();
    c.op = "insert";
    c.entity = "inspections";
    QString got;
    if (endpoint == "info") {
        got = QString::number(call("GET", "/api/v1/info", {}, tok).status);
    } else if (endpoint == "pull") {
        got = QString::number(call("GET", "/api/v1/pull?since=0&limit=10", {}, tok).status);
    } else if (endpoint == "push" || endpoint == "push_c1" || endpoint == "push_c3") {
        c.fields = inspectionFields(endpoint == "push_c3" ? "c3" : "c1");
        got = pushResult(c);
    } else if (endpoint == "push_cluster_c1") {
        c.entity = "clusters";
        c.rowId = "c1";
        c.op = "update";
        c.baseSeq = m_store.serverSeq(); // has seen every earlier write: not concurrent
        c.fields = {{"notes", "ghi chú " + user}};
        got = pushResult(c);
    } else if (endpoint == "push_template") {
        c.entity = "checklist_templates";
        c.fields = {{"code", "TPL-" + c.rowId},
                    {"version", 1},
                    {"title", "Mẫu"},
                    {"created_at", 1},
                    {"updated_at", 1}};
        got = pushResult(c);
    } else if (endpoint == "discards_c1" || endpoint == "discards_c3") {
        // Any device may give up its refused changes; the row comes back only to those who may
        // read it ("+row").
        const QJsonObject change{{"change", double(++m_changeSeq)},
                                 {"entity", "inspections"},
                                 {"row_id", endpoint == "discards_c1" ? "i1" : "i3"}};
        const Response r = call(
            "POST", "/api/v1/discards",
            QJsonDocument(QJsonObject{{"protocol", 2}, {"changes", QJsonArray{change}}}).toJson(),
            tok);
        got = QString::number(r.status) +
              (r.json.value("runs").toArray().isEmpty() ? QString() : QStringLiteral("+row"));
    } else if (endpoint == "conflicts") {
        got = QString::number(call("GET", "/api/v1/conflicts", {}, tok).status);
    } else if (endpoint == "rejections") {
        got = QString::number(call("GET", "/api/v1/rejections", {}, tok).status);
    } else if (endpoint == "users_get") {
        got = QString::number(call("GET", "/api/v1/users", {}, tok).status);
    } else if (endpoint == "users_post") {
        const QByteArray body = QJsonDocument(QJsonObject{{"username", "new-" + user},
                                                          {"password", "a-long-password"},
                                                          {"role", "inspector"},
                                                          {"province_id", "p1"},
                                                          {"clusters", QJsonArray{"c1"}}})
                                    .toJson();
        got = QString::number(call("POST", "/api/v1/users", body, tok).status);
    } else if (endpoint == "devices") {
        got = QString::number(call("GET", "/api/v1/devices", {}, tok).status);
    } else if (endpoint.startsWith("revoke_") || endpoint.startsWith("reinstate_")) {
        // A throw-away device of sup2's (other: another province), of officer's (a field user
        // of p1) or of admin's, revoked by `user`; or revoked by the admin and given back by
        // `user`: it signs in again only when that was allowed.
        const QString whose = endpoint.section('_', 1);
        const QString owner = whose == "other" ? "sup2" : whose;
        const QString device = endpoint + "-" + user;
        QVERIFY(!login(owner, device).isEmpty());
        if (endpoint.startsWith("revoke_")) {
            got = QString::number(
                call("POST", "/api/v1/devices/" + device + "/revoke", {}, tok).status);
            QCOMPARE(login(owner, device).isEmpty(), got == "200");
        } else {
            QCOMPARE(
                call("POST", "/api/v1/devices/" + device + "/revoke", {}, m_tokens["admin"]).status,
                200);
            QVERIFY(login(owner, device).isEmpty());
            got = QString::number(
                call("POST", "/api/v1/devices/" + device + "/reinstate", {}, tok).status);
            QCOMPARE(!login(owner, device).isEmpty(), got == "200");
        }
    } else if (endpoint.startsWith("photo_get") || endpoint == "thumb_c1") {
        const QString sha = endpoint.endsWith("c3") ? m_sha3 : m_sha1;
        got = QString::number(
            call("GET", "/api/v1/photos/" + sha + (endpoint == "thumb_c1" ? "/thumbnail" : ""), {},
                 tok)
                .status);
    } else if (endpoint == "photo_put_c1") {
        got = QString::number(call("PUT", "/api/v1/photos/" + m_sha1, "x", tok,
                                   {{"X-CCN-Offset", "0"}, {"X-CCN-Total-Size", "1"}})
                                  .status);
    } else if (endpoint == "logout") {
        const QString t = user == "revoked" ? tok : login(user, "tablet-logout-" + user);
        got = QString::number(call("POST", "/api/v1/logout", {}, t).status);
    } else {
        QFAIL(qPrintable("unknown endpoint in fixture: " + endpoint));
    }
    QCOMPARE(got, expected);
}

void TestRegistryServer::badInput_data()
{
    QTest::addColumn<QJsonObject>("c");
    QFile f(QStringLiteral(CCN_FIXTURES_DIR "/sync/badinput.jsonl"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError pe;
        const QJsonObject o = QJsonDocument::fromJson(line, &pe).object();
        QVERIFY2(pe.error == QJsonParseError::NoError, line.constData());
        QTest::newRow(qPrintable(o.value("name").toString())) << o;
    }
}

void TestRegistryServer::badInput()
{
    QFETCH(QJsonObject, c);
    const qint64 seqBefore = m_store.serverSeq();
    const int conflictsBefore = int(m_store
                                        .conflicts(
                                            [] {
                                                Principal p;
                                                p.role = "admin";
                                                return p;
                                            }(),
                                            true)
                                        .size());
    QString path = c.value("path").toString();
    path.replace("SHAP", m_shaPending).replace("SHA1", m_sha1);
    QByteArray body = c.contains("body_hex")
                          ? QByteArray::fromHex(c.value("body_hex").toString().toLatin1())
                          : c.value("body").toString().toUtf8();
    body.replace("\"DEV\"", "\"" + m_devices["admin"].toUtf8() + "\"");
    QHash<QByteArray, QByteArray> headers;
    const QJsonObject h = c.value("headers").toObject();
    for (auto it = h.begin(); it != h.end(); ++it)
        headers.insert(it.key().toLatin1(), it.value().toString().toLatin1());
    const Response r =
        call(c.value("method").toString().toLatin1(), path, body, m_tokens["admin"], headers);
    QVERIFY2(r.status == c.value("status").toInt(),
             qPrintable(QStringLiteral("%1 %2").arg(r.status).arg(QString::fromUtf8(r.body))));
    QCOMPARE(r.json.value("code").toString(), c.value("code").toString());
    QVERIFY(!r.json.value("message").toString().isEmpty());
    QCOMPARE(m_store.serverSeq(), seqBefore); // nothing stored
    QCOMPARE(int(m_store
                     .conflicts(
                         [] {
                             Principal p;
                             p.role = "admin";
                             return p;
                         }(),
                         true)
                     .size()),
             conflictsBefore);
}

void TestRegistryServer::oversizedAndManyChanges()
{
    const qint64 seqBefore = m_store.serverSeq();
    // 17 MiB raw body.
    Response r = call("POST", "/api/v1/push", QByteArray(17 * 1024 * 1024, ' '), m_tokens["admin"]);
    QCOMPARE(r.status, 413);
    QCOMPARE(r.json.value("code").toString(), QStringLiteral("body_too_large"));
    // A small deflate body that inflates past 16 MiB.
    r = call("POST", "/api/v1/push", Compression::deflate(QByteArray(17 * 1024 * 1024, ' ')),
             m_tokens["admin"], {{"Content-Encoding", "deflate"}});
    QCOMPARE(r.status, 413);
    // A chunk over 1 MiB.
    r = call("PUT", "/api/v1/photos/" + m_shaPending, QByteArray(1024 * 1024 + 1, 'x'),
             m_tokens["admin"], {{"X-CCN-Offset", "0"}, {"X-CCN-Total-Size", "2000000"}});
    QCOMPARE(r.status, 413);
    // One change more than a batch may hold.
    PushRequest req =
        inspectionInserts(m_devices["admin"], ProtocolVersion::maxChangesPerPush + 1, &m_changeSeq);
    r = call("POST", "/api/v1/push", req.toJson(), m_tokens["admin"]);
    QCOMPARE(r.status, 400);
    QCOMPARE(m_store.serverSeq(), seqBefore);
    // A batch with one bad change: that change is rejected, the others stored.
    req.changes = req.changes.mid(0, 3);
    req.changes[1].entity = "users";
    req.changes[2].fields.insert("lat", -95.0);
    r = call("POST", "/api/v1/push", req.toJson(), m_tokens["admin"]);
    QCOMPARE(r.status, 200);
    // Only the changes that were not applied are listed, each by its seq.
    const QJsonArray results = r.json.value("results").toArray();
    QCOMPARE(results.size(), 2);
    QCOMPARE(qint64(results.at(0).toObject().value("change").toDouble()), req.changes[1].seq);
    QCOMPARE(results.at(0).toObject().value("code").toString(), QStringLiteral("unknown_entity"));
    QCOMPARE(qint64(results.at(1).toObject().value("change").toDouble()), req.changes[2].seq);
    QCOMPARE(results.at(1).toObject().value("code").toString(), QStringLiteral("invalid_value"));
    QCOMPARE(m_store.serverSeq(), seqBefore + 1);
}

void TestRegistryServer::replyAndBodyCodings()
{
    // A pull page in each coding the client may ask for decodes to the same text.
    const QString path = QStringLiteral("/api/v1/pull?since=0&limit=50");
    const QString token = m_tokens["admin"];
    const Response plain = call("GET", path, {}, token, {{"Accept-Encoding", "identity"}});
    QCOMPARE(plain.status, 200);
    QVERIFY(plain.body.size() > 512); // big enough to be compressed
    QVERIFY(plain.header("content-encoding").isEmpty());
    QByteArray out;
    bool tooLarge = false;
    // zstd first when it is taken (QNetworkAccessManager's own list names it last).
    const Response z = call("GET", path, {}, token, {{"Accept-Encoding", "gzip, deflate, zstd"}});
    QCOMPARE(z.status, 200);
    QCOMPARE(z.header("content-encoding"), QByteArray("zstd"));
    QVERIFY(Compression::unzstd(z.body, 1 << 24, &out, &tooLarge));
    QCOMPARE(out, plain.body);
    // q=0 says "not this one" (RFC 9110).
    const Response g = call("GET", path, {}, token, {{"Accept-Encoding", "zstd;q=0, gzip"}});
    QCOMPARE(g.header("content-encoding"), QByteArray("gzip"));
    QVERIFY(Compression::inflate(g.body, 1 << 24, &out, &tooLarge));
    QCOMPARE(out, plain.body);
    const Response d = call("GET", path, {}, token, {{"Accept-Encoding", "deflate"}});
    QCOMPARE(d.header("content-encoding"), QByteArray("deflate"));
    QVERIFY(Compression::inflate(d.body, 1 << 24, &out, &tooLarge));
    QCOMPARE(out, plain.body);
    // What QNetworkAccessManager asks for by itself, and decodes.
    const Response own = call("GET", path, {}, token);
    QCOMPARE(own.status, 200);
    QCOMPARE(own.body, plain.body);

    // A push body coded zstd: cut, it is refused and nothing stored; whole, it is stored; one
    // that decodes past 16 MiB is too large.
    const qint64 seqBefore = m_store.serverSeq();
    const PushRequest req = inspectionInserts(m_devices["admin"], 3, &m_changeSeq);
    const QByteArray packed = Compression::zstd(req.toJson());
    Response r = call("POST", "/api/v1/push", packed.left(packed.size() - 6), token,
                      {{"Content-Encoding", "zstd"}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json.value("code").toString(), QStringLiteral("bad_encoding"));
    QCOMPARE(m_store.serverSeq(), seqBefore);
    r = call("POST", "/api/v1/push", packed, token, {{"Content-Encoding", "zstd"}});
    QCOMPARE(r.status, 200);
    QVERIFY(r.json.value("results").toArray().isEmpty()); // all three applied
    QCOMPARE(m_store.serverSeq(), seqBefore + 3);
    r = call("POST", "/api/v1/push", Compression::zstd(QByteArray(17 * 1024 * 1024, ' ')), token,
             {{"Content-Encoding", "zstd"}});
    QCOMPARE(r.status, 413);
    QCOMPARE(r.json.value("code").toString(), QStringLiteral("body_too_large"));
    QCOMPARE(m_store.serverSeq(), seqBefore + 3);
    // Every answer, a refusal included, names the codings the registry reads (RFC 7694): the app
    // sends zstd only where it has seen it.
    for (const Response &any : {plain, z, r})
        QVERIFY(Compression::accepts(any.header("accept-encoding"), "zstd"));
}

void TestRegistryServer::oddTextRefusedPerChange_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("escaped");
    // Half of a UTF-16 pair, escaped as Qt's writer escapes it (backslash, u, d800): JSON that
    // Qt reads (simdjson does not).
    QTest::newRow("lone surrogate")
        << QStringLiteral("tr") + QChar(0xd800) + "ng" << QByteArray("tr\\ud800ng");
    // A NUL: SQLite's text would take it, PostgreSQL's cannot (it failed the whole batch there).
    QTest::newRow("NUL") << QStringLiteral("tr") + QChar(0) + "ng" << QByteArray("tr\\u0000ng");
}

void TestRegistryServer::oddTextRefusedPerChange()
{
    // Only that change is refused, as an invalid value that names its field; the others are
    // stored, the refused row is not.
    QFETCH(QString, text);
    QFETCH(QByteArray, escaped);
    const qint64 seqBefore = m_store.serverSeq();
    PushRequest req = inspectionInserts(m_devices["admin"], 3, &m_changeSeq);
    req.changes[1].fields.insert("findings", text);
    const QByteArray json = req.toJson();
    QVERIFY(json.contains(escaped));
    const Response r = call("POST", "/api/v1/push", json, m_tokens["admin"]);
    QCOMPARE(r.status, 200);
    const QJsonArray results = r.json.value("results").toArray();
    QCOMPARE(results.size(), 1);
    const QJsonObject refused = results.at(0).toObject();
    QCOMPARE(qint64(refused.value("change").toDouble()), req.changes[1].seq);
    QCOMPARE(refused.value("code").toString(), QStringLiteral("invalid_value"));
    QVERIFY2(refused.value("message").toString().contains("findings"),
             qPrintable(refused.value("message").toString()));
    QCOMPARE(m_store.serverSeq(), seqBefore + 2);
    QVERIFY(m_store.row("inspections", req.changes[0].rowId));
    QVERIFY(!m_store.row("inspections", req.changes[1].rowId));
    QVERIFY(m_store.row("inspections", req.changes[2].rowId));
}

// The push's replay guard is keyed by device id: changes sent under another tablet's id would
// turn that tablet's own later changes into "duplicates" never stored. So an id is its tablet's:
// signing in under it takes the secret the tablet made with it.
void TestRegistryServer::aDeviceIdIsItsTabletsAlone()
{
    const auto signIn = [&](const QString &user, const QString &device, const QString &secret) {
        return call("POST", "/api/v1/login",
                    QJsonDocument(QJsonObject{{"username", user},
                                              {"password", "password-" + user},
                                              {"device_id", device},
                                              {"device_secret", secret},
                                              {"device_name", "Máy của " + user}})
                        .toJson());
    };
    const QString stranger = QStringLiteral("another-tablet-0123456789abcdef0123456789");
    // insp2 knows insp1's tablet id (a supervisor sees every id of the province), not its secret.
    Response r = signIn("insp2", m_devices["insp1"], stranger);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.json.value("code").toString(), QStringLiteral("device_taken"));
    QVERIFY(r.json.value("message").toString().contains("thuộc một máy khác"));
    // Nor does insp1 get in on it with another secret (a copy of the id on another tablet).
    QCOMPARE(signIn("insp1", m_devices["insp1"], stranger).status, 403);
    // insp1's tablet handed to insp2 sends its own secret: that works, as before.
    QCOMPARE(signIn("insp2", m_devices["insp1"], secretOf(m_devices["insp1"])).status, 200);
    QCOMPARE(signIn("insp1", m_devices["insp1"], secretOf(m_devices["insp1"])).status, 200);
    // A new id is the first tablet's to send it.
    QCOMPARE(signIn("insp2", "tablet-new", secretOf("tablet-new")).status, 200);
    QCOMPARE(signIn("insp1", "tablet-new", stranger).status, 403);
    // An id registered before registry schema 12 has no key: one of its own users sets it; a
    // user who never signed in on it does not.
    QCOMPARE(signIn("sup1", "tablet-old", secretOf("tablet-old")).status, 200);
    QSqlQuery q(m_store.connection());
    QVERIFY(q.exec("DELETE FROM device_keys WHERE device_id = 'tablet-old'"));
    QCOMPARE(signIn("insp2", "tablet-old", stranger).status, 403);
    QCOMPARE(signIn("sup1", "tablet-old", secretOf("tablet-old")).status, 200);
    QCOMPARE(signIn("insp2", "tablet-old", stranger).status, 403);
    QCOMPARE(signIn("insp2", "tablet-old", secretOf("tablet-old")).status, 200);
    // What a refusal stored: nothing (no device row for the refused users).
    QVERIFY(q.exec("SELECT count(*) FROM devices d JOIN users u ON u.id = d.user_id "
                   "WHERE u.username = 'insp1' AND d.device_id = 'tablet-new'"));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestRegistryServer::loginSlowDown()
{
    m_server->throttle().setPolicy(3, 60, 900);
    const auto attempt = [&](const QString &user, const QString &password) {
        return call("POST", "/api/v1/login",
                    QJsonDocument(QJsonObject{{"username", user},
                                              {"password", password},
                                              {"device_id", "tablet-x"},
                                              {"device_secret", secretOf("tablet-x")},
                                              {"device_name", "x"}})
                        .toJson());
    };
    for (int i = 0; i < 3; ++i)
        QCOMPARE(attempt("sup2", "wrong").status, 401);
    // Over the limit: even the right password waits, told how long, without blocking the server.
    Response r = attempt("sup2", "password-sup2");
    QCOMPARE(r.status, 429);
    QCOMPARE(r.json.value("code").toString(), QStringLiteral("too_many_attempts"));
    QCOMPARE(r.header("retry-after").toInt(), 60);
    QCOMPARE(call("GET", "/api/v1/info").status, 200);
    QCOMPARE(attempt("sup1", "password-sup1").status, 200); // other users are not held up
    m_clock += 59 * 1000;
    QCOMPARE(attempt("sup2", "password-sup2").status, 429);
    m_clock += 2 * 1000;
    QCOMPARE(attempt("sup2", "wrong").status, 401);
    r = attempt("sup2", "password-sup2");
    QCOMPARE(r.status, 429); // the delay doubled
    QCOMPARE(r.header("retry-after").toInt(), 120);
    m_clock += 121 * 1000;
    QCOMPARE(attempt("sup2", "password-sup2").status, 200);
    QCOMPARE(attempt("sup2", "wrong").status, 401); // success reset the count
}

// The database not answering (a table gone here; on PostgreSQL, a lost connection) is a 500
// that says so: not a 401 (the tablet would sign its user out), not a wrong password counted
// against the user, not an empty list.
void TestRegistryServer::aDatabaseThatCannotBeReadIsNotAnAnswer()
{
    m_server->throttle().setPolicy(3, 60, 900);
    const QString token = m_tokens.value("sup1");
    QVERIFY(!token.isEmpty());
    QSqlQuery q(m_store.connection());
    const auto isStorageError = [](const Response &r) {
        return r.status == 500 && r.json.value("code") == QLatin1String("storage_error") &&
               r.json.value("message").toString().contains("cơ sở dữ liệu");
    };
    QVERIFY(q.exec("ALTER TABLE users RENAME TO users_away"));
    const QByteArray signIn = QJsonDocument(QJsonObject{{"username", "sup1"},
                                                        {"password", "password-sup1"},
                                                        {"device_id", "tablet-x"},
                                                        {"device_secret", secretOf("tablet-x")},
                                                        {"device_name", "x"}})
                                  .toJson();
    for (int i = 0; i < 4; ++i) {
        const Response r = call("POST", "/api/v1/login", signIn);
        QVERIFY2(isStorageError(r), r.body.constData());
    }
    QVERIFY(q.exec("ALTER TABLE users_away RENAME TO users"));
    QCOMPARE(call("POST", "/api/v1/login", signIn).status, 200); // none of the four counted

    QVERIFY(q.exec("ALTER TABLE tokens RENAME TO tokens_away"));
    Response r = call("GET", "/api/v1/devices", {}, token);
    QVERIFY2(isStorageError(r), r.body.constData());
    QVERIFY(q.exec("ALTER TABLE tokens_away RENAME TO tokens"));
    QVERIFY(q.exec("ALTER TABLE device_events RENAME TO device_events_away"));
    r = call("GET", "/api/v1/devices", {}, token);
    QVERIFY2(isStorageError(r), r.body.constData());
    QVERIFY(q.exec("ALTER TABLE device_events_away RENAME TO device_events"));
    r = call("GET", "/api/v1/devices", {}, token);
    QCOMPARE(r.status, 200);
    QVERIFY(r.json.value("total").toInt() >= 1);
    QCOMPARE(r.json.value("total").toInt(), r.json.value("devices").toArray().size());
    for (const char *table : {"conflicts", "push_outcomes"}) {
        QVERIFY(q.exec(QStringLiteral("ALTER TABLE %1 RENAME TO away").arg(table)));
        r = call("GET",
                 table == QLatin1String("conflicts") ? "/api/v1/conflicts" : "/api/v1/rejections",
                 {}, token);
        QVERIFY(q.exec(QStringLiteral("ALTER TABLE away RENAME TO %1").arg(table)));
        QVERIFY2(isStorageError(r), r.body.constData());
    }
    QCOMPARE(call("GET", "/api/v1/conflicts", {}, token).status, 200);

    // A photo's rights are read from the records that name it.
    const QString sha = QString(64, QLatin1Char('a'));
    QVERIFY(q.exec("ALTER TABLE records RENAME TO records_away"));
    r = call("GET", "/api/v1/photos/" + sha, {}, token);
    const Response put = call("PUT", "/api/v1/photos/" + sha, "x", token,
                              {{"X-CCN-Offset", "0"}, {"X-CCN-Total-Size", "1"}});
    QVERIFY(q.exec("ALTER TABLE records_away RENAME TO records"));
    QVERIFY2(isStorageError(r), r.body.constData());
    QVERIFY2(isStorageError(put), put.body.constData());
    QCOMPARE(call("GET", "/api/v1/photos/" + sha, {}, token).status, 404);
}

// A logout whose token the database did not delete (a trigger refuses it here) is a 500: the
// token still signs in, and the client must not believe it ended.
void TestRegistryServer::aLogoutThatCannotEndItsTokenSaysSo()
{
    const QString token = login("insp2", "tablet-logout-kept");
    QVERIFY(!token.isEmpty());
    QSqlQuery q(m_store.connection());
    if (m_store.isPostgres()) {
        QVERIFY2(q.exec("CREATE FUNCTION tokens_kept() RETURNS trigger LANGUAGE plpgsql AS "
                        "$$ BEGIN RAISE EXCEPTION 'tokens kept'; END $$"),
                 qPrintable(q.lastError().text()));
        QVERIFY2(q.exec("CREATE TRIGGER tokens_kept BEFORE DELETE ON tokens FOR EACH ROW "
                        "EXECUTE FUNCTION tokens_kept()"),
                 qPrintable(q.lastError().text()));
    } else {
        QVERIFY2(q.exec("CREATE TRIGGER tokens_kept BEFORE DELETE ON tokens BEGIN "
                        "SELECT RAISE(ABORT, 'tokens kept'); END"),
                 qPrintable(q.lastError().text()));
    }
    const Response r = call("POST", "/api/v1/logout", {}, token);
    QVERIFY(q.exec("DROP TRIGGER tokens_kept" + QString(m_store.isPostgres() ? " ON tokens" : "")));
    if (m_store.isPostgres())
        QVERIFY(q.exec("DROP FUNCTION tokens_kept()"));
    QCOMPARE(r.status, 500);
    QCOMPARE(r.json.value("code").toString(), QStringLiteral("storage_error"));
    QVERIFY2(r.json.value("message").toString().contains("vẫn còn hiệu lực"), r.body.constData());
    QCOMPARE(call("GET", "/api/v1/pull", {}, token).status, 200); // still signed in, as said
    QCOMPARE(call("POST", "/api/v1/logout", {}, token).status, 200);
    QCOMPARE(call("GET", "/api/v1/pull", {}, token).status, 401);
}

void TestRegistryServer::https()
{
    QTemporaryDir dir;
    QProcess openssl;
    openssl.start("openssl",
                  {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                   "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout",
                   dir.filePath("key.pem"), "-out", dir.filePath("cert.pem")});
    QVERIFY2(openssl.waitForFinished(60000) && openssl.exitCode() == 0,
             openssl.readAllStandardError().constData());
    QFile cf(dir.filePath("cert.pem")), kf(dir.filePath("key.pem"));
    QVERIFY(cf.open(QIODevice::ReadOnly) && kf.open(QIODevice::ReadOnly));
    const QSslCertificate cert(cf.readAll(), QSsl::Pem);
    const QSslKey key(kf.readAll(), QSsl::Rsa, QSsl::Pem);
    QVERIFY(!cert.isNull() && !key.isNull());
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificate(cert);
    ssl.setPrivateKey(key);
    RegistryServer tlsServer(&m_store, m_dir.path());
    QString error;
    const quint16 port = tlsServer.listenOn(QHostAddress::LocalHost, 0, ssl, &error);
    QVERIFY2(port > 0, qPrintable(error));
    QSslConfiguration client = QSslConfiguration::defaultConfiguration();
    client.setCaCertificates({cert});
    QSslConfiguration::setDefaultConfiguration(client);
    const QString base = QStringLiteral("https://127.0.0.1:%1").arg(port);
    Response r = call("GET", "/api/v1/info", {}, {}, {}, base);
    QVERIFY2(r.status == 200, qPrintable(QString::number(int(r.error))));
    r = call("POST", "/api/v1/login",
             QJsonDocument(QJsonObject{{"username", "insp1"},
                                       {"password", "password-insp1"},
                                       {"device_id", "tablet-tls"},
                                       {"device_secret", secretOf("tablet-tls")},
                                       {"device_name", "tls"}})
                 .toJson(),
             {}, {}, base);
    QCOMPARE(r.status, 200);
    const QString tok = r.json.value("token").toString();
    QCOMPARE(call("GET", "/api/v1/pull", {}, tok, {}, base).status, 200);
    // Plain HTTP to the TLS port gets no HTTP answer.
    r = call("GET", "/api/v1/info", {}, {}, {}, QStringLiteral("http://127.0.0.1:%1").arg(port));
    QVERIFY(r.status != 200);
}

void TestRegistryServer::listenPolicy()
{
    const QHostAddress lo(QHostAddress::LocalHost), lo6(QHostAddress::LocalHostIPv6),
        any(QHostAddress::AnyIPv4), lan(QStringLiteral("192.168.1.10"));
    QVERIFY(RegistryServer::checkListenPolicy({lo}, false, false, false).isEmpty());
    QVERIFY(RegistryServer::checkListenPolicy({lo, lo6}, false, false, true).isEmpty());
    QVERIFY(!RegistryServer::checkListenPolicy({any}, false, false, false).isEmpty());
    QVERIFY(!RegistryServer::checkListenPolicy({lo, lan}, false, false, false).isEmpty());
    QVERIFY(RegistryServer::checkListenPolicy({any}, true, false, false).isEmpty());
    QVERIFY(RegistryServer::checkListenPolicy({lan}, false, true, false).isEmpty());
    QVERIFY(RegistryServer::checkListenPolicy({lan}, true, false, true).contains("loopback"));
    QVERIFY(RegistryServer::checkListenPolicy({any}, false, true, true).contains("--demo"));
}

void TestRegistryServer::demoRefusedOffLoopback()
{
    const QString exe = QStringLiteral(CCN_BINARY_DIR "/sync/ccn-registry");
    QVERIFY2(QFileInfo::exists(exe), "build the ccn-registry target");
    QTemporaryDir dir;
    QProcess p;
    QStringList args{"serve",   "--data-dir", dir.path(),
                     "--port",  "0",          "--bind",
                     "0.0.0.0", "--demo",     "--allow-insecure-http"};
    if (!m_url.isEmpty())
        args << "--database" << m_url;
    p.start(exe, args);
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("loopback"));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty()); // refused before touching storage
    // Plain HTTP off loopback is refused too.
    p.start(exe, {"serve", "--data-dir", dir.path(), "--port", "0", "--bind", "0.0.0.0"});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("--tls-cert"));
    // On loopback the demo serves, prints its URL, and stops cleanly on SIGTERM.
    p.start(exe,
            QStringList{"serve", "--data-dir", dir.path(), "--port", "0", "--demo", "--fast-hash"} +
                (m_url.isEmpty() ? QStringList() : QStringList{"--database", m_url}));
    QByteArray out;
    for (int i = 0; i < 600 && !out.contains("Listening on http://127.0.0.1:"); ++i) {
        p.waitForReadyRead(100);
        out += p.readAllStandardOutput();
    }
    QVERIFY2(out.contains("Listening on http://127.0.0.1:"), out.constData());
    const QString url = QString::fromLatin1(
        out.mid(out.indexOf("http://127.0.0.1:")).split('\n').first().trimmed());
    const Response r = call(
        "POST", "api/v1/login",
        R"({"username":"supervisor.demo","password":"demo-password","device_id":"d","device_secret":"secret-of-d-0123456789abcdef0123456789","device_name":"n"})",
        {}, {}, url);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("user").toObject().value("role").toString(),
             QStringLiteral("supervisor"));
    p.terminate();
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
}

void TestRegistryServer::clusterImportAllOrNothing()
{
    const qint64 before = m_store.serverSeq();
    QStringList errors;
    const QByteArray bad = "code,name,province_id,status,planned_area_ha\n"
                           "CCN-01,\"Cụm công nghiệp Đồng Văn, giai đoạn 2\",p1,operating,75.5\n"
                           "CCN-02,Cụm công nghiệp Gia Sinh,p1,flying,50\n"
                           "CCN-03,Cụm công nghiệp Khánh Thượng,p1,planned,abc\n";
    QCOMPARE(ClusterImporter(&m_store).importData(bad, &errors), -1);
    QCOMPARE(errors.size(), 2);
    QVERIFY(errors.at(0).startsWith("Dòng 3:"));
    QVERIFY(errors.at(1).startsWith("Dòng 4:"));
    QCOMPARE(m_store.serverSeq(), before); // nothing partly imported
    errors.clear();
    QCOMPARE(ClusterImporter(&m_store).importData("code,name\nx,y\n", &errors), -1);
    QVERIFY(errors.join(' ').contains("province_id"));
    errors.clear();
    QCOMPARE(ClusterImporter(&m_store).importData(
                 "code,name,province_id,status\n\xff\xfe,x,p1,planned\n", &errors),
             -1);
    QVERIFY(errors.join(' ').contains("UTF-8"));
    errors.clear();
    // A file cut inside a character's bytes (no newline after it): refused, not shortened.
    QCOMPARE(ClusterImporter(&m_store).importData(
                 "code,province_id,status,name\nCCN-09,p1,planned,C\xe1\xba", &errors),
             -1);
    QVERIFY(errors.join(' ').contains("UTF-8"));
    QCOMPARE(m_store.serverSeq(), before);
    errors.clear();
    const QByteArray good = "\xef\xbb\xbf"
                            "code,name,province_id,status,planned_area_ha\n"
                            "CCN-01,\"Cụm công nghiệp Đồng Văn, giai đoạn 2\",p1,operating,75.5\n"
                            "CCN-02,Cụm công nghiệp Gia Sinh,p1,planned,\n";
    QCOMPARE(ClusterImporter(&m_store).importData(good, &errors), 2);
    QVERIFY(errors.isEmpty());
    QCOMPARE(m_store.serverSeq(), before + 2);
    const PullPage page = m_store.pull(
        [] {
            Principal p;
            p.role = "admin";
            return p;
        }(),
        before, 10);
    QCOMPARE(page.rowCount(), 2);
    QCOMPARE(page.rows().at(0).row.value("name").toString(),
             QStringLiteral("Cụm công nghiệp Đồng Văn, giai đoạn 2"));
    QCOMPARE(page.rows().at(0).row.value("planned_area_ha").toDouble(), 75.5);
}

void TestRegistryServer::backup()
{
    QTemporaryDir dir;
    const QString out = dir.filePath("backup.sqlite");
    const CoreError e = m_store.backup(out);
    QVERIFY2(e.ok(), qPrintable(e.message()));
    if (m_store.isPostgres()) {
        // pg_dump's custom format (tst_registrycommand reads it back with pg_restore).
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.read(5), QByteArray("PGDMP"));
        QVERIFY(m_store.backup(out).failed()); // never overwrites
        return;
    }
    RegistryStore copy;
    QTemporaryDir dataDir;
    QVERIFY(QFile::copy(out, dataDir.filePath("registry.sqlite")));
    QVERIFY(copy.open(dataDir.path()).ok());
    QCOMPARE(copy.serverSeq(), m_store.serverSeq());
    QVERIFY(m_store.backup(out).failed()); // never overwrites
}

// The rows of a fuzz fixture (one JSON object a line), named by `nameKey`, each with its seed.
static void fuzzRows(const char *file, const char *nameKey, quint32 firstSeed)
{
    QTest::addColumn<QJsonObject>("c");
    QTest::addColumn<quint32>("seed");
    QFile f(QStringLiteral(CCN_FIXTURES_DIR "/sync/") + QLatin1String(file));
    QVERIFY(f.open(QIODevice::ReadOnly));
    quint32 seed = firstSeed;
    while (!f.atEnd()) {
        const QJsonObject o = QJsonDocument::fromJson(f.readLine()).object();
        QVERIFY(!o.isEmpty());
        QTest::newRow(qPrintable(o.value(QLatin1String(nameKey)).toString())) << o << seed++;
    }
}

void TestRegistryServer::mutatedBodies_data()
{
    fuzzRows("fuzz-bodies.jsonl", "path", 1);
}

// Valid bodies of every endpoint that takes one, each changed a few hundred ways (seeded): every
// answer is a 2xx or a 4xx with a code and a message, never a 5xx or none; a refused push or
// discard list stores nothing; the registry answers after.
void TestRegistryServer::mutatedBodies()
{
    QFETCH(QJsonObject, c);
    QFETCH(quint32, seed);
    BodyMutator mutator(seed);
    const QString path = c.value("path").toString();
    const bool writes = path.endsWith("/push") || path.endsWith("/discards");
    int refused = 0;
    for (int i = 0; i < 600; ++i) {
        QByteArray body = c.value("body").toString().toUtf8();
        const qint64 seq = ++m_changeSeq;
        body.replace("SEQ1", QByteArray::number(++m_changeSeq))
            .replace("SEQ", QByteArray::number(seq))
            .replace("\"DEV\"", "\"" + m_devices["admin"].toUtf8() + "\"")
            .replace("SHA1", m_sha1.toLatin1())
            .replace("SHAP", m_shaPending.toLatin1());
        if (i > 0) // the first as it is: the body is valid
            body = mutator.mutate(body);
        const qint64 before = m_store.serverSeq();
        const Response r = call("POST", path, body, m_tokens["admin"]);
        const QByteArray shown = body.left(300).toPercentEncoding(" {}[]\":,");
        QVERIFY2(
            r.status >= 200 && r.status < 500,
            qPrintable(QStringLiteral("%1 for %2").arg(r.status).arg(QString::fromLatin1(shown))));
        if (i == 0)
            QVERIFY2(r.status < 400 || path.contains("/conflicts/"), r.body.constData());
        if (r.status < 400)
            continue;
        ++refused;
        QVERIFY2(!r.json.value("code").toString().isEmpty() &&
                     !r.json.value("message").toString().isEmpty(),
                 qPrintable(QString::fromLatin1(shown) + " -> " + QString::fromUtf8(r.body)));
        if (writes)
            QCOMPARE(m_store.serverSeq(), before);
    }
    QVERIFY2(refused > 300, "the mutations hardly changed anything"); // the check can fail
    QCOMPARE(call("GET", "/api/v1/info").status, 200);
}

void TestRegistryServer::mutatedRequests_data()
{
    fuzzRows("fuzz-requests.jsonl", "name", 101);
}

// Query strings and headers, changed as mutatedBodies changes bodies (seeded; one part a
// request): every answer is a 2xx or a worded 4xx. Header values stay printable ASCII: anything
// else is Qt's HTTP parser's to refuse before the registry reads a word.
void TestRegistryServer::mutatedRequests()
{
    QFETCH(QJsonObject, c);
    QFETCH(quint32, seed);
    BodyMutator mutator(seed);
    QRandomGenerator pick(seed);
    const QJsonObject given = c.value("headers").toObject();
    const QStringList parts = QStringList{"query"} + given.keys();
    QByteArray body = c.value("body").toString().toUtf8();
    body.replace("\"DEV\"", "\"" + m_devices["admin"].toUtf8() + "\"");
    const QString path = c.value("path").toString().replace("SHAP", m_shaPending);
    int refused = 0;
    for (int i = 0; i < 400; ++i) {
        QByteArray query = c.value("query").toString().toUtf8();
        QHash<QByteArray, QByteArray> headers;
        for (auto it = given.begin(); it != given.end(); ++it)
            headers.insert(it.key().toLatin1(),
                           it.value().toString().replace("EPOCH", m_store.epoch()).toLatin1());
        const QString part = parts.at(int(pick.bounded(qsizetype(parts.size()))));
        if (i > 0 && part == "query") {
            query = mutator.mutate(query);
        } else if (i > 0) {
            QByteArray &value = headers[part.toLatin1()];
            value = mutator.mutate(value);
            for (char &ch : value)
                if (ch < 0x20 || ch > 0x7e)
                    ch = 'x';
        }
        const QString target =
            path + (query.isEmpty() ? QString()
                                    : "?" + QString::fromLatin1(query.toPercentEncoding("=&")));
        const Response r =
            call(c.value("method").toString().toLatin1(), target, body, m_tokens["admin"], headers);
        const QString shown =
            target + " " + part + ": " + QString::fromLatin1(headers.value(part.toLatin1()));
        QVERIFY2(r.status >= 200 && r.status < 500,
                 qPrintable(QStringLiteral("%1 for %2").arg(r.status).arg(shown)));
        if (r.status < 400)
            continue;
        ++refused;
        QVERIFY2(!r.json.value("code").toString().isEmpty() &&
                     !r.json.value("message").toString().isEmpty(),
                 qPrintable(shown + " -> " + QString::fromUtf8(r.body)));
    }
    // The check can fail: most changes of a query or a number are refused. (An epoch the
    // registry does not know is taken: it only limits the changes' bases.)
    QVERIFY2(refused >= c.value("refused_at_least").toInt(),
             "the mutations hardly changed anything");
    QCOMPARE(call("GET", "/api/v1/info").status, 200);
}

QTEST_GUILESS_MAIN(TestRegistryServer)
#include "tst_registryserver.moc"
