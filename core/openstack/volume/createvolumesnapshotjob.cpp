#include "openstack/volume/createvolumesnapshotjob.h"

#include "openstack/session.h"

#include <QVersionNumber>

namespace sv::openstack {

CreateVolumeSnapshotJob::CreateVolumeSnapshotJob(Connection *connection, QString volumeId, QString name,
                                                 QJsonObject metadata, bool volumeInUse, QObject *parent)
    : ApiJob(connection, parent)
    , m_volumeId(std::move(volumeId))
    , m_name(std::move(name))
    , m_metadata(std::move(metadata))
    , m_volumeInUse(volumeInUse)
{
}

void CreateVolumeSnapshotJob::run()
{
    afterAuthentication(ServiceType::BlockStorage, [this] { sendCreate(); });
}

void CreateVolumeSnapshotJob::sendCreate()
{
    const QVersionNumber version = connection()->session()->blockStorageMicroversion();
    m_sentForce = m_volumeInUse && QVersionNumber::compare(version, QVersionNumber(3, 66)) < 0;
    QJsonObject snapshot{{QStringLiteral("volume_id"), m_volumeId}, {QStringLiteral("name"), m_name}};
    if (!m_metadata.isEmpty())
        snapshot.insert(QStringLiteral("metadata"), m_metadata);
    if (m_sentForce)
        snapshot.insert(QStringLiteral("force"), true);
    Request request = makeJsonRequest(ServiceType::BlockStorage, "POST", QStringLiteral("snapshots"),
                                      QJsonObject{{QStringLiteral("snapshot"), snapshot}});
    sendRequest(request);
}

void CreateVolumeSnapshotJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    m_snapshot = VolumeSnapshot::fromJson(parseObject(body, &error).value(QLatin1String("snapshot")).toObject());
    if (error.isOk() && m_snapshot.id.isEmpty())
        error = Error::make(Error::Kind::Protocol, tr("The block storage service accepted the snapshot of volume %1 "
                                                      "but did not say which snapshot it creates.")
                                                       .arg(m_volumeName.isEmpty() ? m_volumeId : m_volumeName));
    finish(error);
}

void CreateVolumeSnapshotJob::refineError(Error &error)
{
    const QString volume = m_volumeName.isEmpty() ? m_volumeId : m_volumeName;
    if (error.kind == Error::Kind::NotFound)
        error.message = tr("Volume %1 does not exist (any more).").arg(volume);
    else if (error.kind == Error::Kind::OverLimit)
        error.message = tr("The snapshot quota of the project is used up, so volume %1 cannot be snapshotted: %2. "
                           "Delete old volume snapshots or ask for a larger quota.")
                            .arg(volume, error.serviceMessage);
    else if (error.kind == Error::Kind::BadRequest || error.kind == Error::Kind::Forbidden)
        error.message = tr("The block storage service refused to snapshot volume %1: %2").arg(volume, error.serviceMessage);
}

} // namespace sv::openstack
