#pragma once

#include "openstack/image/image.h"
#include "openstack/statuswaiter.h"

namespace sv::openstack {

// Waits until an image is `active`. Keeps waiting on queued, saving, uploading, importing; fails on
// killed, deleted, pending_delete, deactivated and when the image disappears (404: Nova deletes a
// failed snapshot). The timeout is the caller's (it should grow with the disk size).
class ImageStatusWaiter : public StatusWaiter
{
    Q_OBJECT
public:
    ImageStatusWaiter(Connection *connection, QString imageId, std::chrono::milliseconds timeout,
                      QObject *parent = nullptr);

    const Image &image() const { return m_image; } // the last record seen

Q_SIGNALS:
    void statusChanged(const QString &status);

protected:
    void poll() override;
    QString timeoutMessage(qint64 waitedSeconds) const override;

private:
    QString m_imageId;
    Image m_image;
};

} // namespace sv::openstack
