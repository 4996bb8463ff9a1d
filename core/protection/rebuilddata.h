#pragma once

#include "openstack/compute/listservergroupsjob.h"
#include "openstack/network/port.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace sv {

// One NIC of a saved server (CheckpointKey::Nics): its network, fixed IPs and the port's security groups.
struct SavedNic
{
    QString networkId;   // in the cloud the backup was taken from
    QString networkName; // the restore looks for this name in the target
    QStringList fixedIps;
    QStringList securityGroups; // names
    QString macAddress;         // informative: a restore does not set it

    bool operator==(const SavedNic &other) const = default;
};

// The faithful-rebuild part of a server's checkpoint metadata (core/bank/FORMAT.md "Faithful rebuild"):
// written by the backup from Nova's server document and Neutron's ports, read back by the restore and
// the front ends. Pure functions: no network.
namespace RebuildData {

// Adds description, config_drive, user_data(_state), server_groups and nics to `metadata` (the server
// resource's). `server` is Nova's document at 2.71+ (server_groups are ids there); `ports` the server's
// ports, in the order they were made; `networkNames`/`groupNames` map ids to names (a missing id keeps
// the id); `nicsError` non-empty: the ports could not be read, nics are left out and the reason saved.
void capture(QJsonObject &metadata, const QJsonObject &server, const QList<openstack::Port> &ports,
             const QHash<QString, QString> &networkNames, const QHash<QString, QString> &groupNames,
             const QList<openstack::ListServerGroupsJob::Group> &serverGroups, const QString &nicsError);

// The saved NICs; for a checkpoint without "nics" (older, or ports unreadable) one NIC per saved
// network name with its fixed IPs and the server's security groups.
QList<SavedNic> nics(const QJsonObject &metadata);
QStringList tags(const QJsonObject &metadata);
QStringList serverGroupNames(const QJsonObject &metadata);
QString userDataState(const QJsonObject &metadata); // "" for checkpoints older than the field
QByteArray userData(const QJsonObject &metadata);   // decoded; empty when none was saved

// Ports sorted by their creation time (Neutron has no NIC order; Nova makes a server's ports in NIC
// order when it boots), ties in listing order.
QList<openstack::Port> inNicOrder(QList<openstack::Port> ports);

} // namespace RebuildData
} // namespace sv
