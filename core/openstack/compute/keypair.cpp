#include "openstack/compute/keypair.h"

namespace sv::openstack {

KeyPair KeyPair::fromJson(const QJsonObject &json)
{
    const QJsonObject object = json.contains(QLatin1String("keypair")) ? json.value(QLatin1String("keypair")).toObject()
                                                                       : json;
    KeyPair keyPair;
    keyPair.name = object.value(QLatin1String("name")).toString();
    keyPair.type = object.value(QLatin1String("type")).toString(QStringLiteral("ssh"));
    keyPair.fingerprint = object.value(QLatin1String("fingerprint")).toString();
    keyPair.publicKey = object.value(QLatin1String("public_key")).toString();
    return keyPair;
}

} // namespace sv::openstack
