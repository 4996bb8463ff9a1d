#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace sv {

// "Checkpoint X created temporary image Y on cloud profile Z": written durably before the engine waits
// for the snapshot, removed after the image is deleted; what is left after a crash is swept at start-up.
struct JournalEntry
{
    QString checkpointId;
    QString imageId;
    QString cloudProfileId;
    QString projectId; // optional: where the image lives, if the profile can reach several
    QString regionName;
    QDateTime created;

    QJsonObject toJson() const;
    static JournalEntry fromJson(const QJsonObject &json);
    // The file name of the entry: SHA-256 of profile, region and image id, so ids never become paths.
    QString key() const;
};

} // namespace sv
