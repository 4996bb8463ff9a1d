#include "openstack/network/listportsjob.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace sv::openstack {

ListPortsJob::ListPortsJob(Connection *connection, QString deviceId, QObject *parent)
    : ApiJob(connection, parent)
    , m_deviceId(std::move(deviceId))
{
}

void ListPortsJob::run()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("device_id"), m_deviceId);
    sendRequest(makeRequest(ServiceType::Network, "GET", QStringLiteral("ports?") + query.toString(QUrl::FullyEncoded)));
}

void ListPortsJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    const QJsonObject root = parseObject(body, &error);
    if (!error.isOk())
        return finish(error);
    const QJsonArray ports = root.value(QLatin1String("ports")).toArray();
    for (const QJsonValue &value : ports)
        m_ports.append(Port::fromJson(value.toObject()));
    finish();
}

} // namespace sv::openstack
