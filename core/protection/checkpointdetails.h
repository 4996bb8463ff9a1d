#pragma once

#include "bank/checkpointindex.h"
#include "protection/rebuilddata.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace sv {

struct CheckpointIndex;
struct CheckpointSummary;

// What is known about the state of the saved disk (the index's `consistency`, resource.h
// ConsistencyToken). Nova's API never reports whether a guest's file systems were frozen, so no
// label claims that they were.
enum class Consistency {
    Unknown,          // an index without the field (or one this version does not know)
    OriginalImage,    // no snapshot was taken: the image the server booted from
    CrashConsistent,  // a snapshot of a server whose image has no guest agent
    QuiesceRequested, // a snapshot; the image has hw_qemu_guest_agent=yes, so Nova tried to freeze
};

// A volume attached to the server that the backup did not include.
struct VolumeNotIncluded
{
    QString id;
    QString name; // empty when Cinder could not name it

    QString label() const { return name.isEmpty() ? id : name; }
    bool operator==(const VolumeNotIncluded &other) const = default;
};

// A volume the backup saved (an OS::Cinder::Volume resource with its bytes), in the index's order:
// the boot volume first, then by device.
struct SavedVolume
{
    QString id; // the original volume's id
    QString name;
    QString device;     // "/dev/vdb"; "" when Cinder did not say
    QString volumeType; // the cloud's type name ("" when none)
    QString availabilityZone;
    QString description;
    int sizeGb = 0;
    int bootIndex = -1; // 0: the server boots from it
    bool bootable = false;
    qint64 bytes = 0; // what the backup holds of it

    QString label() const { return name.isEmpty() ? id : name; }
    bool operator==(const SavedVolume &other) const = default;
};

// One checkpoint as the front ends show it and the restore wizard defaults from it, read from its
// index with the keys of resource.h. The GUI (CoreBackend) and the CLI (`show`, `checkpoints`) use it.
struct CheckpointDetails
{
    QString id;
    QString status; // protecting, available, error, deleting
    QString errorMessage;
    QDateTime created;
    QString serverId;
    QString serverName;
    qint64 size = 0;
    qint64 storedBytes = 0;
    qint64 newStoredBytes = 0;
    Consistency consistency = Consistency::Unknown;
    bool requiresQuiesce = false; // the saved image has os_require_quiesce=yes
    bool includeData = false;     // a snapshot of the server was backed up, not its original image
    bool haveIndex = false;       // false: only the summary was readable; the rest is empty
    RestoreTestRecord restoreTest; // the last restore test (stackvault-cli test-restore); empty when never tested

    // Where it came from and the server's rebuild data (the restore wizard's defaults).
    QString cloud;  // the saved cloud's name at backup time
    QString region; // "" for the cloud's default
    QString flavorId;
    QString flavorName;
    QString keyName;
    QString availabilityZone;
    QStringList networkNames;
    QStringList securityGroups;
    QString imageName;
    qint64 minDiskGiB = 0;
    qint64 minRamMiB = 0;
    QList<VolumeNotIncluded> volumesNotIncluded;
    bool bootFromVolume = false;  // the server booted from a volume (no image resource)
    QList<SavedVolume> volumes;   // the attached volumes saved
    QString volumeSelection;      // "all", "none" or "NAME,..." as asked ("" before volumes were backed up)
    // Faithful rebuild (rebuilddata.h): empty/false in checkpoints older than these fields.
    QList<SavedNic> nics;         // one per saved network for older checkpoints
    QJsonObject serverMetadata;   // Nova's metadata of the server
    QStringList tags;
    QString description;
    bool configDrive = false;
    QString userDataState;        // "saved", "none", "not_visible"; "" for older checkpoints (user data itself is not here)
    QStringList serverGroups;     // names
    QString nicsError;            // why the backup could not read the ports ("" when it could)

    static CheckpointDetails fromIndex(const CheckpointIndex &index);
    static CheckpointDetails fromSummary(const CheckpointSummary &summary);

    // The volumes not included by label (name, or id when unnamed).
    QStringList volumesNotIncludedLabels() const;
    // The saved volumes by label.
    QStringList savedVolumeLabels() const;
};

// "Attached volumes NOT included in this backup: a, b." (translated); the backup's result, the Backups
// view and the restore wizard say it in these words.
QString volumesNotIncludedSentence(const QStringList &labels);

namespace ConsistencyText {
Consistency parse(const QString &token); // "quiesced" (before 2026-12) is QuiesceRequested
QString token(Consistency consistency);  // what the index and --json hold
// The label people read ("original image", "crash-consistent", "quiesce requested"), translated.
QString label(Consistency consistency);
// The label with the os_require_quiesce note, e.g. "quiesce requested (os_require_quiesce=yes)".
QString labelWithNote(Consistency consistency, bool requiresQuiesce);
// One sentence on what the label means, translated.
QString explanation(Consistency consistency, bool requiresQuiesce);
} // namespace ConsistencyText

} // namespace sv
