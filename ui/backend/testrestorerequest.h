#pragma once

#include <QString>

namespace sv::ui {

// What the Test Restore dialog collected: restore the backup under a scratch name in the target cloud,
// wait until the server is ACTIVE (and, with a marker, until its console log shows it), then remove it.
struct TestRestoreRequest
{
    QString checkpointId;
    QString targetCloudId;
    QString marker;                // empty: ACTIVE is enough
    int markerTimeoutSeconds = 600; // how long to wait for the marker once the server is ACTIVE
};

} // namespace sv::ui
