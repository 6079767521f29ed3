#pragma once

#include <QString>
#include <QStringList>

#include <random>

// Realistic Vietnamese names and texts for the benchmark data, from a fixed seed: provinces (the
// 34 of 2025), communes, clusters, companies, people, findings. Also the seeded random helpers
// the generators share (ids shaped like the app's UUIDv7, SHA-256-shaped hex).
class VietnameseNames
{
public:
    explicit VietnameseNames(quint64 seed);

    static const QStringList &provinces();
    static const QStringList &places();
    static const QStringList &industries();

    int below(int n);
    double uniform();
    template <typename T> const T &pick(const QList<T> &list)
    {
        return list.at(below(int(list.size())));
    }

    QString person();
    QString clusterName();
    QString companyName(const QString &industry);
    QString taxCode(int provinceIndex);
    QString finding();
    QString violationText();
    // A UUIDv7 text id for the time `ms` (random bits from this generator).
    QString uuid7(qint64 ms);
    QString hex(int bytes);

private:
    std::mt19937_64 m_rng;
};
