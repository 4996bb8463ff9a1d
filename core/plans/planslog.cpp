#include "plans/planslog.h"

namespace sv {
Q_LOGGING_CATEGORY(lcPlans, "stackvault.plans")
} // namespace sv
