#include "portservice.h"

#include "cloudstate.h"
#include "exchange.h"
#include "httphelpers.h"
#include "ports.h"

#include <QJsonArray>

#include <algorithm>

namespace fake {

void neutronError(Exchange &ex, int code, const QString &type, const QString &message)
{
    ex.json(code, QJsonObject{{QStringLiteral("NeutronError"),
                               QJsonObject{{QStringLiteral("type"), type},
                                           {QStringLiteral("message"), message},
                                           {QStringLiteral("detail"), QString()}}}});
}

PortService::PortService(CloudState &state)
    : m_state(state)
{
}

void PortService::handle(Exchange &ex, const QStringList &segments)
{
    std::lock_guard lock(m_state.mutex);
    const Token *token = http::requireToken(ex, m_state);
    if (!token)
        return;
    const QString project = token->projectId;
    const QString method = ex.method();
    if (segments.size() == 2) {
        if (method == QLatin1String("GET") || method == QLatin1String("HEAD"))
            return list(ex, project);
        if (method == QLatin1String("POST"))
            return create(ex, project);
    } else if (segments.size() == 3) {
        auto it = m_state.ports.constFind(segments.at(2));
        if (it == m_state.ports.constEnd() || it->projectId != project)
            return neutronError(ex, 404, QStringLiteral("PortNotFound"),
                                QStringLiteral("Port %1 could not be found.").arg(segments.at(2)));
        if (method == QLatin1String("GET") || method == QLatin1String("HEAD"))
            return ex.json(200, QJsonObject{{QStringLiteral("port"), ports::json(m_state, it.value())}});
        if (method == QLatin1String("DELETE"))
            return remove(ex, project, segments.at(2));
    }
    neutronError(ex, 405, QStringLiteral("HTTPMethodNotAllowed"), QStringLiteral("The method is not allowed here."));
}

void PortService::list(Exchange &ex, const QString &projectId)
{
    // fixed_ips=ip_address=10.0.0.5 (Neutron's filter form); several may be given.
    QStringList ipFilters;
    for (const QString &filter : ex.queryAll(QStringLiteral("fixed_ips"))) {
        if (filter.startsWith(QLatin1String("ip_address=")))
            ipFilters.append(filter.mid(11));
    }
    // In creation order, as Neutron's database usually returns them.
    QList<const Port *> all;
    for (const Port &port : m_state.ports)
        all.append(&port);
    std::stable_sort(all.begin(), all.end(), [](const Port *a, const Port *b) { return a->sequence < b->sequence; });
    QJsonArray items;
    for (const Port *entry : std::as_const(all)) {
        const Port &port = *entry;
        if (port.projectId != projectId)
            continue;
        bool match = true;
        for (const char *key : {"device_id", "network_id", "name", "device_owner"}) {
            const QString name = QLatin1String(key);
            if (!ex.hasQuery(name))
                continue;
            const QString value = ex.query(name);
            const QString have = name == QLatin1String("device_id") ? port.deviceId
                : name == QLatin1String("network_id")              ? port.networkId
                : name == QLatin1String("name")                    ? port.name
                                                                   : port.deviceOwner;
            match = match && have == value;
        }
        for (const QString &ip : ipFilters)
            match = match && std::any_of(port.fixedIps.cbegin(), port.fixedIps.cend(), [&](const Port::FixedIp &f) { return f.ip == ip; });
        if (match)
            items.append(ports::json(m_state, port));
    }
    ex.json(200, QJsonObject{{QStringLiteral("ports"), items}});
}

void PortService::create(Exchange &ex, const QString &projectId)
{
    QJsonObject request;
    QString error;
    if (!http::parseJsonObject(ex, &request, &error))
        return neutronError(ex, 400, QStringLiteral("HTTPBadRequest"), error);
    const QJsonObject body = request.value(QStringLiteral("port")).toObject();
    const QString networkId = body.value(QStringLiteral("network_id")).toString();
    const Network *network = m_state.network(networkId);
    if (networkId.isEmpty() || !network || network->id != networkId
        || (network->projectId != projectId && !network->shared))
        return neutronError(ex, 404, QStringLiteral("NetworkNotFound"),
                            QStringLiteral("Network %1 could not be found.").arg(networkId));
    QString ip;
    const QJsonArray fixedIps = body.value(QStringLiteral("fixed_ips")).toArray();
    if (fixedIps.size() > 1)
        return neutronError(ex, 400, QStringLiteral("InvalidInput"),
                            QStringLiteral("Invalid input for operation: the fake cloud gives a port one fixed IP."));
    if (!fixedIps.isEmpty()) {
        ip = fixedIps.at(0).toObject().value(QStringLiteral("ip_address")).toString();
        const QString subnetId = fixedIps.at(0).toObject().value(QStringLiteral("subnet_id")).toString();
        if (!subnetId.isEmpty() && subnetId != network->subnetId)
            return neutronError(ex, 400, QStringLiteral("InvalidInput"),
                                QStringLiteral("Invalid input for operation: Failed to create port on network %1, because "
                                               "fixed_ips included invalid subnet %2.").arg(network->id, subnetId));
        if (!ip.isEmpty() && !ports::inSubnet(*network, ip))
            return neutronError(ex, 400, QStringLiteral("InvalidIpForNetwork"),
                                QStringLiteral("IP address %1 is not a valid IP for any of the subnets on the specified "
                                               "network.").arg(ip));
        if (!ip.isEmpty() && ports::holding(m_state, network->id, ip))
            return neutronError(ex, 409, QStringLiteral("IpAddressAlreadyAllocated"),
                                QStringLiteral("IP address %1 already allocated in subnet %2").arg(ip, network->subnetId));
    }
    QStringList groups;
    if (body.contains(QStringLiteral("security_groups"))) {
        for (const QJsonValue &value : body.value(QStringLiteral("security_groups")).toArray()) {
            const SecurityGroup *group = m_state.securityGroup(projectId, value.toString());
            if (!group || group->id != value.toString())
                return neutronError(ex, 404, QStringLiteral("SecurityGroupNotFound"),
                                    QStringLiteral("Security group %1 does not exist").arg(value.toString()));
            groups.append(group->id);
        }
    } else if (const SecurityGroup *group = m_state.securityGroup(projectId, QStringLiteral("default"))) {
        groups.append(group->id);
    }
    if (ip.isEmpty() && ports::freeIp(m_state, *network).isEmpty())
        return neutronError(ex, 409, QStringLiteral("IpAddressGenerationFailure"),
                            QStringLiteral("No more IP addresses available on network %1.").arg(network->id));
    const Port &port = ports::create(m_state, *network, projectId, ip, groups, body.value(QStringLiteral("name")).toString());
    ex.json(201, QJsonObject{{QStringLiteral("port"), ports::json(m_state, port)}});
}

void PortService::remove(Exchange &ex, const QString &projectId, const QString &id)
{
    Q_UNUSED(projectId);
    const Port port = m_state.ports.take(id);
    // A bound port leaves its server's NICs (Nova sees the interface go).
    auto server = m_state.servers.find(port.deviceId);
    if (server != m_state.servers.end())
        server->portIds.removeAll(id);
    ex.empty(204);
}

} // namespace fake
