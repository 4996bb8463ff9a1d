#pragma once

#include "openstack/apijob.h"
#include "openstack/compute/server.h"

#include <QUrlQuery>

#include <functional>

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
    // For listings too large for the job's thread (an admin's tree of 50,000 servers): runs on the thread
    // pool with each parsed page, which it consumes there (so neither its conversion nor its destruction
    // costs the job's thread), and returns what then runs on the job's thread, in page order, instead of
    // pageReceived(). Must not touch QObjects. servers() stays empty then.
    using PageHandler = std::function<std::function<void()>(QList<Server> page)>;
    void setPageHandler(PageHandler handler) { m_pageHandler = std::move(handler); }

    const QList<Server> &servers() const { return m_servers; }
    int pageCount() const { return m_pages; }

Q_SIGNALS:
    void pageReceived(const QList<sv::openstack::Server> &servers);

protected:
    void run() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    void onPageParsed(const QList<Server> &page, qsizetype count, const QString &next);

    int m_pageSize = 200;
    QUrlQuery m_filters;
    bool m_keepResults = true;
    PageHandler m_pageHandler;
    QList<Server> m_servers;
    int m_pages = 0;
    QString m_lastMarker;
};

} // namespace sv::openstack
