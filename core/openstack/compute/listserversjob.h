#pragma once

#include "openstack/apijob.h"
#include "openstack/compute/server.h"

#include <QUrlQuery>

namespace sv::openstack {

// GET /servers/detail, following servers_links until the last page. Each page is delivered by
// pageReceived() as it arrives (a tree can fill while thousands of servers load); servers() has all.
class ListServersJob : public ApiJob
{
    Q_OBJECT
public:
    explicit ListServersJob(Connection *connection, QObject *parent = nullptr);

    void setPageSize(int pageSize) { m_pageSize = pageSize; }
    // Nova filters such as name (a regex), status, image, flavor.
    void setFilter(const QString &key, const QString &value) { m_filters.addQueryItem(key, value); }
    void setKeepResults(bool keep) { m_keepResults = keep; } // false: only pageReceived() for huge projects

    const QList<Server> &servers() const { return m_servers; }
    int pageCount() const { return m_pages; }

Q_SIGNALS:
    void pageReceived(const QList<sv::openstack::Server> &servers);

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    void onPageParsed(const QList<Server> &page, const QString &next);

    int m_pageSize = 200;
    QUrlQuery m_filters;
    bool m_keepResults = true;
    QList<Server> m_servers;
    int m_pages = 0;
    QString m_lastMarker;
};

} // namespace sv::openstack
