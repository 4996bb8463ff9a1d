#include "openstack/image/imagestatuswaiter.h"

#include "openstack/image/showimagejob.h"

namespace sv::openstack {

ImageStatusWaiter::ImageStatusWaiter(Connection *connection, QString imageId, std::chrono::milliseconds timeout,
                                     QObject *parent)
    : StatusWaiter(connection, timeout, parent)
    , m_imageId(std::move(imageId))
{
}

void ImageStatusWaiter::poll()
{
    auto *job = new ShowImageJob(connection(), m_imageId, this);
    connect(job, &ApiJob::finished, this, [this, job](const Error &error) {
        const QString name = m_image.name.isEmpty() ? m_imageId : m_image.name;
        if (error.kind == Error::Kind::NotFound) {
            finishDisappeared(error, tr("Image %1 disappeared while waiting for it to become active (the cloud deleted a "
                                        "failed snapshot).")
                                         .arg(name));
            return;
        }
        if (!error.isOk()) {
            finish(error);
            return;
        }
        const QString previous = m_image.status;
        m_image = job->image();
        if (m_image.status != previous)
            Q_EMIT statusChanged(m_image.status);
        const QString &status = m_image.status;
        if (status == QLatin1String("active")) {
            finish();
        } else if (status == QLatin1String("queued") || status == QLatin1String("saving")
                   || status == QLatin1String("uploading") || status == QLatin1String("importing")) {
            keepWaiting();
        } else {
            // killed, deleted, pending_delete, deactivated, or anything unknown: it will not become active.
            finish(Error::make(Error::Kind::WaitFailed,
                               tr("Image %1 ended in status \"%2\" instead of becoming active.")
                                   .arg(m_image.name.isEmpty() ? m_imageId : m_image.name, status)));
        }
    });
    trackJob(job);
}

QString ImageStatusWaiter::timeoutMessage(qint64 waitedSeconds) const
{
    return tr("Image %1 is still \"%2\" after %3 seconds; gave up waiting.")
        .arg(m_image.name.isEmpty() ? m_imageId : m_image.name, m_image.status)
        .arg(waitedSeconds);
}

} // namespace sv::openstack
