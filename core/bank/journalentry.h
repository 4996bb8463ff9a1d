#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace sv {

// "Checkpoint X created temporary image Y on cloud profile Z": written durably before the engine waits
// for the snapshot, removed after the image is deleted; what is left after a crash is swept at start-up.
//
// Three kinds: `temporary-image` (a backup's snapshot), `restore-image` and `restore-server` (what a
// restore made before it completed). An entry without imageId/serverId is an *intent*, written before
// the create request: a process killed between the request and the answer cannot know the new id, so
// the sweep finds the resource by its marker instead (the snapshot's `stackvault_checkpoint` property,
// a restore's `stackvault_restore_job` property or server metadata, equal to `tag`).
struct JournalEntry
{
    static inline const QString TemporaryImage = QStringLiteral("temporary-image");
    static inline const QString RestoreImage = QStringLiteral("restore-image");
    static inline const QString RestoreServer = QStringLiteral("restore-server");

    QString kind = TemporaryImage;
    QString checkpointId;
    QString imageId;
    QString serverId;
    QString tag; // the marker of an intent (restores); a snapshot intent uses checkpointId
    QString cloudProfileId;
    QString projectId; // optional: where the image lives, if the profile can reach several
    QString regionName;
    QDateTime created;

    QJsonObject toJson() const;
    static JournalEntry fromJson(const QJsonObject &json);
    bool isIntent() const { return imageId.isEmpty() && serverId.isEmpty(); }
    // The file name of the entry: SHA-256 of profile, region and image id (server id, or the intent's
    // kind + checkpoint + tag), so ids never become paths.
    QString key() const;
};

} // namespace sv
