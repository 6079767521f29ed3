#pragma once

#include <QVector>

// Summary statistics of timings (milliseconds). Percentiles use the nearest-rank method on a
// sorted copy, so p99 of 1,000 samples is the 990th smallest.
class BenchStats
{
public:
    void add(double ms) { m_samples.append(ms); }
    int count() const { return int(m_samples.size()); }
    double percentile(double p) const;
    double median() const { return percentile(50); }
    double mean() const;
    double min() const { return percentile(0); }
    double max() const { return percentile(100); }

    // Rounds for the JSON output (3 significant decimals are more than the noise allows).
    static double round3(double v);

private:
    QVector<double> m_samples;
};
