#pragma once

#include "openstack/apijob.h"
#include "openstack/compute/servercreaterequest.h"

namespace sv::openstack {

// POST /servers. Never retried automatically (it could boot a second server).
class CreateServerJob : public ApiJob
{
    Q_OBJECT
public:
    CreateServerJob(Connection *connection, ServerCreateRequest request, QObject *parent = nullptr);
    const QString &serverId() const { return m_serverId; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    ServerCreateRequest m_createRequest;
    QString m_serverId;
};

} // namespace sv::openstack
