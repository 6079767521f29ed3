// Helper process for tst_syncclientkill: a device that syncs its database with a registry and is
// killed with SIGKILL while it pulls.
//   syncdevice DB ROOT URL USER PASSWORD PAGE_SIZE
// Logs in unless the database holds a login, then runs sync rounds until one succeeds with
// nothing left to send. Prints, flushed, one line per event:
//   START <cursor>          the database is open (its stored pull cursor)
//   LOGIN                   a login was stored
//   PAGE <cursor>           a pulled page and its cursor were committed
//   DONE <cursor>           a round finished without error and the outbox is empty
//   ERROR <message>         (exit code 1)
#include "database.h"
#include "syncclient.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

namespace {
void say(const QByteArray &line)
{
    std::fputs(line.constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList a = QCoreApplication::arguments();
    if (a.size() != 7) {
        std::fputs("usage: syncdevice DB ROOT URL USER PASSWORD PAGE_SIZE\n", stderr);
        return 2;
    }
    Database db;
    const CoreError e = db.open(a.at(1));
    if (e.failed()) {
        say("ERROR " + e.message().toUtf8());
        return 1;
    }
    SyncClient client(db.connection(), a.at(2));
    client.setAutoSync(false);
    client.setServerUrl(QUrl(a.at(3)));
    client.setPageSize(a.at(6).toInt());
    client.setTimeoutMs(20000);
    say("START " + QByteArray::number(client.manager().pullCursor()));

    // progressChanged in the pull phase follows each committed page (PullPhase::pageWritten).
    QObject::connect(&client, &SyncClient::progressChanged, &app, [&client]() {
        if (client.phase() == QLatin1String("pull"))
            say("PAGE " + QByteArray::number(client.manager().pullCursor()));
    });
    int failures = 0;
    QObject::connect(&client, &SyncClient::roundFinished, &app,
                     [&client, &failures](bool ok, const QString &message) {
                         if (ok && client.pendingRecords() == 0) {
                             say("DONE " + QByteArray::number(client.manager().pullCursor()));
                             QCoreApplication::exit(0);
                         } else if (!ok && ++failures >= 3) {
                             say("ERROR " + message.toUtf8());
                             QCoreApplication::exit(1);
                         } else {
                             QTimer::singleShot(0, &client, [&client]() { client.sync(); });
                         }
                     });
    QObject::connect(&client, &SyncClient::loginFinished, &app,
                     [&client](bool ok, const QString &message) {
                         if (!ok) {
                             say("ERROR " + message.toUtf8());
                             QCoreApplication::exit(1);
                             return;
                         }
                         say("LOGIN");
                         client.sync();
                     });
    QTimer::singleShot(0, &client, [&client, &a]() {
        if (client.loggedIn())
            client.sync();
        else
            client.login(a.at(4), a.at(5));
    });
    return QCoreApplication::exec();
}
