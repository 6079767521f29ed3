#pragma once

// Helpers shared by the sync client tests: a device database in a temporary directory, fixture
// steps that write rows through RecordWriter, and a scripted HTTP server on 127.0.0.1.

#include "compression.h"
#include "contenthash.h"
#include "database.h"
#include "photostore.h"
#include "protocolversion.h"
#include "recordwriter.h"
#include "syncmanager.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <csignal>
#include <functional>
#include <sys/prctl.h>

namespace synctest {

// The rows of a tab-separated fixture in tests/fixtures/sync, each split into its fields (blank
// lines and # comments left out); empty when the file cannot be read.
inline QList<QList<QByteArray>> fixtureRows(const QString &name)
{
    QList<QList<QByteArray>> rows;
    QFile f(QStringLiteral(CCN_FIXTURES_DIR "/sync/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (!line.trimmed().isEmpty() && !line.startsWith('#'))
            rows << line.split('\t');
    return rows;
}

// Starts the real registry program `exe` with `args` (its "serve" command, "--port 0") and waits
// for its "Listening on http://127.0.0.1:PORT/" line: returns that base URL, or an empty string
// (then *output holds what it printed) when it did not start or never listened.
inline QString startRegistry(QProcess &registry, const QString &exe, const QStringList &args,
                             QByteArray *output = nullptr)
{
    registry.setProgram(exe);
    registry.setArguments(args);
    // A test that fails hard (qFatal, a crash) does not stop its registry: the kernel does, when
    // the test goes (else it went on listening, and taking CPU from the next tests).
    registry.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    registry.start();
    if (!registry.waitForStarted(10000))
        return {};
    QByteArray out;
    const QRegularExpression re(QStringLiteral("Listening on (http://127\\.0\\.0\\.1:\\d+)/"));
    QString url;
    while (url.isEmpty() && registry.waitForReadyRead(30000)) {
        out += registry.readAllStandardOutput();
        const auto m = re.match(QString::fromUtf8(out));
        if (m.hasMatch())
            url = m.captured(1);
    }
    if (output)
        *output = out;
    return url;
}

// Stops a registry started by startRegistry: politely, then by force.
inline void stopRegistry(QProcess &registry)
{
    if (registry.state() == QProcess::NotRunning)
        return;
    registry.terminate();
    if (!registry.waitForFinished(10000))
        registry.kill();
}

inline QJsonDocument readJson(const QString &relative)
{
    QFile f(QStringLiteral(CCN_FIXTURES_DIR "/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(relative));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (err.error != QJsonParseError::NoError)
        qFatal("bad fixture %s: %s", qPrintable(relative), qPrintable(err.errorString()));
    return doc;
}

// A data-driven test's rows: the column "fixture" and one row per object of the fixture file's
// "cases", named by its "name". Returns how many (the caller checks there are some).
inline int addFixtureCases(const QString &relative)
{
    QTest::addColumn<QJsonObject>("fixture");
    const QJsonArray cases = readJson(relative).object().value(QLatin1String("cases")).toArray();
    for (const QJsonValue &c : cases)
        QTest::newRow(qPrintable(c.toObject().value(QLatin1String("name")).toString()))
            << c.toObject();
    return int(cases.size());
}

inline QVariant sqlValue(const QJsonValue &v)
{
    if (v.isNull())
        return QVariant();
    return v.toVariant();
}

// Runs fixture steps: {"do": "insert"|"update"|"delete"|"settle"|"pulled"|"reject"|
// "reject_all", ...}.
// settle: as if everything so far had been synced: the outbox is emptied and every row of
// `table` gets sync_seq = `seq`.
inline bool runSteps(QSqlDatabase db, const QJsonArray &steps, QString *why)
{
    RecordWriter w(db);
    for (const QJsonValue &sv : steps) {
        const QJsonObject s = sv.toObject();
        const QString what = s.value(QLatin1String("do")).toString();
        const QString table = s.value(QLatin1String("table")).toString();
        CoreError e;
        if (what == QLatin1String("insert")) {
            QVariantMap values;
            const QJsonObject o = s.value(QLatin1String("values")).toObject();
            for (auto it = o.begin(); it != o.end(); ++it)
                values.insert(it.key(), sqlValue(it.value()));
            e = w.insert(table, values);
        } else if (what == QLatin1String("update")) {
            QVariantMap values;
            const QJsonObject o = s.value(QLatin1String("values")).toObject();
            for (auto it = o.begin(); it != o.end(); ++it)
                values.insert(it.key(), sqlValue(it.value()));
            e = w.update(table, s.value(QLatin1String("id")).toString(), values);
        } else if (what == QLatin1String("delete")) {
            e = w.softDelete(table, s.value(QLatin1String("id")).toString());
        } else if (what == QLatin1String("settle")) {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("DELETE FROM outbox")) ||
                !q.exec(QStringLiteral("UPDATE sync_flags SET applying = 1")) ||
                !q.exec(QStringLiteral("UPDATE %1 SET sync_seq = %2")
                            .arg(table)
                            .arg(s.value(QLatin1String("seq")).toInt())) ||
                !q.exec(QStringLiteral("UPDATE sync_flags SET applying = 0")))
                e = CoreError(CoreError::Code::Sql, q.lastError().text());
        } else if (what == QLatin1String("pulled")) {
            // Values a pulled page wrote (sync_flags.applying: not an edit).
            QSqlQuery q(db);
            QStringList sets;
            const QJsonObject o = s.value(QLatin1String("values")).toObject();
            for (auto it = o.begin(); it != o.end(); ++it)
                sets << it.key() + QStringLiteral(" = ?");
            q.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?")
                          .arg(table, sets.join(QStringLiteral(", "))));
            for (auto it = o.begin(); it != o.end(); ++it)
                q.addBindValue(sqlValue(it.value()));
            q.addBindValue(s.value(QLatin1String("id")).toString());
            QSqlQuery flag(db);
            if (!flag.exec(QStringLiteral("UPDATE sync_flags SET applying = 1")) || !q.exec() ||
                !flag.exec(QStringLiteral("UPDATE sync_flags SET applying = 0")))
                e = CoreError(CoreError::Code::Sql, q.lastError().text() + flag.lastError().text());
        } else if (what == QLatin1String("reject")) {
            // The row's entries refused with `code`.
            QSqlQuery q(db);
            q.prepare(QStringLiteral("UPDATE outbox SET rejected_code = ?, rejected_message = "
                                     "'test' WHERE entity = ? AND row_id = ?"));
            q.addBindValue(s.value(QLatin1String("code")).toString());
            q.addBindValue(table);
            q.addBindValue(s.value(QLatin1String("id")).toString());
            if (!q.exec() || q.numRowsAffected() == 0)
                e = CoreError(CoreError::Code::Sql,
                              QStringLiteral("reject %1: %2").arg(table, q.lastError().text()));
        } else if (what == QLatin1String("reject_all")) {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("UPDATE outbox SET rejected_code = 'validation', "
                                       "rejected_message = 'test'")))
                e = CoreError(CoreError::Code::Sql, q.lastError().text());
        } else {
            e = CoreError(CoreError::Code::InvalidInput, QStringLiteral("unknown step ") + what);
        }
        if (e.failed()) {
            *why = e.message();
            return false;
        }
    }
    return true;
}

// Opens the device database at `path` and runs `steps` on it: empty, or why not.
inline QString openWithSteps(Database &db, const QString &path, const QJsonArray &steps)
{
    if (const CoreError e = db.open(path); e.failed())
        return e.message();
    QString why;
    if (!runSteps(db.connection(), steps, &why))
        return why.isEmpty() ? QStringLiteral("a step failed") : why;
    return {};
}

// runSteps of steps given as JSON text; false, and why in the log, when one fails.
inline bool runSteps(QSqlDatabase db, const char *json)
{
    QString why;
    if (runSteps(db, QJsonDocument::fromJson(json).array(), &why))
        return true;
    qWarning("steps: %s", qPrintable(why));
    return false;
}

// Rows of the outbox as text, for "untouched" checks (sent_at aside: it freezes an entry).
inline QStringList outboxSnapshot(QSqlDatabase db)
{
    QStringList out;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT seq, change_id, entity, row_id, op, base_seq, old_json, "
                          "new_json, rejected_code FROM outbox ORDER BY seq"));
    while (q.next()) {
        QStringList cols;
        for (int i = 0; i < 9; ++i)
            cols << q.value(i).toString();
        out << cols.join(QLatin1Char('|'));
    }
    return out;
}

// Every row of every table of the device, hashed: what a reply or page that failed must leave
// as it was.
inline QByteArray wholeState(QSqlDatabase db)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    QSqlQuery tables(db);
    tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                               "LIKE 'sqlite_%' ORDER BY name"));
    while (tables.next()) {
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(tables.value(0).toString()));
        h.addData(tables.value(0).toString().toUtf8());
        while (q.next())
            for (int i = 0; i < q.record().count(); ++i)
                h.addData(q.value(i).toString().toUtf8() + '\x1f');
    }
    return h.result();
}

inline QVariant scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    if (q.exec(sql) && q.next())
        return q.value(0);
    return QVariant();
}

// `n` new draft inspections on `db`, in its clusters in turn, with its first template: rows for
// tests to add answers and participants to (the demo's inspections are all submitted, and the
// registry refuses a field user's late work in another tablet's submitted inspection). Their ids
// (fewer when an insert failed).
inline QStringList newDrafts(QSqlDatabase db, int n)
{
    QStringList clusters;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT id FROM clusters WHERE deleted_at IS NULL ORDER BY id"));
    while (q.next())
        clusters << q.value(0).toString();
    const QString tpl =
        scalar(db, QStringLiteral("SELECT id FROM checklist_templates ORDER BY id")).toString();
    QStringList ids;
    RecordWriter w(db);
    for (int i = 0; i < n && !clusters.isEmpty(); ++i) {
        QString id;
        if (w.insert(QStringLiteral("inspections"),
                     {{QStringLiteral("cluster_id"), clusters.at(i % clusters.size())},
                      {QStringLiteral("template_id"), tpl},
                      {QStringLiteral("kind"), QStringLiteral("periodic")},
                      {QStringLiteral("started_at"), RecordWriter::now()}},
                     &id)
                .failed())
            break;
        ids << id;
    }
    return ids;
}

// A fixture's expected row {"table", "id", "values": {column: value}} against the database: empty
// when it matches, else what differs. A value null is SQL NULL, "*" any value but NULL.
inline QString rowMismatch(QSqlDatabase db, const QJsonObject &expected)
{
    const QString id = expected.value(QLatin1String("id")).toString();
    const QJsonObject values = expected.value(QLatin1String("values")).toObject();
    for (auto it = values.begin(); it != values.end(); ++it) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?")
                      .arg(it.key(), expected.value(QLatin1String("table")).toString()));
        q.addBindValue(id);
        if (!q.exec() || !q.next())
            return id + QLatin1String(": no such row");
        const QVariant got = q.value(0);
        const bool same = it.value().isNull()                             ? got.isNull()
                          : it.value() == QJsonValue(QStringLiteral("*")) ? !got.isNull()
                          : it.value().isDouble()
                              ? !got.isNull() && got.toDouble() == it.value().toDouble()
                              : got.toString() == it.value().toString();
        if (!same)
            return id + QLatin1Char('.') + it.key() + QLatin1String(" = ") + got.toString();
    }
    return {};
}

// The write lock of a database file held by a connection of its own (a long save elsewhere)
// until release().
class WriteLock
{
public:
    explicit WriteLock(const QString &path) : m_name(QStringLiteral("lock-") + path)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_held = db.open() && QSqlQuery(db).exec(QStringLiteral("BEGIN IMMEDIATE"));
    }
    ~WriteLock()
    {
        release();
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool held() const { return m_held; }
    bool release()
    {
        if (!m_held)
            return false;
        m_held = false;
        return QSqlQuery(QSqlDatabase::database(m_name, false)).exec(QStringLiteral("COMMIT"));
    }

private:
    QString m_name;
    bool m_held = false;
};

// One request as the fake registry saw it.
struct Request {
    QByteArray method;
    QByteArray path;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;                       // decoded (Content-Encoding deflate or zstd)
    QByteArray rawBody;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// What the fake registry does with a request.
struct Response {
    enum Action { Answer, Drop, Hang, Raw };
    Action action = Answer;
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    bool deflate = false;
    QByteArray raw;
    QList<QPair<QByteArray, QByteArray>> headers; // more response headers
    int delayMs = 0; // the answer goes this much later (a slow registry, answers out of order)

    static Response json(int status, const QJsonObject &o, bool deflate = false)
    {
        Response r;
        r.status = status;
        r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
        r.deflate = deflate;
        return r;
    }
    // A file's bytes (a photo, a thumbnail) as the registry sends them.
    static Response file(const QByteArray &bytes, const QByteArray &contentType = "image/jpeg")
    {
        Response r;
        r.body = bytes;
        r.contentType = contentType;
        return r;
    }
    static Response drop()
    {
        Response r;
        r.action = Drop;
        return r;
    }
    static Response hang()
    {
        Response r;
        r.action = Hang;
        return r;
    }
    static Response rawBytes(const QByteArray &bytes)
    {
        Response r;
        r.action = Raw;
        r.raw = bytes;
        return r;
    }
};

// The `since` of a pull request.
inline qint64 sinceOf(const Request &r)
{
    return QUrlQuery(QUrl(QString::fromLatin1(r.path))).queryItemValue("since").toLongLong();
}

// A pull page (deflated) of one admin unit, the province "p<next>", at seq `next`; `lastSeq` >= 0:
// the registry's latest seq with it; `extra`: more members of the page (epoch, epoch_seq).
inline Response unitPullReply(qint64 next, bool more, qint64 lastSeq = -1,
                              const QJsonObject &extra = {})
{
    const QString id = QStringLiteral("p%1").arg(next);
    const QJsonObject run{{"entity", "admin_units"},
                          {"columns", QJsonArray{"code", "created_at", "id", "level", "level_label",
                                                 "name", "updated_at", "valid_from"}},
                          {"rows", QJsonArray{QJsonArray{double(next), 0, id, 1, id, "province",
                                                         "Tỉnh", id, 1, "2025-07-01"}}}};
    QJsonObject page{{"protocol", ProtocolVersion::current},
                     {"runs", QJsonArray{run}},
                     {"next", double(next)},
                     {"more", more}};
    if (lastSeq >= 0)
        page.insert("last_seq", double(lastSeq));
    for (auto it = extra.begin(); it != extra.end(); ++it)
        page.insert(it.key(), it.value());
    return Response::json(200, page, true);
}

// A photo's original where the app keeps it under `root` (PhotoStore), and its
// record (an outbox entry).
// A real photo of ../shared/data/photos, as it is.
inline QByteArray realPhoto(const QString &relative)
{
    QFile f(QStringLiteral(CCN_SHARED_DIR "/data/photos/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing photo %s", qPrintable(relative));
    return f.readAll();
}

inline bool addPhoto(QSqlDatabase db, const QString &root, const QByteArray &bytes,
                     const QString &source, const QString &mime = QStringLiteral("image/jpeg"))
{
    const QString sha = ContentHash::sha256Of(bytes);
    const QString path = PhotoStore(root).originalPath(sha, mime);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return false;
    return RecordWriter(db)
        .insert("photos",
                {{"sha256", sha}, {"source", source}, {"byte_size", bytes.size()}, {"mime", mime}})
        .ok();
}

// A photo chunk as the registry takes it: appended at its offset, else 409 with what it has.
inline Response takeChunk(const Request &r, QByteArray *received)
{
    if (r.headers.value("x-ccn-offset").toLongLong() != received->size())
        return Response::json(
            409, {{"code", "offset_mismatch"}, {"received", double(received->size())}});
    *received += r.body;
    return Response::json(200, {{"received", double(received->size())}});
}

// A scripted HTTP/1.1 server on 127.0.0.1: each complete request goes to `handler`.
class FakeRegistry : public QTcpServer
{
public:
    std::function<Response(const Request &)> handler;
    QList<Request> requests;

    FakeRegistry() { listen(QHostAddress::LocalHost, 0); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }

protected:
    void incomingConnection(qintptr fd) override
    {
        auto *s = new QTcpSocket(this);
        s->setSocketDescriptor(fd);
        auto buffer = std::make_shared<QByteArray>();
        connect(s, &QTcpSocket::readyRead, this, [this, s, buffer]() {
            buffer->append(s->readAll());
            for (;;) {
                const int end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                Request r;
                const QList<QByteArray> lines = buffer->left(end).split('\n');
                const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
                r.method = first.value(0);
                r.path = first.value(1);
                for (int i = 1; i < lines.size(); ++i) {
                    const int colon = lines[i].indexOf(':');
                    if (colon > 0)
                        r.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                         lines[i].mid(colon + 1).trimmed());
                }
                const int length = r.headers.value("content-length").toInt();
                if (buffer->size() < end + 4 + length)
                    return;
                r.rawBody = buffer->mid(end + 4, length);
                buffer->remove(0, end + 4 + length);
                r.body = r.rawBody;
                bool tooLarge = false;
                if (r.headers.value("content-encoding") == "deflate")
                    Compression::inflate(r.rawBody, 16 << 20, &r.body, &tooLarge);
                else if (r.headers.value("content-encoding") == "zstd")
                    Compression::unzstd(r.rawBody, 16 << 20, &r.body, &tooLarge);
                requests << r;
                const Response resp = handler ? handler(r) : Response::json(404, {});
                if (resp.action == Response::Drop) {
                    s->abort();
                    return;
                }
                if (resp.action == Response::Hang)
                    return;
                if (resp.action == Response::Raw) {
                    s->write(resp.raw);
                    s->disconnectFromHost();
                    return;
                }
                QByteArray body = resp.deflate ? Compression::deflate(resp.body) : resp.body;
                QByteArray out = "HTTP/1.1 " + QByteArray::number(resp.status) + " X\r\n";
                out += "Content-Type: " + resp.contentType + "\r\n";
                if (resp.deflate)
                    out += "Content-Encoding: deflate\r\n";
                for (const auto &h : resp.headers)
                    out += h.first + ": " + h.second + "\r\n";
                out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
                out += body;
                if (resp.delayMs > 0)
                    QTimer::singleShot(resp.delayMs, s, [s, out] { s->write(out); });
                else
                    s->write(out);
            }
        });
        connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
    }
};

} // namespace synctest
