#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace sv::ImageProperties {

// Glance attributes a client cannot set (read-only, reserved, or computed by Glance). A backup
// saves everything else, so that a restored image keeps hw_firmware_type, hw_disk_bus, os_type,
// min_disk, min_ram, … — Karbor dropped them and restored servers failed to boot.
bool isReadOnlyOrReserved(const QString &key);

// The settable part of a Glance image document.
QJsonObject settable(const QJsonObject &image);

// Nova's snapshot bookkeeping that must not be copied onto a restored image (it would claim to be
// a snapshot of a server that does not exist in the target).
QJsonObject withoutSnapshotBookkeeping(const QJsonObject &properties);

// The index's consistency token (resource.h ConsistencyToken) for a backup of `image` (a Glance image
// document or saved properties): OriginalImage when no snapshot was taken; for a snapshot,
// QuiesceRequested when the image has hw_qemu_guest_agent=yes (Nova's libvirt driver then tries to
// freeze the guest's file systems; the API does not report whether it did), else CrashConsistent.
QString consistency(const QJsonObject &image, bool snapshotTaken);

// os_require_quiesce=yes: Nova's libvirt driver fails a live snapshot whose freeze fails instead of
// going on without it.
bool requiresQuiesce(const QJsonObject &image);

// The Cinder snapshots that Nova's createImage of a boot-from-volume server made, as its 0-byte image's
// `block_device_mapping` property names them (a JSON string; an array is read too), each once, with
// its boot_index (-1 when absent). Deleting that image does not delete them.
struct MappedSnapshot
{
    QString snapshotId;
    int bootIndex = -1;
};
QList<MappedSnapshot> blockDeviceMappingSnapshots(const QJsonObject &image);

} // namespace sv::ImageProperties
