#include "openstack/image/imageuploadjob.h"

#include <QIODevice>

namespace sv::openstack {

ImageUploadJob::ImageUploadJob(Connection *connection, QString imageId, QIODevice *source, qint64 size,
                               QObject *parent)
    : ApiJob(connection, parent)
    , m_imageId(std::move(imageId))
    , m_source(source)
    , m_size(size)
{
}

void ImageUploadJob::run()
{
    if (!m_source || !m_source->isReadable() || m_size < 0) {
        finish(Error::make(Error::Kind::InvalidArgument, tr("The upload of image %1 has no readable source.").arg(m_imageId)));
        return;
    }
    Request request = makeRequest(ServiceType::Image, "PUT", QStringLiteral("images/%1/file").arg(m_imageId));
    request.contentType = "application/octet-stream";
    request.bodyDevice = m_source;
    request.bodySize = m_size;
    sendRequest(request);
}

void ImageUploadJob::onReplyCreated(QNetworkReply *reply)
{
    // Qt reports (0, 0) once the body is out; only forward real progress.
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64) {
        if (sent > 0)
            Q_EMIT progress(sent, m_size);
    });
}

void ImageUploadJob::onSuccess(QNetworkReply *, const QByteArray &)
{
    Q_EMIT progress(m_size, m_size);
    finish();
}

void ImageUploadJob::refineError(Error &error)
{
    if (error.kind == Error::Kind::Conflict)
        error.message = tr("Image %1 does not accept data now (it must be queued): %2").arg(m_imageId, error.serviceMessage);
    else if (error.kind == Error::Kind::OverLimit)
        error.message = tr("The image service refused the data of image %1 (quota or size limit): %2")
                            .arg(m_imageId, error.serviceMessage);
    else if (error.kind == Error::Kind::BadRequest)
        error.message = tr("The image service refused the data of image %1: %2").arg(m_imageId, error.serviceMessage);
}

} // namespace sv::openstack
