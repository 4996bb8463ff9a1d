#include "openstack/network/securitygroup.h"

namespace sv::openstack {

SecurityGroup SecurityGroup::fromJson(const QJsonObject &json)
{
    SecurityGroup group;
    group.id = json.value(QLatin1String("id")).toString();
    group.name = json.value(QLatin1String("name")).toString();
    group.description = json.value(QLatin1String("description")).toString();
    // Neutron names the owner both ways; older releases only tenant_id.
    group.projectId = json.value(QLatin1String("project_id")).toString(json.value(QLatin1String("tenant_id")).toString());
    return group;
}

} // namespace sv::openstack
