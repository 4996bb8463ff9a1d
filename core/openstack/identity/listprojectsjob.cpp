#include "openstack/identity/listprojectsjob.h"

#include "openstack/endpointurls.h"
#include "openstack/session.h"

#include <QJsonArray>

namespace sv::openstack {

ListProjectsJob::ListProjectsJob(Connection *connection, QObject *parent)
    : ApiJob(connection, parent)
{
}

void ListProjectsJob::run()
{
    // The profile's own Keystone (the auth URL): catalogs list the identity endpoint with or without /v3.
    Request request = makeRequest(ServiceType::Identity, "GET", {});
    request.url = endpointurls::join(endpointurls::identityBase(connection()->session()->profile().authUrl),
                                     QStringLiteral("projects"));
    sendRequest(request);
}

void ListProjectsJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    Error error;
    const QJsonObject root = parseObject(body, &error);
    if (!error.isOk()) {
        finish(error);
        return;
    }
    const QJsonArray projects = root.value(QLatin1String("projects")).toArray();
    for (const QJsonValue &value : projects) {
        const QJsonObject object = value.toObject();
        m_projects.append({object.value(QLatin1String("id")).toString(), object.value(QLatin1String("name")).toString(),
                           object.value(QLatin1String("domain_id")).toString(),
                           object.value(QLatin1String("enabled")).toBool(true)});
    }
    const QString next = root.value(QLatin1String("links")).toObject().value(QLatin1String("next")).toString();
    if (next.isEmpty() || projects.isEmpty() || next == m_lastLink) {
        finish();
        return;
    }
    m_lastLink = next;
    Request request = makeRequest(ServiceType::Identity, "GET", {});
    request.url = QUrl(next);
    sendRequest(request);
}

} // namespace sv::openstack
