#include "openstack/volume/deletevolumejob.h"

namespace sv::openstack {

DeleteVolumeJob::DeleteVolumeJob(Connection *connection, QString volumeId, QObject *parent)
    : ApiJob(connection, parent)
    , m_volumeId(std::move(volumeId))
{
}

void DeleteVolumeJob::run()
{
    sendRequest(makeRequest(ServiceType::BlockStorage, "DELETE", QStringLiteral("volumes/") + m_volumeId));
}

void DeleteVolumeJob::onSuccess(QNetworkReply *, const QByteArray &) { finish(); }

void DeleteVolumeJob::refineError(Error &error)
{
    if (error.kind == Error::Kind::NotFound)
        error = {};
    else if (error.kind == Error::Kind::BadRequest || error.kind == Error::Kind::Conflict)
        error.message = tr("Volume %1 cannot be deleted now (%2); it may be attached or still have snapshots.")
                            .arg(m_volumeId, error.serviceMessage);
}

} // namespace sv::openstack
