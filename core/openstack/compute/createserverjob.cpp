#include "openstack/compute/createserverjob.h"

#include "openstack/connection.h"
#include "openstack/session.h"

namespace sv::openstack {

CreateServerJob::CreateServerJob(Connection *connection, ServerCreateRequest request, QObject *parent)
    : ApiJob(connection, parent)
    , m_createRequest(std::move(request))
{
}

void CreateServerJob::run()
{
    if (m_createRequest.imageRef.isEmpty() && m_createRequest.blockDevices.isEmpty()) {
        finish(Error::make(Error::Kind::InvalidArgument, tr("A new server needs an image or a boot volume.")));
        return;
    }
    sendRequest(makeJsonRequest(ServiceType::Compute, "POST", QStringLiteral("servers"),
                                m_createRequest.toJson(connection()->session()->computeMicroversion())));
}

void CreateServerJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    m_serverId = parseObject(body, &error).value(QLatin1String("server")).toObject().value(QLatin1String("id")).toString();
    if (error.isOk() && m_serverId.isEmpty())
        error = Error::make(Error::Kind::Protocol, tr("The compute service accepted the new server but sent no id."));
    finish(error);
}

void CreateServerJob::refineError(Error &error)
{
    if (error.kind == Error::Kind::BadRequest || error.kind == Error::Kind::OverLimit
        || error.kind == Error::Kind::Forbidden || error.kind == Error::Kind::Conflict) {
        error.message = tr("The cloud refused to create server %1: %2")
                            .arg(m_createRequest.name, error.serviceMessage.isEmpty() ? error.message : error.serviceMessage);
    }
}

} // namespace sv::openstack
