#pragma once

#include <QStringList>

class QTextStream;

// The ccn-registry command line: serve, add-user, devices, revoke-device, reinstate-device,
// import-clusters, backup, new-epoch, remove-demo. main() only builds
// the application object and calls run(). Returns the process exit code (0 ok, 1 failure,
// 2 usage error).
class RegistryCommand
{
public:
    static int run(const QStringList &arguments);

private:
    static int serve(const QStringList &args);
    static int addUser(const QStringList &args);
    static int devices(const QStringList &args);
    static int setDeviceRevoked(const QStringList &args,
                                bool revoke); // revoke-device, reinstate-device
    static int importClusters(const QStringList &args);
    static int backup(const QStringList &args);
    static int newEpoch(const QStringList &args);
    static int removeDemo(const QStringList &args);
};
