#pragma once

#include <QLoggingCategory>

namespace sv::ui {

Q_DECLARE_LOGGING_CATEGORY(lcUi) // stackvault.ui

} // namespace sv::ui
