#pragma once

#include <QStringList>

namespace fake {

class CloudState;
class Exchange;

// A read-only Neutron v2.0 under /networking: networks, subnets and security groups, which a restore
// needs to check that the saved networks and groups exist in the target project.
class NetworkService
{
public:
    explicit NetworkService(CloudState &state);
    void handle(Exchange &ex, const QStringList &segments);

private:
    void error(Exchange &ex, int code, const QString &type, const QString &message);
    CloudState &m_state;
};

} // namespace fake
