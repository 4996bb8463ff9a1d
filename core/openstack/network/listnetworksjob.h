#pragma once

#include "openstack/apijob.h"
#include "openstack/network/network.h"

namespace sv::openstack {

// GET /v2.0/networks: the networks the project can use (its own and shared ones).
class ListNetworksJob : public ApiJob
{
    Q_OBJECT
public:
    explicit ListNetworksJob(Connection *connection, QObject *parent = nullptr);
    const QList<Network> &networks() const { return m_networks; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    QList<Network> m_networks;
};

} // namespace sv::openstack
