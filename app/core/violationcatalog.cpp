#include "violationcatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>

namespace {
const QString resourcePath = QStringLiteral(":/demo/checklist-default.json");

std::optional<qint64> fine(const QJsonValue &v)
{
    if (v.isDouble())
        return qint64(v.toDouble());
    return std::nullopt;
}
} // namespace

QVariantMap ViolationCatalog::Category::toMap() const
{
    return {
        {QStringLiteral("code"), code},
        {QStringLiteral("title"), title},
        {QStringLiteral("legal_basis"), legalBasis},
        {QStringLiteral("default_severity"), defaultSeverity},
        {QStringLiteral("fine_min_vnd"), fineMinVnd ? QVariant(*fineMinVnd) : QVariant()},
        {QStringLiteral("fine_max_vnd"), fineMaxVnd ? QVariant(*fineMaxVnd) : QVariant()},
    };
}

CoreError ViolationCatalog::parse(const QByteArray &json, QList<Category> *out)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return {CoreError::Code::InvalidInput,
                QObject::tr("Danh mục vi phạm không đọc được (%1).").arg(err.errorString())};
    return parse(doc.object(), out);
}

CoreError ViolationCatalog::parse(const QJsonObject &document, QList<Category> *out)
{
    if (document.value(QStringLiteral("format")).toString() != QLatin1String("ccn-checklist") ||
        document.value(QStringLiteral("version")).toInt() != 1)
        return {CoreError::Code::InvalidInput,
                QObject::tr("Danh mục vi phạm không đúng định dạng ccn-checklist phiên bản 1.")};
    QList<Category> list;
    const QJsonArray items = document.value(QStringLiteral("violation_categories")).toArray();
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        Category c;
        c.code = o.value(QStringLiteral("code")).toString();
        c.title = o.value(QStringLiteral("title")).toString();
        c.legalBasis = o.value(QStringLiteral("legal_basis")).toString();
        c.defaultSeverity = o.value(QStringLiteral("default_severity")).toString();
        c.fineMinVnd = fine(o.value(QStringLiteral("fine_min_vnd")));
        c.fineMaxVnd = fine(o.value(QStringLiteral("fine_max_vnd")));
        const bool severityOk = c.defaultSeverity == QLatin1String("minor") ||
                                c.defaultSeverity == QLatin1String("serious") ||
                                c.defaultSeverity == QLatin1String("very_serious");
        const bool finesOk =
            c.fineMinVnd.has_value() == c.fineMaxVnd.has_value() &&
            (!c.fineMinVnd || (*c.fineMinVnd >= 0 && *c.fineMinVnd <= *c.fineMaxVnd));
        if (c.code.isEmpty() || c.title.isEmpty() || !severityOk || !finesOk)
            return {CoreError::Code::InvalidInput,
                    QObject::tr("Danh mục vi phạm có mục không hợp lệ: “%1”.").arg(c.code)};
        for (const Category &seen : std::as_const(list)) {
            if (seen.code == c.code)
                return {CoreError::Code::InvalidInput,
                        QObject::tr("Danh mục vi phạm có mã trùng: “%1”.").arg(c.code)};
        }
        list << c;
    }
    *out = list;
    return {};
}

const QList<ViolationCatalog::Category> &ViolationCatalog::categories()
{
    static const QList<Category> list = [] {
        QList<Category> out;
        QFile f(resourcePath);
        if (f.open(QIODevice::ReadOnly))
            parse(f.readAll(), &out);
        return out;
    }();
    return list;
}

ViolationCatalog::Category ViolationCatalog::find(const QString &code)
{
    for (const Category &c : categories()) {
        if (c.code == code)
            return c;
    }
    return {};
}

QVariantList ViolationCatalog::toVariantList()
{
    QVariantList out;
    for (const Category &c : categories())
        out << c.toMap();
    return out;
}
