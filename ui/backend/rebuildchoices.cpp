#include "backend/rebuildchoices.h"

namespace sv::ui {

void RebuildChoices::applyTo(sv::RestoreRequest &request) const
{
    if (!set)
        return;
    if (nics.isEmpty()) {
        request.networks = {QStringLiteral("none")};
    } else {
        request.networks.clear();
        request.nics = nics;
    }
    request.metadata = metadata;
    request.tags = tags;
    request.description = description;
    request.serverGroup = serverGroup;
    request.configDrive = configDrive;
    request.userData = userData;
}

} // namespace sv::ui
