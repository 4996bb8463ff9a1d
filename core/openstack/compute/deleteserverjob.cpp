#include "openstack/compute/deleteserverjob.h"

namespace sv::openstack {

DeleteServerJob::DeleteServerJob(Connection *connection, QString serverId, QObject *parent)
    : ApiJob(connection, parent)
    , m_serverId(std::move(serverId))
{
}

void DeleteServerJob::run()
{
    sendRequest(makeRequest(ServiceType::Compute, "DELETE", QStringLiteral("servers/") + m_serverId));
}

void DeleteServerJob::onSuccess(QNetworkReply *, const QByteArray &) { finish(); }

void DeleteServerJob::refineError(Error &error)
{
    if (error.kind == Error::Kind::NotFound)
        error = {}; // gone already: what the caller wanted
    else if (error.kind == Error::Kind::Conflict)
        error.message = tr("Server %1 cannot be deleted now: %2").arg(m_serverId, error.serviceMessage);
}

} // namespace sv::openstack
