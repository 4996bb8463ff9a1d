#include "openstack/volume/deletevolumesnapshotjob.h"

namespace sv::openstack {

DeleteVolumeSnapshotJob::DeleteVolumeSnapshotJob(Connection *connection, QString snapshotId, QObject *parent)
    : ApiJob(connection, parent)
    , m_snapshotId(std::move(snapshotId))
{
}

void DeleteVolumeSnapshotJob::run()
{
    sendRequest(makeRequest(ServiceType::BlockStorage, "DELETE", QStringLiteral("snapshots/") + m_snapshotId));
}

void DeleteVolumeSnapshotJob::onSuccess(QNetworkReply *, const QByteArray &) { finish(); }

void DeleteVolumeSnapshotJob::refineError(Error &error)
{
    if (error.kind == Error::Kind::NotFound)
        error = {};
    else if (error.kind == Error::Kind::BadRequest || error.kind == Error::Kind::Conflict)
        error.message = tr("Volume snapshot %1 cannot be deleted now (%2); a volume made from it may still exist.")
                            .arg(m_snapshotId, error.serviceMessage);
}

} // namespace sv::openstack
