#include "domainlabels.h"

#include <QDate>
#include <QDateTime>
#include <QtNumeric>

DomainLabels::DomainLabels(QObject *parent) : QObject(parent) {}

void DomainLabels::setLocale(const QLocale &locale)
{
    if (m_locale == locale)
        return;
    m_locale = locale;
    emit localeChanged();
}

QString DomainLabels::clusterStatus(const QString &code) const
{
    if (code == QLatin1String("planned"))
        return tr("Trong quy hoạch");
    if (code == QLatin1String("under_appraisal"))
        return tr("Đang thẩm định hồ sơ");
    if (code == QLatin1String("established"))
        return tr("Đã thành lập");
    if (code == QLatin1String("plan_approved"))
        return tr("Đã duyệt quy hoạch chi tiết");
    if (code == QLatin1String("project_approved"))
        return tr("Đã duyệt dự án hạ tầng");
    if (code == QLatin1String("under_construction"))
        return tr("Đang xây dựng hạ tầng");
    if (code == QLatin1String("operating"))
        return tr("Đang hoạt động");
    if (code == QLatin1String("expanded"))
        return tr("Đã mở rộng");
    if (code == QLatin1String("adjusted"))
        return tr("Đã điều chỉnh");
    if (code == QLatin1String("revoked"))
        return tr("Đã thu hồi quyết định thành lập");
    if (code == QLatin1String("removed_from_plan"))
        return tr("Đã rút khỏi quy hoạch");
    if (code == QLatin1String("operating_unestablished"))
        return tr("Hoạt động nhưng chưa thành lập");
    return code;
}

QString DomainLabels::wwtpStatus(const QString &code) const
{
    if (code == QLatin1String("none"))
        return tr("Chưa có trạm xử lý nước thải");
    if (code == QLatin1String("planned"))
        return tr("Trạm xử lý nước thải: mới có kế hoạch");
    if (code == QLatin1String("under_construction"))
        return tr("Trạm xử lý nước thải đang xây dựng");
    if (code == QLatin1String("operating"))
        return tr("Trạm xử lý nước thải đang vận hành");
    return code;
}

QString DomainLabels::tenantStatus(const QString &code) const
{
    if (code == QLatin1String("operating"))
        return tr("Đang hoạt động");
    if (code == QLatin1String("slow"))
        return tr("Chậm tiến độ");
    if (code == QLatin1String("not_started"))
        return tr("Chưa triển khai");
    if (code == QLatin1String("illegal_transfer"))
        return tr("Chuyển nhượng trái phép");
    return code;
}

QString DomainLabels::severity(const QString &code) const
{
    if (code == QLatin1String("minor"))
        return tr("Nhẹ");
    if (code == QLatin1String("serious"))
        return tr("Nghiêm trọng");
    if (code == QLatin1String("very_serious"))
        return tr("Rất nghiêm trọng");
    return code;
}

QString DomainLabels::violationStatus(const QString &code) const
{
    if (code == QLatin1String("open"))
        return tr("Chưa khắc phục");
    if (code == QLatin1String("remedying"))
        return tr("Đang khắc phục");
    if (code == QLatin1String("fixed_reported"))
        return tr("Báo đã khắc phục");
    if (code == QLatin1String("verified_fixed"))
        return tr("Đã xác nhận khắc phục");
    if (code == QLatin1String("escalated"))
        return tr("Đã chuyển xử lý");
    return code;
}

QString DomainLabels::inspectionKind(const QString &code) const
{
    if (code == QLatin1String("periodic"))
        return tr("Kiểm tra định kỳ");
    if (code == QLatin1String("unscheduled"))
        return tr("Kiểm tra đột xuất");
    if (code == QLatin1String("follow_up"))
        return tr("Kiểm tra lại");
    if (code == QLatin1String("progress_verification"))
        return tr("Xác minh tiến độ");
    return code;
}

QString DomainLabels::inspectionStatus(const QString &code) const
{
    if (code == QLatin1String("draft"))
        return tr("Đang làm");
    if (code == QLatin1String("submitted"))
        return tr("Đã gửi");
    return code;
}

QString DomainLabels::infrastructureKind(const QString &code) const
{
    if (code == QLatin1String("site_clearance"))
        return tr("Giải phóng mặt bằng");
    if (code == QLatin1String("roads"))
        return tr("Đường nội bộ");
    if (code == QLatin1String("power"))
        return tr("Cấp điện");
    if (code == QLatin1String("water_supply"))
        return tr("Cấp nước");
    if (code == QLatin1String("drainage"))
        return tr("Thoát nước");
    if (code == QLatin1String("stormwater"))
        return tr("Thoát nước mưa");
    if (code == QLatin1String("wastewater_plant"))
        return tr("Trạm xử lý nước thải tập trung");
    if (code == QLatin1String("other"))
        return tr("Hạng mục khác");
    return code;
}

QVariantList DomainLabels::severityOptions() const
{
    QVariantList out;
    for (const char *c : {"minor", "serious", "very_serious"})
        out << QVariantMap{{QStringLiteral("value"), QLatin1String(c)},
                           {QStringLiteral("label"), severity(QLatin1String(c))}};
    return out;
}

QVariantList DomainLabels::clusterStatusOptions() const
{
    QVariantList out;
    for (const char *c :
         {"operating", "under_construction", "established", "planned", "operating_unestablished"})
        out << QVariantMap{{QStringLiteral("value"), QLatin1String(c)},
                           {QStringLiteral("label"), clusterStatus(QLatin1String(c))}};
    return out;
}

QString DomainLabels::number(const QVariant &value, int decimals) const
{
    if (value.isNull() || !value.isValid())
        return QString();
    bool ok = false;
    const double d = value.toDouble(&ok);
    if (!ok || !qIsFinite(d))
        return QString();
    QString s = m_locale.toString(d, 'f', decimals);
    // 12,0 -> 12
    if (decimals > 0) {
        const QString zero = QString(m_locale.decimalPoint()) + QString(decimals, QLatin1Char('0'));
        if (s.endsWith(zero))
            s.chop(zero.size());
    }
    return s;
}

QString DomainLabels::fineRange(const QVariant &minVnd, const QVariant &maxVnd) const
{
    const double lo = minVnd.isNull() ? 0 : minVnd.toDouble() / 1e6;
    const double hi = maxVnd.isNull() ? 0 : maxVnd.toDouble() / 1e6;
    if (lo <= 0 && hi <= 0)
        return QString();
    if (lo > 0 && hi > 0)
        return tr("%1–%2 triệu đồng").arg(number(lo), number(hi));
    return tr("%1 triệu đồng").arg(number(lo > 0 ? lo : hi));
}

QString DomainLabels::dateTime(const QVariant &msecs) const
{
    const qint64 ms = msecs.toLongLong();
    if (msecs.isNull() || ms <= 0)
        return QString();
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("dd/MM/yyyy HH:mm"));
}

QString DomainLabels::date(const QString &isoDate) const
{
    const QDate d = QDate::fromString(isoDate.left(10), Qt::ISODate);
    return d.isValid() ? d.toString(QStringLiteral("dd/MM/yyyy")) : isoDate;
}

QDate DomainLabels::parseDate(const QString &text)
{
    const QString t = text.trimmed();
    for (const char *f : {"dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy"}) {
        const QDate d = QDate::fromString(t, QLatin1String(f));
        if (d.isValid())
            return d;
    }
    return {};
}
