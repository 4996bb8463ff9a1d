#include "openstack/image/updateimagejob.h"

#include <QJsonDocument>

namespace sv::openstack {

UpdateImageJob::UpdateImageJob(Connection *connection, QString imageId, QObject *parent)
    : ApiJob(connection, parent)
    , m_imageId(std::move(imageId))
{
}

void UpdateImageJob::setProperty(const QString &name, const QJsonValue &value)
{
    m_operations.append(QJsonObject{{QStringLiteral("op"), QStringLiteral("add")},
                                    {QStringLiteral("path"), QString(QLatin1Char('/') + name)},
                                    {QStringLiteral("value"), value}});
}

void UpdateImageJob::removeProperty(const QString &name)
{
    m_operations.append(
        QJsonObject{{QStringLiteral("op"), QStringLiteral("remove")}, {QStringLiteral("path"), QString(QLatin1Char('/') + name)}});
}

void UpdateImageJob::run()
{
    Request request = makeRequest(ServiceType::Image, "PATCH", QStringLiteral("images/") + m_imageId);
    request.contentType = "application/openstack-images-v2.1-json-patch";
    request.body = QJsonDocument(m_operations).toJson(QJsonDocument::Compact);
    sendRequest(request);
}

void UpdateImageJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    m_image = Image::fromJson(parseObject(body, &error));
    finish(error);
}

void UpdateImageJob::refineError(Error &error)
{
    if (error.kind == Error::Kind::NotFound)
        error.message = tr("Image %1 does not exist (any more).").arg(m_imageId);
    else if (error.kind == Error::Kind::Forbidden || error.kind == Error::Kind::BadRequest
             || error.kind == Error::Kind::Conflict)
        error.message = tr("The image service refused to change image %1: %2").arg(m_imageId, error.serviceMessage);
}

} // namespace sv::openstack
