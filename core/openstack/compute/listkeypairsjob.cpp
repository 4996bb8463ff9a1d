#include "openstack/compute/listkeypairsjob.h"

namespace sv::openstack {

ListKeyPairsJob::ListKeyPairsJob(Connection *connection, QObject *parent)
    : ApiJob(connection, parent)
{
}

void ListKeyPairsJob::run() { sendRequest(makeRequest(ServiceType::Compute, "GET", QStringLiteral("os-keypairs"))); }

void ListKeyPairsJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    const QJsonObject root = parseObject(body, &error);
    if (!error.isOk()) {
        finish(error);
        return;
    }
    const QJsonArray keyPairs = root.value(QLatin1String("keypairs")).toArray();
    for (const QJsonValue &value : keyPairs)
        m_keyPairs.append(KeyPair::fromJson(value.toObject()));
    const QString next = nextLink(root.value(QLatin1String("keypairs_links")).toArray());
    if (next.isEmpty() || keyPairs.isEmpty() || next == m_lastLink) {
        finish();
        return;
    }
    m_lastLink = next;
    Request request = makeRequest(ServiceType::Compute, "GET", {});
    request.url = pagingUrl(ServiceType::Compute, QStringLiteral("os-keypairs"), next, &error);
    if (!error.isOk())
        finish(error);
    else
        sendRequest(request);
}

} // namespace sv::openstack
