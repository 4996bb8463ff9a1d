#pragma once

#include "openstack/apijob.h"
#include "openstack/network/port.h"

namespace sv::openstack {

// POST /v2.0/ports (Neutron): a port on a network, with a wanted fixed IP (empty: Neutron picks one)
// and security groups (ids; empty list: the project's default group).
class CreatePortJob : public ApiJob
{
    Q_OBJECT
public:
    CreatePortJob(Connection *connection, QString networkId, QString fixedIp, QStringList securityGroupIds,
                  QString name, QObject *parent = nullptr);
    const Port &port() const { return m_port; }
    // The wanted address belongs to another port (Neutron's 409 IpAddressAlreadyAllocated).
    bool addressTaken() const { return m_addressTaken; }
    // The wanted address is outside the network's subnets (Neutron's 400 InvalidIpForNetwork).
    bool addressNotOnNetwork() const { return m_addressNotOnNetwork; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void refineError(Error &error) override;

private:
    QString m_networkId;
    QString m_fixedIp;
    QStringList m_securityGroupIds;
    QString m_name;
    Port m_port;
    bool m_addressTaken = false;
    bool m_addressNotOnNetwork = false;
};

} // namespace sv::openstack
