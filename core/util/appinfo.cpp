#include "util/appinfo.h"

namespace sv {

QString applicationName() { return QStringLiteral("StackVault"); }
QString organizationName() { return QStringLiteral("StackVault"); }
QString applicationVersion() { return QStringLiteral(STACKVAULT_VERSION); }

} // namespace sv
