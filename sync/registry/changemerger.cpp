#include "changemerger.h"

#include "compactjson.h"
#include "violationworkflow.h"

#include <QJsonArray>

namespace {
// An inspection's status: draft -> submitted.
int rank(const QString &value)
{
    static const QStringList order = {QStringLiteral("draft"), QStringLiteral("submitted")};
    return int(order.indexOf(value));
}

bool isInformational(const QString &field)
{
    // Device clocks: shown to people, never merged or compared (see PROTOCOL.md).
    return field == QLatin1String("updated_at") || field == QLatin1String("created_at");
}
} // namespace

bool ChangeMerger::isWorkflowField(const QString &entity, const QString &field)
{
    return field == QLatin1String("status") &&
           (entity == QLatin1String("violations") || entity == QLatin1String("inspections"));
}

bool ChangeMerger::isValidTransition(const QString &entity, const QString &field,
                                     const QString &from, const QString &to)
{
    if (!isWorkflowField(entity, field))
        return true;
    if (entity == QLatin1String("violations")) {
        // The app's own machine (ViolationWorkflow); from a status it does not know, any known.
        const QStringList &known = ViolationWorkflow::statuses();
        if (!known.contains(to))
            return false;
        return !known.contains(from) || ViolationWorkflow::allows(from, to);
    }
    const int a = rank(from);
    const int b = rank(to);
    if (b < 0)
        return false;
    if (a < 0)
        return true;
    return b > a;
}

ChangeMerger::Outcome ChangeMerger::merge(const Stored &stored, const PushChange &change,
                                          const QString &deviceId, const NewerOwnFields &newerOwn)
{
    Outcome out;
    const qint64 base = change.baseSeq;
    const auto writtenSince = [&](const QString &field, qint64 *seq, QString *dev) {
        const QJsonArray m = stored.meta.value(field).toArray();
        *seq = qint64(m.at(0).toDouble());
        *dev = m.at(1).toString();
        return *seq > base && *dev != deviceId;
    };

    if (!stored.exists) {
        if (change.op != QLatin1String("insert")) {
            out.rejectCode = QStringLiteral("unknown_row");
            out.rejectMessage = QStringLiteral("Máy chủ không có dòng %1 %2 để %3.")
                                    .arg(change.entity, change.rowId, change.op);
            return out;
        }
        out.row = change.fields;
        out.row.insert(QStringLiteral("id"), change.rowId);
        out.appliedFields = out.row.keys();
        out.appliedFields.removeAll(QStringLiteral("id"));
        return out;
    }

    out.row = stored.row;
    qint64 s = 0;
    QString d;
    const bool rowDeleted = isTombstone(stored.row);

    if (change.op == QLatin1String("delete")) {
        const QJsonValue when = change.fields.value(QLatin1String("deleted_at"));
        if (rowDeleted)
            return out; // already a tombstone: stored, nothing to change
        // Edited by another device since the deleting device's version? Keep the row alive.
        for (auto it = stored.meta.begin(); it != stored.meta.end(); ++it) {
            if (isInformational(it.key()))
                continue;
            if (writtenSince(it.key(), &s, &d))
                return keptAlive(stored, change, s, d);
        }
        out.row.insert(QStringLiteral("deleted_at"), when);
        out.appliedFields << QStringLiteral("deleted_at");
        if (change.fields.contains(QLatin1String("updated_at"))) {
            out.row.insert(QStringLiteral("updated_at"),
                           change.fields.value(QLatin1String("updated_at")));
            out.appliedFields << QStringLiteral("updated_at");
        }
        return out;
    }

    // update (or an insert of a row the registry already has: merged as an update)
    if (rowDeleted && !change.fields.contains(QLatin1String("deleted_at")) &&
        writtenSince(QStringLiteral("deleted_at"), &s, &d)) {
        Conflict c;
        c.kind = QStringLiteral("edit_vs_delete");
        c.current = QJsonObject{
            {QStringLiteral("deleted_at"), stored.row.value(QLatin1String("deleted_at"))}};
        c.incoming = change.fields;
        c.currentSeq = s;
        c.currentDevice = d;
        out.conflicts << c;
        return out;
    }
    for (auto it = change.fields.begin(); it != change.fields.end(); ++it) {
        const QString f = it.key();
        if (f == QLatin1String("id") || isInformational(f))
            continue;
        const QJsonValue incoming = it.value();
        const QJsonValue current = stored.row.value(f);
        if (incoming == current || newerOwn.contains(f))
            continue;
        const bool concurrent = writtenSince(f, &s, &d);
        if (isWorkflowField(change.entity, f)) {
            if (isValidTransition(change.entity, f, current.toString(), incoming.toString())) {
                out.row.insert(f, incoming);
                out.appliedFields << f;
            } else {
                Conflict c{QStringLiteral("state"), f, current, incoming, s, d};
                out.conflicts << c;
            }
            continue;
        }
        if (!concurrent) {
            out.row.insert(f, incoming);
            out.appliedFields << f;
        } else {
            out.conflicts << Conflict{QStringLiteral("field"), f, current, incoming, s, d};
        }
    }
    if (!out.appliedFields.isEmpty() || !stored.row.contains(QLatin1String("updated_at"))) {
        for (const char *info : {"updated_at", "created_at"}) {
            const QString f = QLatin1String(info);
            if (!change.fields.contains(f) || newerOwn.contains(f))
                continue;
            if (f == QLatin1String("created_at") && stored.row.contains(f))
                continue;
            out.row.insert(f, change.fields.value(f));
            out.appliedFields << f;
        }
    }
    return out;
}

ChangeMerger::Outcome ChangeMerger::keptAlive(const Stored &stored, const PushChange &change,
                                              qint64 seq, const QString &device)
{
    Outcome out;
    out.row = stored.row;
    Conflict c;
    c.kind = QStringLiteral("delete_vs_edit");
    c.current = stored.row;
    c.incoming = change.fields;
    c.currentSeq = seq;
    c.currentDevice = device;
    out.conflicts << c;
    return out;
}

bool ChangeMerger::isTombstone(const QJsonObject &row)
{
    const auto it = row.constFind(QLatin1String("deleted_at"));
    return it != row.constEnd() && !it->isNull();
}

ChangeMerger::Stamp ChangeMerger::stampOf(const QJsonValue &stamp)
{
    const QJsonArray a = stamp.toArray();
    return {qint64(a.at(0).toDouble()), a.at(1).toString()};
}

QByteArray ChangeMerger::oneStampMeta(const QJsonValue &stamp)
{
    return CompactJson::object(QJsonObject{{QStringLiteral("*"), stamp}});
}

QJsonObject ChangeMerger::metaOf(const QJsonObject &stored, const QJsonObject &row)
{
    const auto star = stored.constFind(QLatin1String("*"));
    if (star == stored.constEnd())
        return stored;
    QJsonObject meta = stored;
    meta.remove(QStringLiteral("*"));
    for (auto it = row.constBegin(); it != row.constEnd(); ++it)
        if (it.key() != QLatin1String("id") && !meta.contains(it.key()))
            meta.insert(it.key(), *star);
    return meta;
}
