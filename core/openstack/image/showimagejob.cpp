#include "openstack/image/showimagejob.h"

namespace sv::openstack {

ShowImageJob::ShowImageJob(Connection *connection, QString imageId, QObject *parent)
    : ApiJob(connection, parent)
    , m_imageId(std::move(imageId))
{
}

void ShowImageJob::run() { sendRequest(makeRequest(ServiceType::Image, "GET", QStringLiteral("images/") + m_imageId)); }

void ShowImageJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    m_image = Image::fromJson(parseObject(body, &error));
    if (error.isOk() && m_image.id.isEmpty())
        error = Error::make(Error::Kind::Protocol, tr("The image service sent an image without an id."));
    finish(error);
}

void ShowImageJob::refineError(Error &error)
{
    if (error.kind == Error::Kind::NotFound)
        error.message = tr("Image %1 does not exist (any more).").arg(m_imageId);
}

} // namespace sv::openstack
