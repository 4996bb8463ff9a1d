#include "profiles/profileslog.h"

namespace sv {
Q_LOGGING_CATEGORY(lcProfiles, "stackvault.profiles")
} // namespace sv
