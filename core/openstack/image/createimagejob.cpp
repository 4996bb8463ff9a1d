#include "openstack/image/createimagejob.h"

namespace sv::openstack {

CreateImageJob::CreateImageJob(Connection *connection, QJsonObject properties, QObject *parent)
    : ApiJob(connection, parent)
    , m_properties(std::move(properties))
{
}

void CreateImageJob::run() { sendRequest(makeJsonRequest(ServiceType::Image, "POST", QStringLiteral("images"), m_properties)); }

void CreateImageJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    m_image = Image::fromJson(parseObject(body, &error));
    if (error.isOk() && m_image.id.isEmpty())
        error = Error::make(Error::Kind::Protocol, tr("The image service created an image but sent no id."));
    finish(error);
}

void CreateImageJob::refineError(Error &error)
{
    if (error.kind == Error::Kind::BadRequest || error.kind == Error::Kind::Forbidden
        || error.kind == Error::Kind::OverLimit || error.kind == Error::Kind::Conflict) {
        error.message = tr("The image service refused to create image \"%1\": %2")
                            .arg(m_properties.value(QLatin1String("name")).toString(),
                                 error.serviceMessage.isEmpty() ? error.message : error.serviceMessage);
    }
}

} // namespace sv::openstack
