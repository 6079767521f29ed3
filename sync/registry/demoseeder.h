#pragma once

#include "coreerror.h"

#include <QStringList>

class RegistryStore;

// --demo: seeds the registry's records from the device's demo data (:/demo/demo-data.json, built
// into ccncore) and creates four accounts (inspector.demo, officer.demo, supervisor.demo,
// admin.demo; password demo-password). Idempotent: rows and accounts already there are kept (a
// demo account disabled by remove-demo stays disabled).
class DemoSeeder
{
public:
    static constexpr const char *password = "demo-password";
    explicit DemoSeeder(RegistryStore *store) : m_store(store) {}
    // The demo accounts' user names. Anyone who reads the README signs in with them: a server
    // off loopback refuses to start while one of them is enabled (`ccn-registry remove-demo`).
    static QStringList accountNames();
    // *summary: what was seeded, for the console.
    CoreError seed(bool fastHash, QString *summary);

private:
    RegistryStore *m_store;
};
