#include "openstack/objectstore/createcontainerjob.h"

#include "openstack/objectstore/objectstorepath.h"

namespace sv::openstack {

CreateContainerJob::CreateContainerJob(Connection *connection, QString container, QObject *parent)
    : ApiJob(connection, parent)
    , m_container(std::move(container))
{
}

void CreateContainerJob::run()
{
    Request request = makeRequest(ServiceType::ObjectStore, "PUT", objectstore::containerPath(m_container));
    request.headers.append(std::pair<QByteArray, QByteArray>("Content-Length", "0"));
    sendRequest(request);
}

void CreateContainerJob::onSuccess(QNetworkReply *reply, const QByteArray &)
{
    m_created = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201;
    finish();
}

void CreateContainerJob::refineError(Error &error)
{
    if (error.kind == Error::Kind::Forbidden)
        error.message = tr("You may not create the container %1 in this project: %2").arg(m_container, error.serviceMessage);
}

} // namespace sv::openstack
