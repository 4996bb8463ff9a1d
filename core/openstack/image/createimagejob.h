#pragma once

#include "openstack/apijob.h"
#include "openstack/image/image.h"

namespace sv::openstack {

// POST /v2/images: a new image record (status queued) with the given properties (name,
// disk_format, container_format, min_disk, visibility and any custom property). Never retried
// automatically (it would make a second image).
class CreateImageJob : public ApiJob
{
    Q_OBJECT
public:
    CreateImageJob(Connection *connection, QJsonObject properties, QObject *parent = nullptr);
    const Image &image() const { return m_image; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    QJsonObject m_properties;
    Image m_image;
};

} // namespace sv::openstack
