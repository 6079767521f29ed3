#pragma once

#include "coreerror.h"
#include "positionfix.h"

#include <QCoreApplication>

// Averages fixes taken while the inspector stands still. Fixes whose accuracy is worse than
// maxAccuracyM, or unknown, are skipped (and counted). The result's position is the plain mean
// of the used fixes; its accuracy is the larger of the mean reported accuracy and the RMS spread
// of the used fixes around the mean. GPS errors a few seconds apart are strongly correlated, so
// averaging is not credited with a sqrt(n) gain; a spread larger than the reported accuracy
// (someone walked) shows in the result.
class PositionAverager
{
    Q_DECLARE_TR_FUNCTIONS(PositionAverager)
public:
    explicit PositionAverager(double maxAccuracyM = 20.0) : m_maxAccuracyM(maxAccuracyM) {}

    double maxAccuracyM() const { return m_maxAccuracyM; }
    void setMaxAccuracyM(double metres) { m_maxAccuracyM = metres; }

    void clear();
    // True when the fix was used, false when it was skipped.
    bool add(const PositionFix &fix);

    int usedCount() const { return int(m_fixes.size()); }
    int skippedCount() const { return m_skipped; }
    // RMS distance of the used fixes from their mean, in metres (0 for fewer than two).
    double spreadM() const;

    // The averaged fix (sampleCount = used fixes, timestamp = the last used fix); a
    // CoreError::Code::Position error when no fix was good enough.
    PositionFix result(CoreError *error = nullptr) const;

private:
    QList<PositionFix> m_fixes;
    int m_skipped = 0;
    double m_maxAccuracyM;
};
