#include "openstack/volume/showvolumesnapshotjob.h"

namespace sv::openstack {

ShowVolumeSnapshotJob::ShowVolumeSnapshotJob(Connection *connection, QString snapshotId, QObject *parent)
    : ApiJob(connection, parent)
    , m_snapshotId(std::move(snapshotId))
{
}

void ShowVolumeSnapshotJob::run()
{
    sendRequest(makeRequest(ServiceType::BlockStorage, "GET", QStringLiteral("snapshots/") + m_snapshotId));
}

void ShowVolumeSnapshotJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    m_snapshot = VolumeSnapshot::fromJson(parseObject(body, &error).value(QLatin1String("snapshot")).toObject());
    if (error.isOk() && m_snapshot.id.isEmpty())
        error = Error::make(Error::Kind::Protocol, tr("The block storage service sent a snapshot without an id."));
    finish(error);
}

void ShowVolumeSnapshotJob::refineError(Error &error)
{
    if (error.kind == Error::Kind::NotFound)
        error.message = tr("Volume snapshot %1 does not exist (any more).").arg(m_snapshotId);
}

} // namespace sv::openstack
