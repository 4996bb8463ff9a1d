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
    m_requestedUrls.append(reply->url());
    Error error;
    const QJsonObject root = parseObject(body, &error);
    if (!error.isOk()) {
        finish(error);
        return;
    }
    QList<Image> page;
    const QJsonArray images = root.value(QLatin1String("images")).toArray();
    page.reserve(images.size());
    for (const QJsonValue &value : images)
        page.append(Image::fromJson(value.toObject()));
    ++m_pages;
    m_images += page;
    Q_EMIT pageReceived(page);
    if (!isRunning())
        return;

    const QString next = root.value(QLatin1String("next")).toString();
    if (next.isEmpty() || page.isEmpty()) {
        finish();
        return;
    }
    const QUrl catalogUrl = connection()->catalogUrl(ServiceType::Image, &error);
    if (!error.isOk()) {
        finish(error);
        return;
    }
    const QUrl nextUrl = endpointurls::rebaseImageLink(catalogUrl, next);
    if (nextUrl == reply->url()) { // a broken server repeating itself must not loop us forever
        finish();
        return;
    }
    Request request = makeRequest(ServiceType::Image, "GET", {});
    request.url = nextUrl;
    sendRequest(request);
}

} // namespace sv::openstack
