#pragma once

#include "openstack/apijob.h"
#include "openstack/network/securitygroup.h"

namespace sv::openstack {

// GET /v2.0/security-groups (Neutron): the groups the project can use. Nova's os-security-groups
// proxy is deprecated since 2.36, so Neutron is asked directly.
class ListSecurityGroupsJob : public ApiJob
{
    Q_OBJECT
public:
    explicit ListSecurityGroupsJob(Connection *connection, QObject *parent = nullptr);
    const QList<SecurityGroup> &securityGroups() const { return m_groups; }

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    QList<SecurityGroup> m_groups;
};

} // namespace sv::openstack
