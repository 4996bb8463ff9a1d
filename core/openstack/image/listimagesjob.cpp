#include "openstack/image/listimagesjob.h"

#include "openstack/endpointurls.h"

namespace sv::openstack {

ListImagesJob::ListImagesJob(Connection *connection, QObject *parent)
    : ApiJob(connection, parent)
{
}

void ListImagesJob::run()
{
    QUrlQuery query = m_filters;
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    sendRequest(makeRequest(ServiceType::Image, "GET", QStringLiteral("images?") + query.toString(QUrl::FullyEncoded)));
}

void ListImagesJob::onSuccess(QNetworkReply *reply, const QByteArray &body)
{
    const QUrl pageUrl = reply->url();
    m_requestedUrls.append(pageUrl);
    // Parsed on the thread pool, like a page of servers (see ListServersJob).
    runInBackground([this, body, pageUrl]() -> Continuation {
        Error error;
        const QJsonObject root = parseObject(body, &error);
        if (!error.isOk())
            return [this, error] { finish(error); };
        QList<Image> page;
        const QJsonArray images = root.value(QLatin1String("images")).toArray();
        page.reserve(images.size());
        for (const QJsonValue &value : images)
            page.append(Image::fromJson(value.toObject()));
        const QString next = root.value(QLatin1String("next")).toString();
        return [this, page, next, pageUrl] { onPageParsed(page, next, pageUrl); };
    });
}

void ListImagesJob::onPageParsed(const QList<Image> &page, const QString &next, const QUrl &pageUrl)
{
    ++m_pages;
    m_images += page;
    Q_EMIT pageReceived(page);
    if (!isRunning())
        return;

    if (next.isEmpty() || page.isEmpty()) {
        finish();
        return;
    }
    Error error;
    const QUrl catalogUrl = connection()->catalogUrl(ServiceType::Image, &error);
    if (!error.isOk()) {
        finish(error);
        return;
    }
    const QUrl nextUrl = endpointurls::rebaseImageLink(catalogUrl, next);
    if (nextUrl == pageUrl) { // a broken server repeating itself must not loop us forever
        finish();
        return;
    }
    Request request = makeRequest(ServiceType::Image, "GET", {});
    request.url = nextUrl;
    sendRequest(request);
}

} // namespace sv::openstack
