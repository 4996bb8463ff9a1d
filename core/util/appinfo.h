#pragma once

#include <QString>

namespace sv {

// Names used for settings, keychain service and data locations.
QString applicationName();
QString applicationVersion();

// Sets the application's name and version (no organization: files go to ~/.config/StackVault and
// ~/.local/share/StackVault) and keeps debug logging quiet unless STACKVAULT_DEBUG=1.
void initApplication();

} // namespace sv
