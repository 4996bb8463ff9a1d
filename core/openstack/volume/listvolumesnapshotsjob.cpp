#include "openstack/volume/listvolumesnapshotsjob.h"

namespace sv::openstack {

namespace {
const auto kPath = QStringLiteral("snapshots/detail");
}

ListVolumeSnapshotsJob::ListVolumeSnapshotsJob(Connection *connection, QObject *parent)
    : ApiJob(connection, parent)
{
}

void ListVolumeSnapshotsJob::run() { sendRequest(makeRequest(ServiceType::BlockStorage, "GET", kPath)); }

void ListVolumeSnapshotsJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    const QJsonObject root = parseObject(body, &error);
    if (!error.isOk())
        return finish(error);
    const QJsonArray page = root.value(QLatin1String("snapshots")).toArray();
    for (const QJsonValue &value : page)
        m_snapshots.append(VolumeSnapshot::fromJson(value.toObject()));
    const QString next = nextLink(root.value(QLatin1String("snapshots_links")).toArray());
    if (next.isEmpty() || page.isEmpty() || next == m_lastLink)
        return finish();
    m_lastLink = next;
    Request request = makeRequest(ServiceType::BlockStorage, "GET", {});
    request.url = pagingUrl(ServiceType::BlockStorage, kPath, next, &error);
    if (!error.isOk())
        return finish(error);
    sendRequest(request);
}

} // namespace sv::openstack
