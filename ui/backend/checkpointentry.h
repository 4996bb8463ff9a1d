#pragma once

#include "backend/volumeentry.h"
#include "protection/checkpointdetails.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace sv::ui {

// One backup (a bank checkpoint) with what the Backups view and the restore wizard need.
struct CheckpointEntry
{
    using Consistency = sv::Consistency;

    QString id;
    QString cloudId; // the profile it was taken from (may no longer exist)
    QString serverId;
    QString serverName;
    QDateTime created;
    qint64 size = -1;       // bytes of the image data; -1 unknown
    QString status;         // protecting, available, error, deleting, deleted
    qint64 storedSize = -1; // bytes this backup added to the storage after deduplication
    Consistency consistency = Consistency::Unknown;
    bool requiresQuiesce = false; // the image has os_require_quiesce=yes
    bool withData = false; // a snapshot was taken (server data included), not the original image
    bool bootFromVolume = false; // the server booted from a volume: the backup holds no image of its own
    RestoreTestRecord restoreTest; // the last restore test; empty when never tested

    // Saved metadata used as the restore wizard's defaults.
    QString imageName;
    qint64 minDiskGiB = 0;
    qint64 minRamMiB = 0;
    QString flavorName;
    QStringList networkNames;
    QString keyName;
    QStringList securityGroups;
    QString availabilityZone;
    // The volumes saved in the backup (name, size, device, type; the boot volume marked), in device order.
    QList<VolumeEntry> volumes;
    // Attached to the server when it was backed up, and not in the backup (names, or ids when unknown).
    QStringList volumesNotIncluded;
    // Faithful rebuild (protection/rebuilddata.h): empty for backups older than these details.
    QList<SavedNic> nics;
    QJsonObject serverMetadata;
    QStringList tags;
    QString description;
    bool configDrive = false;
    QString userDataState; // "saved", "none", "not_visible"; "" for older backups
    QStringList serverGroups;
};

} // namespace sv::ui

Q_DECLARE_METATYPE(sv::ui::CheckpointEntry)
