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
    runInBackground([this, body, handler = m_pageHandler]() -> Continuation {
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
        const qsizetype count = page.size();
        if (handler) {
            const Continuation delivered = handler(std::move(page));
            return [this, delivered, count, next] {
                if (delivered)
                    delivered();
                onPageParsed({}, count, next);
            };
        }
        return [this, page, count, next] { onPageParsed(page, count, next); };
    });
}

void ListServersJob::onPageParsed(const QList<Server> &page, qsizetype count, const QString &next)
{
    ++m_pages;
    if (!m_pageHandler) {
        if (m_keepResults)
            m_servers += page;
        Q_EMIT pageReceived(page);
    }
    if (!isRunning())
        return; // aborted from a slot or the page handler's continuation

    const QString marker = QUrlQuery(QUrl(next).query()).queryItemValue(QStringLiteral("marker"));
    if (next.isEmpty() || count == 0 || marker == m_lastMarker) {
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
