#pragma once

#include "coreerror.h"

#include <QString>

// A throw-away PostgreSQL cluster on 127.0.0.1 for the load phase, started and stopped with the
// functions of scripts/pg-throwaway.sh (initdb into a temporary directory, fsync=off).
class ThrowawayPostgres
{
public:
    ThrowawayPostgres() = default;
    ~ThrowawayPostgres();

    CoreError start();
    void stop();
    QString url() const { return m_url; }

private:
    QString m_url, m_dir, m_binDir;
};
