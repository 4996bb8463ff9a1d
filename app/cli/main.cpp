#include "util/appinfo.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(sv::applicationName());
    QCoreApplication::setOrganizationName(sv::organizationName());
    QCoreApplication::setApplicationVersion(sv::applicationVersion());
    QTextStream(stdout) << "stackvault-cli " << sv::applicationVersion() << '\n';
    return 0;
}
