#pragma once

#include "openstack/apijob.h"
#include "openstack/network/port.h"

namespace sv::openstack {

// GET /v2.0/ports?device_id=SERVER (Neutron): a server's NICs with their fixed IPs and security groups.
class ListPortsJob : public ApiJob
{
    Q_OBJECT
public:
    ListPortsJob(Connection *connection, QString deviceId, QObject *parent = nullptr);
    const QList<Port> &ports() const { return m_ports; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    QString m_deviceId;
    QList<Port> m_ports;
};

} // namespace sv::openstack
