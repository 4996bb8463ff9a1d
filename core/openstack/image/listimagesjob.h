#pragma once

#include "openstack/apijob.h"
#include "openstack/image/image.h"

#include <QUrlQuery>

namespace sv::openstack {

// GET /v2/images, following Glance's relative `next` links (re-based onto the image endpoint,
// keeping any path prefix such as devstack's /image). Pages arrive through pageReceived().
class ListImagesJob : public ApiJob
{
    Q_OBJECT
public:
    explicit ListImagesJob(Connection *connection, QObject *parent = nullptr);

    void setPageSize(int pageSize) { m_pageSize = pageSize; }
    // Glance filters: name, status, visibility, owner, tag, "id" with "in:a,b", ...
    void setFilter(const QString &key, const QString &value) { m_filters.addQueryItem(key, value); }

    const QList<Image> &images() const { return m_images; }
    int pageCount() const { return m_pages; }
    // The URLs requested, in order (tests check the re-based `next` links).
    const QList<QUrl> &requestedUrls() const { return m_requestedUrls; }

Q_SIGNALS:
    void pageReceived(const QList<sv::openstack::Image> &images);

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    void onPageParsed(const QList<Image> &page, const QString &next, const QUrl &pageUrl);

    int m_pageSize = 200;
    QUrlQuery m_filters;
    QList<Image> m_images;
    QList<QUrl> m_requestedUrls;
    int m_pages = 0;
};

} // namespace sv::openstack
