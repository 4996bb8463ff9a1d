#include "openstack/compute/listflavorsjob.h"

namespace sv::openstack {

ListFlavorsJob::ListFlavorsJob(Connection *connection, QObject *parent)
    : ApiJob(connection, parent)
{
}

void ListFlavorsJob::run()
{
    sendRequest(makeRequest(ServiceType::Compute, "GET", QStringLiteral("flavors/detail?is_public=None")));
}

void ListFlavorsJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    const QJsonObject root = parseObject(body, &error);
    if (!error.isOk()) {
        finish(error);
        return;
    }
    const QJsonArray flavors = root.value(QLatin1String("flavors")).toArray();
    for (const QJsonValue &value : flavors)
        m_flavors.append(Flavor::fromJson(value.toObject()));
    const QString next = nextLink(root.value(QLatin1String("flavors_links")).toArray());
    if (next.isEmpty() || flavors.isEmpty() || next == m_lastLink) {
        finish();
        return;
    }
    m_lastLink = next;
    Request request = makeRequest(ServiceType::Compute, "GET", {});
    request.url = pagingUrl(ServiceType::Compute, QStringLiteral("flavors/detail"), next, &error);
    if (!error.isOk())
        finish(error);
    else
        sendRequest(request);
}

} // namespace sv::openstack
