#include "openstack/compute/listserversjob.h"

#include <QJsonArray>

namespace sv::openstack {

ListServersJob::ListServersJob(Connection *connection, QObject *parent)
    : ApiJob(connection, parent)
{
}

void ListServersJob::run()
{
    QUrlQuery query = m_filters;
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    sendRequest(makeRequest(ServiceType::Compute, "GET",
                            QStringLiteral("servers/detail?") + query.toString(QUrl::FullyEncoded)));
}

void ListServersJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    // A page of 200 servers is ~1 MB of JSON: parsed on the thread pool, not on the connection's
    // thread (the GUI thread when the cloud tree lists servers).
    runInBackground([this, body]() -> Continuation {
        Error error;
        const QJsonObject root = parseObject(body, &error);
        if (!error.isOk())
            return [this, error] { finish(error); };
        QList<Server> page;
        const QJsonArray servers = root.value(QLatin1String("servers")).toArray();
        page.reserve(servers.size());
        for (const QJsonValue &value : servers)
            page.append(Server::fromJson(value.toObject()));
        const QString next = nextLink(root.value(QLatin1String("servers_links")).toArray());
        return [this, page, next] { onPageParsed(page, next); };
    });
}

void ListServersJob::onPageParsed(const QList<Server> &page, const QString &next)
{
    ++m_pages;
    if (m_keepResults)
        m_servers += page;
    Q_EMIT pageReceived(page);
    if (!isRunning())
        return; // aborted from a slot

    const QString marker = QUrlQuery(QUrl(next).query()).queryItemValue(QStringLiteral("marker"));
    if (next.isEmpty() || page.isEmpty() || marker == m_lastMarker) {
        finish();
        return;
    }
    m_lastMarker = marker;
    Request request = makeRequest(ServiceType::Compute, "GET", {});
    Error baseError;
    request.url = pagingUrl(ServiceType::Compute, QStringLiteral("servers/detail"), next, &baseError);
    if (!baseError.isOk()) {
        finish(baseError);
        return;
    }
    sendRequest(request);
}

} // namespace sv::openstack
