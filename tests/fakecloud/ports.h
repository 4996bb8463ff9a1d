#pragma once

#include "model.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace fake {

class CloudState;

// Neutron ports of the fake cloud: IP allocation per network (one /24 subnet each, hosts .10 to .250),
// conflicts, and the binding of ports to servers. The caller holds the state's mutex.
namespace ports {

// The port holding `ip` on the network, or null.
const Port *holding(const CloudState &state, const QString &networkId, const QString &ip);
// Whether `ip` lies in the network's subnet (a /24 of its cidr).
bool inSubnet(const Network &network, const QString &ip);
// The lowest free address of the network (from .10); empty when none is left.
QString freeIp(const CloudState &state, const Network &network);
// A new port on `network` with `ip` (empty: the next free one); the caller checked that `ip` is free.
Port &create(CloudState &state, const Network &network, const QString &projectId, const QString &ip,
             const QStringList &securityGroupIds, const QString &name);
// The ports bound to a server, in its NIC order.
QList<const Port *> ofServer(const CloudState &state, const Server &server);
// A deleted server's ports: those Nova made are deleted, those made beforehand are unbound.
void release(CloudState &state, const Server &server);
// The port as Neutron shows it (port-show-response.json's keys that the fake knows).
QJsonObject json(const CloudState &state, const Port &port);

} // namespace ports
} // namespace fake
