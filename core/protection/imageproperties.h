#pragma once

#include <QJsonObject>

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

// "quiesced" when Nova can freeze the guest's file systems (hw_qemu_guest_agent=yes), else
// "crash-consistent".
QString consistency(const QJsonObject &image);

} // namespace sv::ImageProperties
