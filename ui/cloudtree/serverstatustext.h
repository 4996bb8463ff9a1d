#pragma once

#include <QString>

namespace sv::ui {

// Nova's server status (and task state) in plain, translated words: "Active", "Shut off", "Busy (image_snapshot)".
QString serverStatusText(const QString &status, const QString &taskState = {});

} // namespace sv::ui
