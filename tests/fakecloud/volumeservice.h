#pragma once

#include <QJsonObject>
#include <QStringList>

namespace fake {

class CloudState;
class Exchange;
struct Token;
struct Volume;
struct VolumeSnapshot;
struct VolumeType;

// Cinder v3 under /volume: versions; volumes (list/detail/show, create blank, from a snapshot, from an
// image or from a volume; delete; metadata; the os-volume_upload_image action); snapshots (create with
// Cinder's force rules, list/detail/show, delete, metadata); volume types; quotas (os-quota-sets,
// limits; 413 when exceeded).
class VolumeService
{
public:
    explicit VolumeService(CloudState &state);
    void handle(Exchange &ex, const QStringList &segments);

private:
    struct Call
    {
        Exchange &ex;
        const Token &token;
        int minor; // negotiated microversion 3.<minor>
    };
    void versions(Exchange &ex, int status);
    void volumes(Call &call, const QStringList &rest);
    void listVolumes(Call &call, bool detail);
    // The volume `id` as the token may see it: its own project's, or (an admin) any project's; null if not.
    Volume *visibleVolume(const Call &call, const QString &id);
    void createVolume(Call &call);
    void deleteVolume(Call &call, Volume &volume);
    void volumeAction(Call &call, Volume &volume);
    void uploadToImage(Call &call, Volume &volume, const QJsonObject &request);
    void snapshots(Call &call, const QStringList &rest);
    void createSnapshot(Call &call);
    void types(Call &call, const QStringList &rest);
    void quotaSet(Call &call, const QStringList &rest);
    void limits(Call &call);
    // GET / POST (merge) / PUT (replace) of a volume's or a snapshot's metadata.
    void metadata(Call &call, QJsonObject &metadata);
    // The 413 Cinder answers when creating `volumes` volumes / `snapshots` snapshots of `gigabytes` GiB would
    // exceed the project's quota; false after answering it.
    bool checkQuota(Call &call, int volumes, int snapshots, int gigabytes);
    struct Usage
    {
        int volumes = 0;
        int snapshots = 0;
        int gigabytes = 0; // volumes and snapshots
    };
    Usage usage(const QString &projectId) const;
    QJsonObject volumeJson(const Call &call, const Volume &volume, bool detail) const;
    static QJsonObject snapshotJson(const VolumeSnapshot &snapshot, bool detail);
    static QJsonObject typeJson(const VolumeType &type);
    CloudState &m_state;
};

} // namespace fake
