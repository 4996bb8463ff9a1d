#pragma once

#include "openstack/apijob.h"
#include "openstack/compute/server.h"

namespace sv::openstack {

// GET /servers/{id}.
class ShowServerJob : public ApiJob
{
    Q_OBJECT
public:
    ShowServerJob(Connection *connection, QString serverId, QObject *parent = nullptr);
    const Server &server() const { return m_server; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    QString m_serverId;
    Server m_server;
};

} // namespace sv::openstack
