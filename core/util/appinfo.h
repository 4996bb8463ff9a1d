#pragma once

#include <QString>

namespace sv {

// Names used for settings, keychain service and data locations.
QString applicationName();
QString organizationName();
QString applicationVersion();

} // namespace sv
