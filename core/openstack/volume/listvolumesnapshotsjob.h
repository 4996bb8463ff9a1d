#pragma once

#include "openstack/apijob.h"
#include "openstack/volume/volumesnapshot.h"

namespace sv::openstack {

// GET /v3/{project}/snapshots/detail (all pages, snapshots_links). The sweep finds a snapshot whose id
// it never learnt by its metadata, so the caller filters; Cinder's metadata filter is not everywhere.
class ListVolumeSnapshotsJob : public ApiJob
{
    Q_OBJECT
public:
    explicit ListVolumeSnapshotsJob(Connection *connection, QObject *parent = nullptr);
    const QList<VolumeSnapshot> &snapshots() const { return m_snapshots; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    QList<VolumeSnapshot> m_snapshots;
    QString m_lastLink;
};

} // namespace sv::openstack
