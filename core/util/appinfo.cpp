#include "util/appinfo.h"

#include <QCoreApplication>
#include <QLoggingCategory>

namespace sv {

QString applicationName() { return QStringLiteral("StackVault"); }
QString applicationVersion() { return QStringLiteral(STACKVAULT_VERSION); }

void initApplication()
{
    QCoreApplication::setApplicationName(applicationName());
    QCoreApplication::setApplicationVersion(applicationVersion());
    if (qEnvironmentVariableIntValue("STACKVAULT_DEBUG") == 0)
        QLoggingCategory::setFilterRules(QStringLiteral("stackvault.*.debug=false"));
}

} // namespace sv
