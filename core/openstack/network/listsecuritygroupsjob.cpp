#include "openstack/network/listsecuritygroupsjob.h"

#include <QJsonArray>

namespace sv::openstack {

ListSecurityGroupsJob::ListSecurityGroupsJob(Connection *connection, QObject *parent)
    : ApiJob(connection, parent)
{
}

void ListSecurityGroupsJob::run()
{
    sendRequest(makeRequest(ServiceType::Network, "GET", QStringLiteral("security-groups")));
}

void ListSecurityGroupsJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    const QJsonObject root = parseObject(body, &error);
    if (!error.isOk())
        return finish(error);
    const QJsonArray groups = root.value(QLatin1String("security_groups")).toArray();
    for (const QJsonValue &value : groups)
        m_groups.append(SecurityGroup::fromJson(value.toObject()));
    finish();
}

} // namespace sv::openstack
