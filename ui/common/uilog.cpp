#include "common/uilog.h"

namespace sv::ui {

Q_LOGGING_CATEGORY(lcUi, "stackvault.ui")

} // namespace sv::ui
