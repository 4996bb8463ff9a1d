#include "ports.h"

#include "cloudstate.h"

#include <QCryptographicHash>
#include <QJsonArray>

#include <atomic>

namespace fake::ports {

namespace {
QString prefixOf(const Network &network)
{
    const QStringList octets = network.cidr.section(QLatin1Char('/'), 0, 0).split(QLatin1Char('.'));
    return octets.size() == 4 ? QStringList(octets.mid(0, 3)).join(QLatin1Char('.')) + QLatin1Char('.') : QString();
}
} // namespace

const Port *holding(const CloudState &state, const QString &networkId, const QString &ip)
{
    for (const Port &port : state.ports) {
        if (port.networkId != networkId)
            continue;
        for (const Port::FixedIp &fixed : port.fixedIps) {
            if (fixed.ip == ip)
                return &port;
        }
    }
    return nullptr;
}

bool inSubnet(const Network &network, const QString &ip)
{
    const QString prefix = prefixOf(network);
    if (prefix.isEmpty() || !ip.startsWith(prefix))
        return false;
    bool ok = false;
    const int host = ip.mid(prefix.size()).toInt(&ok);
    return ok && host >= 1 && host <= 254;
}

QString freeIp(const CloudState &state, const Network &network)
{
    const QString prefix = prefixOf(network);
    for (int host = 10; host <= 250 && !prefix.isEmpty(); ++host) {
        const QString ip = prefix + QString::number(host);
        if (!holding(state, network.id, ip))
            return ip;
    }
    return {};
}

Port &create(CloudState &state, const Network &network, const QString &projectId, const QString &ip,
             const QStringList &securityGroupIds, const QString &name)
{
    Port port;
    port.id = CloudState::newUuid();
    port.name = name;
    port.networkId = network.id;
    port.projectId = projectId;
    const QByteArray seed = QCryptographicHash::hash(port.id.toUtf8(), QCryptographicHash::Md5);
    port.macAddress = QStringLiteral("fa:16:3e:%1:%2:%3")
                          .arg(quint8(seed.at(0)), 2, 16, QLatin1Char('0'))
                          .arg(quint8(seed.at(1)), 2, 16, QLatin1Char('0'))
                          .arg(quint8(seed.at(2)), 2, 16, QLatin1Char('0'));
    const QString address = ip.isEmpty() ? freeIp(state, network) : ip;
    if (!address.isEmpty())
        port.fixedIps.append(Port::FixedIp{network.subnetId, address});
    port.securityGroupIds = securityGroupIds;
    port.createdAt = QDateTime::currentDateTimeUtc();
    static std::atomic<qint64> sequence{0};
    port.sequence = ++sequence;
    return state.ports.insert(port.id, port).value();
}

QList<const Port *> ofServer(const CloudState &state, const Server &server)
{
    QList<const Port *> list;
    for (const QString &id : server.portIds) {
        auto it = state.ports.constFind(id);
        if (it != state.ports.constEnd() && it->deviceId == server.id)
            list.append(&it.value());
    }
    return list;
}

void release(CloudState &state, const Server &server)
{
    for (const QString &id : server.portIds) {
        auto it = state.ports.find(id);
        if (it == state.ports.end() || it->deviceId != server.id)
            continue;
        if (it->madeByNova) {
            state.ports.erase(it);
        } else {
            it->deviceId.clear();
            it->deviceOwner.clear();
        }
    }
}

QJsonObject json(const CloudState &state, const Port &port)
{
    QJsonArray fixedIps;
    for (const Port::FixedIp &fixed : port.fixedIps)
        fixedIps.append(QJsonObject{{QStringLiteral("subnet_id"), fixed.subnetId}, {QStringLiteral("ip_address"), fixed.ip}});
    const QString time = CloudState::isoTime(port.createdAt).chopped(1); // Neutron writes no zone suffix
    Q_UNUSED(state);
    return QJsonObject{{QStringLiteral("admin_state_up"), true},
                       {QStringLiteral("allowed_address_pairs"), QJsonArray()},
                       {QStringLiteral("created_at"), time},
                       {QStringLiteral("updated_at"), time},
                       {QStringLiteral("description"), QString()},
                       {QStringLiteral("device_id"), port.deviceId},
                       {QStringLiteral("device_owner"), port.deviceOwner},
                       {QStringLiteral("fixed_ips"), fixedIps},
                       {QStringLiteral("id"), port.id},
                       {QStringLiteral("ip_allocation"), QStringLiteral("immediate")},
                       {QStringLiteral("mac_address"), port.macAddress},
                       {QStringLiteral("name"), port.name},
                       {QStringLiteral("network_id"), port.networkId},
                       {QStringLiteral("port_security_enabled"), true},
                       {QStringLiteral("project_id"), port.projectId},
                       {QStringLiteral("tenant_id"), port.projectId},
                       {QStringLiteral("revision_number"), 1},
                       {QStringLiteral("security_groups"), QJsonArray::fromStringList(port.securityGroupIds)},
                       {QStringLiteral("status"), port.deviceId.isEmpty() ? QStringLiteral("DOWN") : QStringLiteral("ACTIVE")},
                       {QStringLiteral("tags"), QJsonArray()}};
}

} // namespace fake::ports
