#include "loadsimulator.h"

#include "checklistmanager.h"
#include "database.h"
#include "demodataloader.h"
#include "inspectiondocfactory.h"
#include "protocolversion.h"
#include "pushbatch.h"
#include "synchttp.h"
#include "uuid7.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlQuery>
#include <QTimer>

#include <memory>
#include <vector>

LoadSimulator::LoadSimulator(Options options) : m_options(std::move(options)) {}

CoreError LoadSimulator::prepare()
{
    Database db;
    CoreError e = db.open(m_options.workDir + QStringLiteral("/load-bodies.sqlite"));
    if (e.ok())
        e = DemoDataLoader(db.connection()).loadDefaults();
    if (e.failed())
        return e;
    m_schemaVersion = db.schemaVersion();
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("PRAGMA synchronous=OFF"));
    QStringList clusters;
    q.exec(QStringLiteral("SELECT id FROM clusters ORDER BY id"));
    while (q.next())
        clusters << q.value(0).toString();
    ChecklistManager checklists(db.connection());
    const QString templateId = checklists.newestTemplateId(DemoDataLoader::defaultTemplateCode());
    QStringList questions;
    for (const QVariant &v : checklists.questions(templateId))
        if (v.toMap().value(QStringLiteral("kind")).toString() != QLatin1String("photo"))
            questions << v.toMap().value(QStringLiteral("id")).toString();
    InspectionDocFactory docs(7, clusters, templateId, questions);
    for (int d = 0; d < m_options.devices; ++d) {
        Device device;
        device.id = Uuid7::generate();
        for (int p = 0; p < m_options.pushesPerDevice; ++p) {
            e = docs.write(db.connection(), m_options.inspectionsPerPush);
            PushBatch batch;
            if (e.ok())
                e = PushBatch::build(db.connection(), device.id, PushBatch::maxChanges, &batch);
            if (e.failed())
                return e;
            device.bodies << SyncHttp::encode(batch.body(), "zstd");
            q.exec(QStringLiteral("DELETE FROM outbox"));
        }
        m_devices << device;
    }
    return {};
}

CoreError LoadSimulator::run(Result *result)
{
    const QUrl base = m_options.server;
    auto url = [&](const QString &path) {
        QUrl u = base;
        u.setPath(QStringLiteral("/api/v1/") + path);
        return u;
    };
    std::vector<std::unique_ptr<QNetworkAccessManager>> nams;
    for (int d = 0; d < m_devices.size(); ++d)
        nams.push_back(std::make_unique<QNetworkAccessManager>());

    // Logins (not timed), all at once.
    {
        QEventLoop loop;
        int left = int(m_devices.size());
        QString failure;
        for (int d = 0; d < m_devices.size(); ++d) {
            QNetworkRequest req(url(QStringLiteral("login")));
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            req.setRawHeader("X-CCN-Protocol", QByteArray::number(ProtocolVersion::current));
            req.setRawHeader("X-CCN-Schema", QByteArray::number(m_schemaVersion));
            const QJsonObject body{
                {QStringLiteral("username"), QStringLiteral("admin.demo")},
                {QStringLiteral("password"), QStringLiteral("demo-password")},
                {QStringLiteral("device_id"), m_devices[d].id},
                {QStringLiteral("device_secret"),
                 QStringLiteral("bench-secret-%1").arg(m_devices[d].id)},
                {QStringLiteral("device_name"), QStringLiteral("bench-%1").arg(d)}};
            QNetworkReply *r =
                nams[d]->post(req, QJsonDocument(body).toJson(QJsonDocument::Compact));
            QObject::connect(r, &QNetworkReply::finished, &loop, [&, r, d] {
                r->deleteLater();
                const QJsonObject o = QJsonDocument::fromJson(r->readAll()).object();
                m_devices[d].token = o.value(QStringLiteral("token")).toString();
                if (m_devices[d].token.isEmpty() && failure.isEmpty())
                    failure =
                        QStringLiteral("login of device %1: HTTP %2 %3")
                            .arg(d)
                            .arg(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt())
                            .arg(r->errorString());
                if (--left == 0)
                    loop.quit();
            });
        }
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        if (left > 0)
            loop.exec();
        if (!failure.isEmpty())
            return {CoreError::Code::Io, failure};
        if (left > 0)
            return {CoreError::Code::Io, QStringLiteral("%1 logins timed out").arg(left)};
    }

    // The timed part: every device pushes its batches one after the other, all devices at once.
    QEventLoop loop;
    int running = int(m_devices.size());
    QElapsedTimer wall;
    std::function<void(int, int)> send = [&](int d, int k) {
        if (k >= m_devices[d].bodies.size()) {
            if (--running == 0)
                loop.quit();
            return;
        }
        QNetworkRequest req(url(QStringLiteral("push")));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        req.setRawHeader("Content-Encoding", "zstd"); // as the app sends to this registry
        req.setRawHeader("Authorization", "Bearer " + m_devices[d].token.toLatin1());
        req.setRawHeader("X-CCN-Protocol", QByteArray::number(ProtocolVersion::current));
        req.setRawHeader("X-CCN-Schema", QByteArray::number(m_schemaVersion));
        req.setTransferTimeout(m_options.timeoutMs);
        auto *t = new QElapsedTimer;
        t->start();
        QNetworkReply *r = nams[d]->post(req, m_devices[d].bodies.at(k));
        QObject::connect(r, &QNetworkReply::finished, &loop, [&, r, d, k, t] {
            const double ms = t->nsecsElapsed() / 1e6;
            delete t;
            r->deleteLater();
            result->latency.add(ms);
            ++result->requests;
            const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QJsonObject o = QJsonDocument::fromJson(r->readAll()).object();
            int bad = 0;
            QString why;
            if (status != 200 || r->error() != QNetworkReply::NoError) {
                bad = 1;
                why = QStringLiteral("HTTP %1 %2").arg(status).arg(r->errorString());
            } else {
                for (const QJsonValue &v : o.value(QStringLiteral("results")).toArray()) {
                    const QString s = v.toObject().value(QStringLiteral("status")).toString();
                    if (s != QLatin1String("applied") && s != QLatin1String("duplicate") &&
                        s != QLatin1String("conflict")) {
                        ++bad;
                        why = QStringLiteral("%1: %2").arg(
                            s, v.toObject().value(QStringLiteral("message")).toString());
                    }
                }
                // The reply lists only changes that were not simply applied.
                if (!o.value(QStringLiteral("results")).isArray())
                    bad = 1, why = QStringLiteral("reply without results");
            }
            if (bad) {
                result->errors += bad;
                if (result->errorSamples.size() < 5)
                    result->errorSamples << why;
            } else {
                result->inspections += m_options.inspectionsPerPush;
            }
            send(d, k + 1);
        });
    };
    wall.start();
    for (int d = 0; d < m_devices.size(); ++d)
        send(d, 0);
    QTimer::singleShot(m_options.timeoutMs, &loop, &QEventLoop::quit);
    if (running > 0)
        loop.exec();
    result->wallMs = wall.nsecsElapsed() / 1e6;
    if (running > 0) {
        result->errors += running;
        result->errorSamples
            << QStringLiteral("%1 devices had not finished within the bound").arg(running);
    }
    return {};
}
