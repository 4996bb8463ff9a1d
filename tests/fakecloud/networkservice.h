#pragma once

#include "portservice.h"

#include <QStringList>

namespace fake {

class CloudState;
class Exchange;

// Neutron v2.0 under /networking: networks, subnets and security groups (read-only), which a restore
// needs to check that the saved networks and groups exist in the target project; ports (PortService).
class NetworkService
{
public:
    explicit NetworkService(CloudState &state);
    void handle(Exchange &ex, const QStringList &segments);

private:
    void error(Exchange &ex, int code, const QString &type, const QString &message);
    CloudState &m_state;
    PortService m_ports;
};

} // namespace fake
