#include "benchstats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

double BenchStats::percentile(double p) const
{
    if (m_samples.isEmpty())
        return 0;
    QVector<double> sorted = m_samples;
    std::sort(sorted.begin(), sorted.end());
    if (p <= 0)
        return sorted.first();
    const int rank = int(std::ceil(p / 100.0 * sorted.size()));
    return sorted.at(std::clamp(rank, 1, int(sorted.size())) - 1);
}

double BenchStats::mean() const
{
    if (m_samples.isEmpty())
        return 0;
    return std::accumulate(m_samples.begin(), m_samples.end(), 0.0) / m_samples.size();
}

double BenchStats::round3(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}
