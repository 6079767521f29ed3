// ccn-registry: the province's central registry for CCN Inspect devices (see sync/PROTOCOL.md).
#include "registrycommand.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ccn-registry"));
    return RegistryCommand::run(QCoreApplication::arguments());
}
