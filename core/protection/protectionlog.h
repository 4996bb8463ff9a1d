#pragma once

#include <QLoggingCategory>

namespace sv {
Q_DECLARE_LOGGING_CATEGORY(lcProtection)
}
