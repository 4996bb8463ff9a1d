#pragma once

#include "protection/resource.h"

#include <QJsonObject>
#include <QStringList>

namespace sv {

// Reads Nova's server documents (GET /servers/{id} or /servers/detail) into protectables and tells
// whether a server can be protected now. Pure functions over JSON: no network.
namespace ServerProtectable {

// The server with its children: the boot image (extra_info.server_id = the server's id) for an
// image-booted server; its attached volumes for a boot-from-volume server (`image` is "").
Resource resourceGraph(const QJsonObject &server);

bool isBootFromVolume(const QJsonObject &server);
QStringList attachedVolumeIds(const QJsonObject &server);
QString bootImageId(const QJsonObject &server); // empty for boot-from-volume

// Statuses in which Nova accepts createImage, with no task running.
bool isProtectableStatus(const QString &status);

// Empty when a backup may start; otherwise one plain sentence naming the server and what to do.
QString precheckError(const QJsonObject &server);

// What a rebuild needs: name, flavor, networks with fixed IPs, key, security groups, AZ, metadata,
// tags. `flavor` is the flavor document when the server only names the flavor's id (before 2.47).
QJsonObject rebuildMetadata(const QJsonObject &server, const QJsonObject &flavor = {});

} // namespace ServerProtectable
} // namespace sv
