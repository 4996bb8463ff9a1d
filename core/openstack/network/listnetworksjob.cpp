#include "openstack/network/listnetworksjob.h"

#include <QJsonArray>

namespace sv::openstack {

ListNetworksJob::ListNetworksJob(Connection *connection, QObject *parent)
    : ApiJob(connection, parent)
{
}

void ListNetworksJob::run() { sendRequest(makeRequest(ServiceType::Network, "GET", QStringLiteral("networks"))); }

void ListNetworksJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    const QJsonObject root = parseObject(body, &error);
    if (!error.isOk())
        return finish(error);
    const QJsonArray networks = root.value(QLatin1String("networks")).toArray();
    for (const QJsonValue &value : networks)
        m_networks.append(Network::fromJson(value.toObject()));
    finish();
}

} // namespace sv::openstack
