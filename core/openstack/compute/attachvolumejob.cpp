#include "openstack/compute/attachvolumejob.h"

namespace sv::openstack {

AttachVolumeJob::AttachVolumeJob(Connection *connection, QString serverId, QString volumeId, QString device,
                                 QObject *parent)
    : ApiJob(connection, parent)
    , m_serverId(std::move(serverId))
    , m_volumeId(std::move(volumeId))
    , m_device(std::move(device))
{
}

void AttachVolumeJob::setNames(const QString &serverName, const QString &volumeName)
{
    m_serverName = serverName;
    m_volumeName = volumeName;
}

void AttachVolumeJob::run()
{
    QJsonObject attachment{{QStringLiteral("volumeId"), m_volumeId}};
    if (!m_device.isEmpty())
        attachment.insert(QStringLiteral("device"), m_device);
    sendRequest(makeJsonRequest(ServiceType::Compute, "POST",
                                QStringLiteral("servers/%1/os-volume_attachments").arg(m_serverId),
                                QJsonObject{{QStringLiteral("volumeAttachment"), attachment}}));
}

void AttachVolumeJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    m_attachment = VolumeAttachment::fromJson(parseObject(body, &error).value(QLatin1String("volumeAttachment")).toObject());
    finish(error);
}

void AttachVolumeJob::refineError(Error &error)
{
    const QString server = m_serverName.isEmpty() ? m_serverId : m_serverName;
    const QString volume = m_volumeName.isEmpty() ? m_volumeId : m_volumeName;
    if (error.kind == Error::Kind::NotFound)
        error.message = tr("Volume %1 cannot be attached to server %2: one of them does not exist (any more).").arg(volume, server);
    else if (error.kind == Error::Kind::Conflict || error.kind == Error::Kind::BadRequest)
        error.message = tr("Volume %1 cannot be attached to server %2 now: %3").arg(volume, server, error.serviceMessage);
}

} // namespace sv::openstack
