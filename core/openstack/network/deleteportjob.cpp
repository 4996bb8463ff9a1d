#include "openstack/network/deleteportjob.h"

namespace sv::openstack {

DeletePortJob::DeletePortJob(Connection *connection, QString portId, QObject *parent)
    : ApiJob(connection, parent)
    , m_portId(std::move(portId))
{
}

void DeletePortJob::run()
{
    sendRequest(makeRequest(ServiceType::Network, "DELETE", QStringLiteral("ports/") + m_portId));
}

void DeletePortJob::onSuccess(QNetworkReply *, const QByteArray &) { finish(); }

void DeletePortJob::refineError(Error &error)
{
    if (error.kind == Error::Kind::NotFound) {
        error = {};
        return;
    }
    error.message = tr("Port %1 could not be deleted: %2")
                        .arg(m_portId, error.serviceMessage.isEmpty() ? error.message : error.serviceMessage);
}

} // namespace sv::openstack
