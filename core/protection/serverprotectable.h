#pragma once

#include "openstack/volume/volume.h"
#include "protection/resource.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace sv {

// Reads Nova's server documents (GET /servers/{id} or /servers/detail) into protectables and tells
// whether a server can be protected now. Pure functions over JSON: no network.
namespace ServerProtectable {

// The server with its children: the boot image (extra_info.server_id = the server's id, unchanged
// since the seed) for an image-booted server, then its attached volumes (OS::Cinder::Volume, boot volume
// first, then by device) with extra_info {server_id, device, boot_index}. `volumes` are Cinder's
// documents of the attached volumes (name, device); a volume missing there keeps its id, no name and
// no device.
Resource resourceGraph(const QJsonObject &server, const QList<openstack::Volume> &volumes = {});

// Where `volume` is attached to `server` ("" when Cinder does not say).
QString deviceOf(const openstack::Volume &volume, const QString &serverId);
// 0 for the volume a boot-from-volume server boots from, -1 for every other volume: the one attached
// at the server's root device name (admins see it), else the bootable volume on the first device,
// else the first attached volume.
int bootIndexOf(const QJsonObject &server, const openstack::Volume &volume, const QList<openstack::Volume> &volumes);

bool isBootFromVolume(const QJsonObject &server);
QStringList attachedVolumeIds(const QJsonObject &server);
QString bootImageId(const QJsonObject &server); // empty for boot-from-volume

// Statuses in which Nova accepts createImage, with no task running.
bool isProtectableStatus(const QString &status);

// Empty when a backup may start; otherwise one plain sentence naming the server and what to do.
// `includeData` false (enable_server_snapshot off): a boot-from-volume server is refused, since a
// volume has no "original" to save instead of a snapshot.
QString precheckError(const QJsonObject &server, bool includeData = true);

// What a rebuild needs: name, flavor, networks with fixed IPs, key, security groups, AZ, metadata,
// tags. `flavor` is the flavor document when the server only names the flavor's id (before 2.47).
QJsonObject rebuildMetadata(const QJsonObject &server, const QJsonObject &flavor = {});

} // namespace ServerProtectable
} // namespace sv
