#include "openstack/compute/listvolumeattachmentsjob.h"

namespace sv::openstack {

ListVolumeAttachmentsJob::ListVolumeAttachmentsJob(Connection *connection, QString serverId, QObject *parent)
    : ApiJob(connection, parent)
    , m_serverId(std::move(serverId))
{
}

void ListVolumeAttachmentsJob::run()
{
    sendRequest(makeRequest(ServiceType::Compute, "GET", QStringLiteral("servers/%1/os-volume_attachments").arg(m_serverId)));
}

void ListVolumeAttachmentsJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    const QJsonArray attachments = parseObject(body, &error).value(QLatin1String("volumeAttachments")).toArray();
    for (const QJsonValue &value : attachments)
        m_attachments.append(VolumeAttachment::fromJson(value.toObject()));
    finish(error);
}

} // namespace sv::openstack
