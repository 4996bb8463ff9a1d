#include "openstack/compute/listservergroupsjob.h"

#include <QJsonArray>

namespace sv::openstack {

ListServerGroupsJob::ListServerGroupsJob(Connection *connection, QObject *parent)
    : ApiJob(connection, parent)
{
}

void ListServerGroupsJob::run() { sendRequest(makeRequest(ServiceType::Compute, "GET", QStringLiteral("os-server-groups"))); }

void ListServerGroupsJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    const QJsonObject root = parseObject(body, &error);
    if (!error.isOk())
        return finish(error);
    const QJsonArray groups = root.value(QLatin1String("server_groups")).toArray();
    for (const QJsonValue &value : groups) {
        const QJsonObject json = value.toObject();
        Group group;
        group.id = json.value(QLatin1String("id")).toString();
        group.name = json.value(QLatin1String("name")).toString();
        group.policy = json.value(QLatin1String("policy")).toString(
            json.value(QLatin1String("policies")).toArray().at(0).toString());
        const QJsonArray members = json.value(QLatin1String("members")).toArray();
        for (const QJsonValue &member : members)
            group.members.append(member.toString());
        m_groups.append(group);
    }
    finish();
}

} // namespace sv::openstack
