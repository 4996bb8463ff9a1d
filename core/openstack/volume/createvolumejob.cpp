#include "openstack/volume/createvolumejob.h"

namespace sv::openstack {

CreateVolumeJob::CreateVolumeJob(Connection *connection, VolumeCreateRequest request, QObject *parent)
    : ApiJob(connection, parent)
    , m_create(std::move(request))
{
}

void CreateVolumeJob::run()
{
    sendRequest(makeJsonRequest(ServiceType::BlockStorage, "POST", QStringLiteral("volumes"), m_create.toJson()));
}

void CreateVolumeJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    m_volume = Volume::fromJson(parseObject(body, &error).value(QLatin1String("volume")).toObject());
    if (error.isOk() && m_volume.id.isEmpty())
        error = Error::make(Error::Kind::Protocol,
                            tr("The block storage service accepted volume %1 but did not say its id.").arg(m_create.name));
    finish(error);
}

void CreateVolumeJob::refineError(Error &error)
{
    if (error.kind == Error::Kind::OverLimit)
        error.message = tr("The volume quota of the project is used up, so volume %1 (%2 GB) cannot be created: %3. "
                           "Delete volumes you no longer need or ask for a larger quota.")
                            .arg(m_create.name)
                            .arg(m_create.sizeGb)
                            .arg(error.serviceMessage);
    else if (error.kind == Error::Kind::BadRequest || error.kind == Error::Kind::NotFound)
        error.message = tr("The block storage service refused to create volume %1: %2").arg(m_create.name, error.serviceMessage);
}

} // namespace sv::openstack
