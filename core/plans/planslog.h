#pragma once

#include <QLoggingCategory>

namespace sv {
// "stackvault.plans": plans, their runs, run history and schedules.
Q_DECLARE_LOGGING_CATEGORY(lcPlans)
} // namespace sv
