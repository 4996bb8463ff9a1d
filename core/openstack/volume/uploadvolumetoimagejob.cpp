#include "openstack/volume/uploadvolumetoimagejob.h"

namespace sv::openstack {

UploadVolumeToImageJob::UploadVolumeToImageJob(Connection *connection, QString volumeId, QString imageName,
                                               QObject *parent)
    : ApiJob(connection, parent)
    , m_volumeId(std::move(volumeId))
    , m_imageName(std::move(imageName))
{
}

void UploadVolumeToImageJob::run()
{
    QJsonObject upload{{QStringLiteral("image_name"), m_imageName},
                       {QStringLiteral("disk_format"), m_diskFormat},
                       {QStringLiteral("container_format"), m_containerFormat}};
    if (m_force)
        upload.insert(QStringLiteral("force"), true);
    sendRequest(makeJsonRequest(ServiceType::BlockStorage, "POST", QStringLiteral("volumes/%1/action").arg(m_volumeId),
                                QJsonObject{{QStringLiteral("os-volume_upload_image"), upload}}));
}

void UploadVolumeToImageJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    const QJsonObject answer = parseObject(body, &error).value(QLatin1String("os-volume_upload_image")).toObject();
    m_imageId = answer.value(QLatin1String("image_id")).toString();
    if (answer.contains(QLatin1String("image_name")))
        m_imageName = answer.value(QLatin1String("image_name")).toString();
    if (error.isOk() && m_imageId.isEmpty())
        error = Error::make(Error::Kind::Protocol, tr("The block storage service accepted the upload of volume %1 but "
                                                      "did not say which image it creates.")
                                                       .arg(m_volumeName.isEmpty() ? m_volumeId : m_volumeName));
    finish(error);
}

void UploadVolumeToImageJob::refineError(Error &error)
{
    const QString volume = m_volumeName.isEmpty() ? m_volumeId : m_volumeName;
    if (error.kind == Error::Kind::NotFound)
        error.message = tr("Volume %1 does not exist (any more).").arg(volume);
    else if (error.kind == Error::Kind::OverLimit)
        error.message = tr("The image quota is used up, so volume %1 cannot be copied to an image: %2")
                            .arg(volume, error.serviceMessage);
    else if (error.kind == Error::Kind::BadRequest || error.kind == Error::Kind::Forbidden
             || error.kind == Error::Kind::Conflict)
        error.message = tr("The block storage service refused to copy volume %1 to an image: %2")
                            .arg(volume, error.serviceMessage);
}

} // namespace sv::openstack
