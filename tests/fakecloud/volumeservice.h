#pragma once

#include <QJsonObject>
#include <QStringList>

namespace fake {

class CloudState;
class Exchange;
struct Token;
struct Volume;
struct VolumeSnapshot;

// Cinder v3 under /volume: versions, volumes list/detail/show in the project (read-only), and
// snapshots of those volumes (create, list/detail, show, delete).
class VolumeService
{
public:
    explicit VolumeService(CloudState &state);
    void handle(Exchange &ex, const QStringList &segments);

private:
    QJsonObject volumeJson(const Exchange &ex, const Volume &volume, bool detail) const;
    void snapshots(Exchange &ex, const QStringList &rest, const Token &token, int minor);
    void createSnapshot(Exchange &ex, const Token &token, int minor);
    static QJsonObject snapshotJson(const VolumeSnapshot &snapshot, bool detail);
    CloudState &m_state;
};

} // namespace fake
