#pragma once

#include "openstack/apijob.h"

namespace sv::openstack {

// DELETE /v2/images/{id}. An image that is already gone counts as deleted (cleanup after a crash
// may delete twice).
class DeleteImageJob : public ApiJob
{
    Q_OBJECT
public:
    DeleteImageJob(Connection *connection, QString imageId, QObject *parent = nullptr);

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    QString m_imageId;
};

} // namespace sv::openstack
