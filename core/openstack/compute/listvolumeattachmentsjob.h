#pragma once

#include "openstack/apijob.h"
#include "openstack/compute/volumeattachment.h"

namespace sv::openstack {

// GET /servers/{id}/os-volume_attachments.
class ListVolumeAttachmentsJob : public ApiJob
{
    Q_OBJECT
public:
    ListVolumeAttachmentsJob(Connection *connection, QString serverId, QObject *parent = nullptr);
    const QList<VolumeAttachment> &attachments() const { return m_attachments; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    QString m_serverId;
    QList<VolumeAttachment> m_attachments;
};

} // namespace sv::openstack
