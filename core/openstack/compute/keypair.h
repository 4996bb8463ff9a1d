#pragma once

#include <QJsonObject>
#include <QString>

namespace sv::openstack {

struct KeyPair
{
    QString name;
    QString type; // ssh or x509 (2.2+)
    QString fingerprint;
    QString publicKey;

    static KeyPair fromJson(const QJsonObject &json); // one element of "keypairs" (unwraps "keypair")
};

} // namespace sv::openstack
