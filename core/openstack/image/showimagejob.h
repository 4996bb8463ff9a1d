#pragma once

#include "openstack/apijob.h"
#include "openstack/image/image.h"

namespace sv::openstack {

// GET /v2/images/{id}.
class ShowImageJob : public ApiJob
{
    Q_OBJECT
public:
    ShowImageJob(Connection *connection, QString imageId, QObject *parent = nullptr);
    const Image &image() const { return m_image; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    QString m_imageId;
    Image m_image;
};

} // namespace sv::openstack
