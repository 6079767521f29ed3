#include "violationworkflow.h"

const QStringList &ViolationWorkflow::statuses()
{
    static const QStringList all = {QStringLiteral("open"), QStringLiteral("remedying"),
                                    QStringLiteral("fixed_reported"),
                                    QStringLiteral("verified_fixed"), QStringLiteral("escalated")};
    return all;
}

QStringList ViolationWorkflow::next(const QString &status)
{
    const QString escalated = QStringLiteral("escalated");
    const QString verified = QStringLiteral("verified_fixed");
    if (status == escalated)
        return {verified};
    const int at = int(statuses().indexOf(status));
    const int end = int(statuses().indexOf(verified));
    if (at < 0 || at >= end)
        return {};
    QStringList out = statuses().mid(at + 1, end - at);
    out << escalated;
    return out;
}

bool ViolationWorkflow::allows(const QString &from, const QString &to)
{
    return next(from).contains(to);
}
