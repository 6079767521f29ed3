#pragma once

#include "coreerror.h"

#include <QStringList>

class RegistryStore;

// --demo: seeds the registry's records from the device's demo data (:/demo/demo-data.json, built
// into ccncore) and creates four accounts (inspector.demo, officer.demo, supervisor.demo,
// admin.demo; password demo-password). Idempotent: rows and accounts already there are kept.
class DemoSeeder
{
public:
    static constexpr const char *password = "demo-password";
    explicit DemoSeeder(RegistryStore *store) : m_store(store) {}
    // *summary: what was seeded, for the console.
    CoreError seed(bool fastHash, QString *summary);

private:
    RegistryStore *m_store;
};
