#pragma once

#include <QIcon>
#include <QString>

namespace sv::ui {

// Registers the embedded icons and translations of the static UI library (call once, before widgets).
void initResources();

// An icon from resources/icons by its base name ("backup", "status-active", …).
QIcon icon(const QString &name);

// The icon for an OpenStack server status (ACTIVE, SHUTOFF, ERROR; anything in progress is "busy").
QIcon serverStatusIcon(const QString &status, const QString &taskState);

} // namespace sv::ui
