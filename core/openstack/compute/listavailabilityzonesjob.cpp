#include "openstack/compute/listavailabilityzonesjob.h"

#include <QJsonArray>

namespace sv::openstack {

ListAvailabilityZonesJob::ListAvailabilityZonesJob(Connection *connection, QObject *parent)
    : ApiJob(connection, parent)
{
}

void ListAvailabilityZonesJob::run()
{
    sendRequest(makeRequest(ServiceType::Compute, "GET", QStringLiteral("os-availability-zone")));
}

void ListAvailabilityZonesJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    const QJsonObject root = parseObject(body, &error);
    if (!error.isOk())
        return finish(error);
    const QJsonArray zones = root.value(QLatin1String("availabilityZoneInfo")).toArray();
    for (const QJsonValue &value : zones) {
        const QJsonObject zone = value.toObject();
        if (zone.value(QLatin1String("zoneState")).toObject().value(QLatin1String("available")).toBool(true))
            m_zones.append(zone.value(QLatin1String("zoneName")).toString());
    }
    finish();
}

} // namespace sv::openstack
