#include "inspectionlock.h"

#include "pushchange.h"
#include "registrypush.h"
#include "registrysql.h"
#include "registrystore.h"

#include <QSqlQuery>

namespace {
bool isSubmitted(const QJsonObject &row)
{
    return row.value(QLatin1String("status")).toString() == QLatin1String("submitted");
}

// A write's [seq, device] stamp as a Submission.
InspectionLock::Submission submissionOf(const QJsonValue &stamp)
{
    const ChangeMerger::Stamp s = ChangeMerger::stampOf(stamp);
    return {s.device, s.seq};
}
} // namespace

bool InspectionLock::refusal(const Principal &who, const PushChange &change,
                             const ChangeMerger::Stored &stored, const QJsonObject &proposed,
                             QString *why, QString *error) const
{
    why->clear();
    if (who.isAdmin() || who.isSupervisor())
        return true;
    // The submitted inspections whose minutes the change would touch.
    QList<Submission> touched;
    if (change.entity == QLatin1String("inspections")) {
        // Its own submission (two tablets submitting one inspection) merges as any edit.
        if (!stored.exists || !isSubmitted(stored.row) || isSubmitted(change.fields))
            return true;
        touched << submissionOf(stored.meta.value(QLatin1String("status")));
    } else if (change.entity == QLatin1String("answers") ||
               change.entity == QLatin1String("inspection_participants")) {
        // The inspection the row will belong to, and the one it belongs to now: a row moved out
        // of submitted minutes changes them as much as one moved in.
        const QString to = proposed.value(QLatin1String("inspection_id")).toString();
        const QString from =
            stored.exists ? stored.row.value(QLatin1String("inspection_id")).toString() : QString();
        QStringList inspections{to};
        if (from != to)
            inspections << from;
        for (const QString &inspection : std::as_const(inspections)) {
            if (inspection.isEmpty())
                continue;
            Submission submitted;
            if (!submittedBy(inspection, &submitted, error))
                return false;
            touched << submitted;
        }
    }
    for (const Submission &submitted : std::as_const(touched)) {
        if (submitted.device.isEmpty())
            continue;
        // Refused unless made before the submission on the device that submitted it (an entry
        // refused for another reason and sent again later). Another device's change is refused
        // whatever its base: one made on a version from before the submission (a new row's
        // always is) is a teammate's late work, one made on the submitted version comes from an
        // app that should have refused it. The submitting device's changes after the submission
        // likewise.
        bool before = false;
        if (submitted.device == who.deviceId &&
            !madeBefore(submitted.seq, who.deviceId, change.seq, &before, error))
            return false;
        if (!before) {
            *why =
                QStringLiteral("Cuộc kiểm tra này đã được gửi (biên bản đã lập) nên không sửa được "
                               "nữa. Thay đổi vẫn được giữ trên máy này; nếu cần bổ sung, hãy báo "
                               "giám sát viên hoặc lập một cuộc kiểm tra bổ sung.");
            return true;
        }
    }
    return true;
}

bool InspectionLock::madeBefore(qint64 submissionSeq, const QString &device, qint64 changeSeq,
                                bool *before, QString *error) const
{
    *before = false;
    // A submission this batch stored has no history row yet, and the batch's changes come in
    // rising order: this one was made after it.
    QSqlQuery *q = m_store.statement(QStringLiteral("SELECT change_id FROM history WHERE seq = ?"),
                                     {submissionSeq}, error);
    if (!q)
        return false;
    if (q->next()) {
        const qint64 submittedAs = PushChange::seqOf(q->value(0).toString(), device);
        *before = submittedAs > 0 && changeSeq < submittedAs;
    }
    q->finish();
    return true;
}

bool InspectionLock::submittedBy(const QString &id, Submission *submitted, QString *error) const
{
    *submitted = {};
    RegistryPush::PushState *const batch = m_store.m_push.batch();
    const QString key = RegistryPush::rowKey(QStringLiteral("inspections"), id);
    if (batch) {
        const auto row = batch->rows.constFind(key);
        if (row != batch->rows.constEnd()) {
            // Stored or changed by this batch: as it is now (not cached: the batch may change it
            // again). A row the batch inserted keeps its one stamp apart (PushState::stamps).
            if (isSubmitted(row->row)) {
                const auto stamp = batch->stamps.constFind(key);
                *submitted = submissionOf(stamp != batch->stamps.constEnd()
                                              ? *stamp
                                              : row->meta.value(QLatin1String("status")));
            }
            return true;
        }
        const auto known = batch->submitted.constFind(key);
        if (known != batch->submitted.constEnd()) {
            *submitted = *known;
            return true;
        }
    }
    QSqlQuery *q = m_store.statement(
        QStringLiteral("SELECT row_json, field_meta FROM records WHERE entity = 'inspections' AND "
                       "row_id = ?"),
        {id}, error);
    if (!q)
        return false;
    if (q->next()) {
        const QJsonObject row = RegistrySql::parseObject(q->value(0).toString());
        if (isSubmitted(row))
            *submitted = submissionOf(
                ChangeMerger::metaOf(RegistrySql::parseObject(q->value(1).toString()), row)
                    .value(QLatin1String("status")));
    }
    q->finish();
    if (batch)
        batch->submitted.insert(key, *submitted);
    return true;
}
