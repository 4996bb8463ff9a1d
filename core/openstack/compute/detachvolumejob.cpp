#include "openstack/compute/detachvolumejob.h"

namespace sv::openstack {

DetachVolumeJob::DetachVolumeJob(Connection *connection, QString serverId, QString volumeId, QObject *parent)
    : ApiJob(connection, parent)
    , m_serverId(std::move(serverId))
    , m_volumeId(std::move(volumeId))
{
}

void DetachVolumeJob::run()
{
    sendRequest(makeRequest(ServiceType::Compute, "DELETE",
                            QStringLiteral("servers/%1/os-volume_attachments/%2").arg(m_serverId, m_volumeId)));
}

void DetachVolumeJob::onSuccess(QNetworkReply *, const QByteArray &) { finish(); }

void DetachVolumeJob::refineError(Error &error)
{
    if (error.kind == Error::Kind::NotFound)
        error = {};
    else if (error.kind == Error::Kind::Conflict || error.kind == Error::Kind::BadRequest)
        error.message = tr("Volume %1 cannot be detached from server %2 now: %3").arg(m_volumeId, m_serverId, error.serviceMessage);
}

} // namespace sv::openstack
