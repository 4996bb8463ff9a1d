#include "openstack/compute/showserverjob.h"

namespace sv::openstack {

ShowServerJob::ShowServerJob(Connection *connection, QString serverId, QObject *parent)
    : ApiJob(connection, parent)
    , m_serverId(std::move(serverId))
{
}

void ShowServerJob::run()
{
    sendRequest(makeRequest(ServiceType::Compute, "GET", QStringLiteral("servers/") + m_serverId));
}

void ShowServerJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    const QJsonObject root = parseObject(body, &error);
    m_server = Server::fromJson(root.value(QLatin1String("server")).toObject());
    if (error.isOk() && m_server.id.isEmpty())
        error = Error::make(Error::Kind::Protocol, tr("The compute service sent a server without an id."));
    finish(error);
}

void ShowServerJob::refineError(Error &error)
{
    if (error.kind == Error::Kind::NotFound)
        error.message = tr("Server %1 does not exist (any more).").arg(m_serverId);
}

} // namespace sv::openstack
