#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace sv {

// "Checkpoint X created temporary image Y on cloud profile Z": written durably before the engine waits
// for the snapshot, removed after the image is deleted; what is left after a crash is swept at start-up.
//
// Kinds: `temporary-image` (a backup's snapshot image, or the image Cinder uploaded a volume into),
// `temporary-volume-snapshot` and `temporary-volume` (a backup's Cinder snapshot and the volume made
// from it to read its bytes), `restore-image`, `restore-server`, `restore-volume` and `restore-port`
// (what a restore made before it completed; a port is the Neutron port made for one of the new
// server's NICs). An entry without any id is an *intent*, written before the create request: a
// process killed between the request and the answer cannot know the new id, so the sweep finds the resource by its marker instead (a snapshot image's `stackvault_checkpoint` property or a
// Cinder snapshot's or temporary volume's `stackvault_checkpoint` metadata, equal to checkpointId; a
// restore's `stackvault_restore_job` property or metadata, equal to `tag`; a restore's port's description
// `stackvault_restore_job:TAG`).
struct JournalEntry
{
    static inline const QString TemporaryImage = QStringLiteral("temporary-image");
    static inline const QString RestoreImage = QStringLiteral("restore-image");
    static inline const QString RestoreServer = QStringLiteral("restore-server");
    static inline const QString TemporaryVolumeSnapshot = QStringLiteral("temporary-volume-snapshot");
    static inline const QString TemporaryVolume = QStringLiteral("temporary-volume");
    static inline const QString RestoreVolume = QStringLiteral("restore-volume");
    static inline const QString RestorePort = QStringLiteral("restore-port");

    QString kind = TemporaryImage;
    QString checkpointId;
    QString imageId;
    QString serverId;
    QString volumeId;   // temporary-volume, restore-volume
    QString snapshotId; // temporary-volume-snapshot (a Cinder snapshot)
    QString portId;     // restore-port (a Neutron port)
    QString tag; // the marker of an intent (restores); a snapshot intent uses checkpointId
    QString cloudProfileId;
    QString projectId; // optional: where the image lives, if the profile can reach several
    QString regionName;
    QDateTime created;

    QJsonObject toJson() const;
    static JournalEntry fromJson(const QJsonObject &json);
    // Oldest first, the order the sweep handles them in.
    static void sortByCreation(QList<JournalEntry> *entries);
    bool isIntent() const { return imageId.isEmpty() && serverId.isEmpty() && volumeId.isEmpty() && snapshotId.isEmpty()
                                  && portId.isEmpty(); }
    // The file name of the entry: SHA-256 of profile, region and image id (server, volume, snapshot or
    // port id, or the intent's kind + checkpoint + tag), so ids never become paths.
    QString key() const;
    // What key() hashes (an encrypted bank names the entry by its HMAC instead: Bank::journalKey).
    QByteArray keyMaterial() const;
};

} // namespace sv
