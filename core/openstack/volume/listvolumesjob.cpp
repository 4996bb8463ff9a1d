#include "openstack/volume/listvolumesjob.h"

namespace sv::openstack {

ListVolumesJob::ListVolumesJob(Connection *connection, QObject *parent)
    : ApiJob(connection, parent)
{
}

void ListVolumesJob::run() { sendRequest(makeRequest(ServiceType::BlockStorage, "GET", QStringLiteral("volumes/detail"))); }

void ListVolumesJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    const QJsonObject root = parseObject(body, &error);
    if (!error.isOk()) {
        finish(error);
        return;
    }
    const QJsonArray volumes = root.value(QLatin1String("volumes")).toArray();
    for (const QJsonValue &value : volumes)
        m_volumes.append(Volume::fromJson(value.toObject()));
    const QString next = nextLink(root.value(QLatin1String("volumes_links")).toArray());
    if (next.isEmpty() || volumes.isEmpty() || next == m_lastLink) {
        finish();
        return;
    }
    m_lastLink = next;
    Request request = makeRequest(ServiceType::BlockStorage, "GET", {});
    request.url = pagingUrl(ServiceType::BlockStorage, QStringLiteral("volumes/detail"), next, &error);
    if (!error.isOk())
        finish(error);
    else
        sendRequest(request);
}

} // namespace sv::openstack
