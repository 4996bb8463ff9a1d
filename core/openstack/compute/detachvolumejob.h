#pragma once

#include "openstack/apijob.h"

namespace sv::openstack {

// DELETE /servers/{id}/os-volume_attachments/{volume id}: Nova detaches the volume (`detaching` →
// `available`). A volume that is not attached (404) counts as detached.
class DetachVolumeJob : public ApiJob
{
    Q_OBJECT
public:
    DetachVolumeJob(Connection *connection, QString serverId, QString volumeId, QObject *parent = nullptr);

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    QString m_serverId;
    QString m_volumeId;
};

} // namespace sv::openstack
