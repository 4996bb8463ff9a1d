#pragma once

#include "openstack/apijob.h"
#include "openstack/volume/volumesnapshot.h"

namespace sv::openstack {

// POST /v3/{project}/snapshots. An in-use volume needs {"force": true} below block-storage
// microversion 3.66; from 3.66 no flag is needed and "force": false is refused, so the flag is sent
// only where it is required. Not retried: a second POST would make a second snapshot.
class CreateVolumeSnapshotJob : public ApiJob
{
    Q_OBJECT
public:
    CreateVolumeSnapshotJob(Connection *connection, QString volumeId, QString name, QJsonObject metadata,
                            bool volumeInUse, QObject *parent = nullptr);
    void setVolumeName(const QString &name) { m_volumeName = name; } // for messages
    const VolumeSnapshot &snapshot() const { return m_snapshot; }
    // Whether the request carried "force": true (decided when the job runs).
    bool sentForce() const { return m_sentForce; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    void sendCreate(); // once the microversion is known
    QString m_volumeId;
    QString m_volumeName;
    QString m_name;
    QJsonObject m_metadata;
    bool m_volumeInUse;
    bool m_sentForce = false;
    VolumeSnapshot m_snapshot;
};

} // namespace sv::openstack
