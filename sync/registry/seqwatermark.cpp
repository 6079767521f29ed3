#include "seqwatermark.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QSaveFile>

namespace {
constexpr int kFormat = 1;
}

SeqWatermark::SeqWatermark(const QString &dataDir)
    : m_path(QDir(dataDir).filePath(QStringLiteral("registry-watermark.json")))
{
}

CoreError SeqWatermark::read(Mark *out) const
{
    *out = Mark();
    QFile f(m_path);
    if (!f.exists())
        return {};
    if (!f.open(QIODevice::ReadOnly))
        return {CoreError::Code::Io,
                QObject::tr("Không đọc được %1: %2").arg(m_path, f.errorString())};
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    const QJsonObject o = doc.object();
    if (pe.error != QJsonParseError::NoError || !o.value(QLatin1String("format")).isDouble() ||
        !o.value(QLatin1String("epoch")).isString() || !o.value(QLatin1String("seq")).isDouble())
        return {CoreError::Code::InvalidInput,
                QObject::tr("%1 không đúng dạng (format, epoch, seq).").arg(m_path)};
    if (o.value(QLatin1String("format")).toInt() != kFormat)
        return {CoreError::Code::InvalidInput,
                QObject::tr("%1 có dạng %2; ccn-registry này chỉ đọc dạng %3.")
                    .arg(m_path)
                    .arg(o.value(QLatin1String("format")).toInt())
                    .arg(kFormat)};
    out->epoch = o.value(QLatin1String("epoch")).toString();
    out->seq = qint64(o.value(QLatin1String("seq")).toDouble());
    return {};
}

CoreError SeqWatermark::write(const Mark &mark)
{
    Mark kept;
    if (read(&kept).ok() && kept.epoch == mark.epoch && kept.seq > mark.seq)
        return {};
    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly))
        return {CoreError::Code::Io,
                QObject::tr("Không ghi được %1: %2").arg(m_path, f.errorString())};
    const QJsonObject o{{QStringLiteral("format"), kFormat},
                        {QStringLiteral("epoch"), mark.epoch},
                        {QStringLiteral("seq"), double(mark.seq)}};
    f.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
    if (!f.commit())
        return {CoreError::Code::Io,
                QObject::tr("Không ghi được %1: %2").arg(m_path, f.errorString())};
    return {};
}

bool SeqWatermark::wentBack(const Mark &mark, const QString &epoch, qint64 epochSeq, qint64 seq)
{
    if (mark.seq < 0 || seq >= mark.seq)
        return false;
    return epoch == mark.epoch || epochSeq != seq;
}
