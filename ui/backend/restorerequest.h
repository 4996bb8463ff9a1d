#pragma once

#include "backend/rebuildchoices.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace sv::ui {

// Everything the restore wizard collected.
struct RestoreRequest
{
    QString checkpointId;
    QString targetCloudId;
    QString projectName;
    QString region;
    QString serverName;
    QString flavorId;
    QStringList networkIds; // in NIC order; {"none"}: no network; empty: the networks saved with the backup
    QString keyName;        // empty: no key pair
    QStringList securityGroups;
    QString availabilityZone; // empty: the cloud chooses
    bool restoreServer = true; // false: only the saved volumes (the server fields above are then empty)
    // true: only the backup's image, into the target's image service with its saved properties: no server and
    // no volume. serverName then names the image (empty: SERVER-restored-ID8); the other server fields are empty.
    bool imageOnly = false;
    // Saved volume type → target type; a missing key: the same name where the target has it, else the
    // target's default type (with a warning).
    QHash<QString, QString> volumeTypes;
    // The server-details page's choices (NICs, tags, metadata, ...); unset: as saved.
    RebuildChoices rebuild;
};

} // namespace sv::ui
