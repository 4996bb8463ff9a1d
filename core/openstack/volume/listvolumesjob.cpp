#include "openstack/volume/listvolumesjob.h"

namespace sv::openstack {

ListVolumesJob::ListVolumesJob(Connection *connection, QObject *parent)
    : ApiJob(connection, parent)
{
}

void ListVolumesJob::run() { sendRequest(makeRequest(ServiceType::BlockStorage, "GET", QStringLiteral("volumes/detail"))); }

void ListVolumesJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    // Parsed on the thread pool, as server pages are: the cloud tree lists volumes beside its servers
    // on the GUI thread's connection.
    runInBackground([this, body]() -> Continuation {
        Error error;
        const QJsonObject root = parseObject(body, &error);
        if (!error.isOk())
            return [this, error] { finish(error); };
        QList<Volume> page;
        const QJsonArray volumes = root.value(QLatin1String("volumes")).toArray();
        page.reserve(volumes.size());
        for (const QJsonValue &value : volumes)
            page.append(Volume::fromJson(value.toObject()));
        const QString next = nextLink(root.value(QLatin1String("volumes_links")).toArray());
        return [this, page, next] { onPageParsed(page, next); };
    });
}

void ListVolumesJob::onPageParsed(const QList<Volume> &page, const QString &next)
{
    m_volumes += page;
    if (next.isEmpty() || page.isEmpty() || next == m_lastLink) {
        finish();
        return;
    }
    m_lastLink = next;
    Error error;
    Request request = makeRequest(ServiceType::BlockStorage, "GET", {});
    request.url = pagingUrl(ServiceType::BlockStorage, QStringLiteral("volumes/detail"), next, &error);
    if (!error.isOk())
        finish(error);
    else
        sendRequest(request);
}

} // namespace sv::openstack
