#include "openstack/network/createportjob.h"

#include <QJsonArray>

namespace sv::openstack {

CreatePortJob::CreatePortJob(Connection *connection, QString networkId, QString fixedIp, QStringList securityGroupIds,
                             QString name, QObject *parent)
    : ApiJob(connection, parent)
    , m_networkId(std::move(networkId))
    , m_fixedIp(std::move(fixedIp))
    , m_securityGroupIds(std::move(securityGroupIds))
    , m_name(std::move(name))
{
}

void CreatePortJob::run()
{
    QJsonObject port{{QStringLiteral("network_id"), m_networkId}, {QStringLiteral("name"), m_name}};
    if (!m_fixedIp.isEmpty())
        port.insert(QStringLiteral("fixed_ips"), QJsonArray{QJsonObject{{QStringLiteral("ip_address"), m_fixedIp}}});
    port.insert(QStringLiteral("security_groups"), QJsonArray::fromStringList(m_securityGroupIds));
    Request request = makeJsonRequest(ServiceType::Network, "POST", QStringLiteral("ports"),
                                      QJsonObject{{QStringLiteral("port"), port}});
    sendRequest(request);
}

void CreatePortJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    m_port = Port::fromJson(parseObject(body, &error).value(QLatin1String("port")).toObject());
    if (error.isOk() && m_port.id.isEmpty())
        error = Error::make(Error::Kind::Protocol, tr("The network service accepted the new port but sent no id."));
    finish(error);
}

void CreatePortJob::refineError(Error &error)
{
    // Neutron: 409 {"NeutronError": {"type": "IpAddressAlreadyAllocated", "message": "IP address X already
    // allocated in subnet Y"}}; its other 409s (no address left) say something else.
    m_addressTaken = error.httpStatus == 409 && !m_fixedIp.isEmpty()
        && error.serviceMessage.contains(QLatin1String("already allocated"), Qt::CaseInsensitive);
    m_addressNotOnNetwork = error.httpStatus == 400 && !m_fixedIp.isEmpty()
        && error.serviceMessage.contains(QLatin1String("is not a valid IP"), Qt::CaseInsensitive);
    const QString said = error.serviceMessage.isEmpty() ? error.message : error.serviceMessage;
    if (m_addressNotOnNetwork)
        error.message = tr("Address %1 is not part of network %2.").arg(m_fixedIp, m_networkId);
    else if (m_addressTaken)
        error.message = tr("Address %1 is already in use on network %2.").arg(m_fixedIp, m_networkId);
    else if (error.httpStatus >= 400 && error.httpStatus < 500)
        error.message = tr("The cloud refused to create a port on network %1: %2").arg(m_networkId, said);
}

} // namespace sv::openstack
