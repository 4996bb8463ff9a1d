#include "protection/protectionlog.h"

namespace sv {
Q_LOGGING_CATEGORY(lcProtection, "stackvault.protection", QtInfoMsg)
}
