#pragma once

#include <QLoggingCategory>

namespace sv {
// "stackvault.profiles": cloud profiles, keychain access, clouds.yaml / OS_* import. Never logs a secret.
Q_DECLARE_LOGGING_CATEGORY(lcProfiles)
} // namespace sv
