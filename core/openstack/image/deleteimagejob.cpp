#include "openstack/image/deleteimagejob.h"

namespace sv::openstack {

DeleteImageJob::DeleteImageJob(Connection *connection, QString imageId, QObject *parent)
    : ApiJob(connection, parent)
    , m_imageId(std::move(imageId))
{
}

void DeleteImageJob::run() { sendRequest(makeRequest(ServiceType::Image, "DELETE", QStringLiteral("images/") + m_imageId)); }

void DeleteImageJob::onSuccess(QNetworkReply *, const QByteArray &) { finish(); }

void DeleteImageJob::refineError(Error &error)
{
    if (error.kind == Error::Kind::NotFound)
        error = {};
    else if (error.kind == Error::Kind::Forbidden)
        error.message = tr("Image %1 may not be deleted (it is protected or not yours): %2").arg(m_imageId, error.serviceMessage);
}

} // namespace sv::openstack
