#pragma once

#include "openstack/apijob.h"
#include "openstack/volume/volumesnapshot.h"

namespace sv::openstack {

// GET /v3/{project}/snapshots/{id}.
class ShowVolumeSnapshotJob : public ApiJob
{
    Q_OBJECT
public:
    ShowVolumeSnapshotJob(Connection *connection, QString snapshotId, QObject *parent = nullptr);
    const VolumeSnapshot &snapshot() const { return m_snapshot; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    QString m_snapshotId;
    VolumeSnapshot m_snapshot;
};

} // namespace sv::openstack
