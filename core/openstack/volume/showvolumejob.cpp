#include "openstack/volume/showvolumejob.h"

namespace sv::openstack {

ShowVolumeJob::ShowVolumeJob(Connection *connection, QString volumeId, QObject *parent)
    : ApiJob(connection, parent)
    , m_volumeId(std::move(volumeId))
{
}

void ShowVolumeJob::run()
{
    sendRequest(makeRequest(ServiceType::BlockStorage, "GET", QStringLiteral("volumes/") + m_volumeId));
}

void ShowVolumeJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    m_volume = Volume::fromJson(parseObject(body, &error).value(QLatin1String("volume")).toObject());
    if (error.isOk() && m_volume.id.isEmpty())
        error = Error::make(Error::Kind::Protocol, tr("The block storage service sent a volume without an id."));
    finish(error);
}

void ShowVolumeJob::refineError(Error &error)
{
    if (error.kind == Error::Kind::NotFound)
        error.message = tr("Volume %1 does not exist (any more).").arg(m_volumeId);
}

} // namespace sv::openstack
