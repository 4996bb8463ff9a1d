#include "openstack/volume/showvolumelimitsjob.h"

#include <QJsonObject>

namespace sv::openstack {

ShowVolumeLimitsJob::ShowVolumeLimitsJob(Connection *connection, QObject *parent)
    : ApiJob(connection, parent)
{
}

void ShowVolumeLimitsJob::run()
{
    sendRequest(makeRequest(ServiceType::BlockStorage, "GET", QStringLiteral("limits")));
}

void ShowVolumeLimitsJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    const QJsonObject absolute =
        parseObject(body, &error).value(QLatin1String("limits")).toObject().value(QLatin1String("absolute")).toObject();
    if (error.isOk() && absolute.isEmpty())
        error = Error::make(Error::Kind::Protocol, tr("The block storage service sent limits without their absolute values."));
    const auto value = [&absolute](const char *key, int fallback) {
        return absolute.value(QLatin1String(key)).toInt(fallback);
    };
    m_limits.maxVolumes = value("maxTotalVolumes", -1);
    m_limits.usedVolumes = value("totalVolumesUsed", 0);
    m_limits.maxGigabytes = value("maxTotalVolumeGigabytes", -1);
    m_limits.usedGigabytes = value("totalGigabytesUsed", 0);
    finish(error);
}

} // namespace sv::openstack
