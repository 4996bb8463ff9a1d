#pragma once

#include "openstack/apijob.h"
#include "openstack/compute/volumeattachment.h"

namespace sv::openstack {

// POST /servers/{id}/os-volume_attachments: Nova attaches a Cinder volume (the volume goes
// `attaching` → `in-use`; wait with VolumeStatusWaiter). `device` is a hint ("/dev/vdb") that
// hypervisors such as libvirt may ignore; empty lets Nova choose.
class AttachVolumeJob : public ApiJob
{
    Q_OBJECT
public:
    AttachVolumeJob(Connection *connection, QString serverId, QString volumeId, QString device = {},
                    QObject *parent = nullptr);
    void setNames(const QString &serverName, const QString &volumeName); // for messages
    const VolumeAttachment &attachment() const { return m_attachment; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    QString m_serverId;
    QString m_volumeId;
    QString m_device;
    QString m_serverName;
    QString m_volumeName;
    VolumeAttachment m_attachment;
};

} // namespace sv::openstack
