#include "registrydiscards.h"

#include "protocolversion.h"
#include "registrysql.h"
#include "registrystore.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <optional>

PullPage RegistryDiscards::discard(const Principal &who,
                                   const QList<DiscardRequest::Change> &changes, QString *error,
                                   qsizetype maxBytes)
{
    PullPage page;
    page.protocol = ProtocolVersion::current;
    QSqlDatabase db = m_store.connection();
    const bool own = !m_store.m_inBatch;
    if (own && !m_store.begin(db, error))
        return page;
    const auto fail = [&] {
        if (own)
            db.rollback();
        PullPage none;
        none.protocol = ProtocolVersion::current;
        return none;
    };
    const qint64 now = RegistrySql::now();
    struct Found {
        qint64 seq;
        QString entity;
        bool deleted;
        QByteArray text;
    };
    QList<Found> found;
    QSet<QString> seen;
    qsizetype bytes = 0;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const DiscardRequest::Change &c = changes.at(i);
        const QString key = c.entity + QLatin1Char('\x1f') + c.rowId;
        if (!seen.contains(key)) {
            QSqlQuery *q = m_store.statement(
                QStringLiteral("SELECT seq, deleted, row_json, province_id, cluster_id FROM "
                               "records WHERE entity = ? AND row_id = ?"),
                {c.entity, c.rowId}, error);
            if (!q)
                return fail();
            std::optional<Found> row;
            if (q->next() &&
                m_store.m_scope.canRead(who, q->value(3).toString(), q->value(4).toString()))
                row = Found{q->value(0).toLongLong(), c.entity, q->value(1).toInt() != 0,
                            q->value(2).toString().toUtf8()};
            q->finish();
            if (row) {
                // This row would take the page too far: this change and the rest wait for the
                // device's next request.
                if (!found.isEmpty() && bytes + row->text.size() > maxBytes) {
                    page.handled = int(i);
                    break;
                }
                bytes += row->text.size();
                found.append(*row);
            }
            seen.insert(key);
        }
        // Only this device's own refusals, and only while they are refused.
        QSqlQuery *q = m_store.statement(
            QStringLiteral("UPDATE push_outcomes SET discarded_at = ? WHERE device_id = ? AND "
                           "change_seq = ? AND status = 'rejected' AND discarded_at IS NULL"),
            {now, who.deviceId, c.change}, error);
        if (!q)
            return fail();
        q->finish();
    }
    if (own && !db.commit()) {
        if (error)
            *error = db.lastError().text();
        return fail();
    }
    std::sort(found.begin(), found.end(),
              [](const Found &a, const Found &b) { return a.seq < b.seq; });
    for (const Found &f : std::as_const(found)) {
        page.append(f.seq, f.entity, f.deleted, f.text); // Qt wrote the text: UTF-8
        page.next = f.seq;
    }
    return page;
}
