#pragma once

#include <QStringList>

namespace fake {

class CloudState;
class Exchange;

// Neutron's ports under /networking/v2.0/ports: list (filters device_id, network_id, name, fixed_ips
// ip_address=), show, create (fixed_ips, security_groups; 409 IpAddressAlreadyAllocated when the address
// is taken) and delete. NetworkService hands these requests over.
class PortService
{
public:
    explicit PortService(CloudState &state);
    void handle(Exchange &ex, const QStringList &segments);

private:
    void list(Exchange &ex, const QString &projectId);
    void create(Exchange &ex, const QString &projectId);
    void remove(Exchange &ex, const QString &projectId, const QString &id);
    CloudState &m_state;
};

// {"NeutronError": {"type", "message", "detail"}} with `code`.
void neutronError(Exchange &ex, int code, const QString &type, const QString &message);

} // namespace fake
