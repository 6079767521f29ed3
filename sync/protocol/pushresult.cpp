#include "pushresult.h"

#include <QJsonArray>
#include <QJsonDocument>

QByteArray PushResult::toJson() const
{
    QJsonArray list;
    QJsonArray own;
    qint64 runChange = 0, runSeq = 0, count = 0; // the run of `own` being built
    const auto endRun = [&] {
        if (count > 0)
            own.append(QJsonArray{double(runChange), double(runSeq), double(count)});
        count = 0;
    };
    for (const ChangeResult &r : results) {
        if (r.status != QLatin1String("applied")) {
            list.append(r.toJson());
            endRun();
        } else if (!r.asSent || r.seq <= 0) {
            endRun();
        } else if (count > 0 && r.seq == runSeq + count) {
            ++count;
        } else {
            endRun();
            runChange = r.change;
            runSeq = r.seq;
            count = 1;
        }
    }
    endRun();
    return QJsonDocument(QJsonObject{{QStringLiteral("protocol"), protocol},
                                     {QStringLiteral("server_seq"), double(serverSeq)},
                                     {QStringLiteral("results"), list},
                                     {QStringLiteral("own"), own}})
        .toJson(QJsonDocument::Compact);
}
