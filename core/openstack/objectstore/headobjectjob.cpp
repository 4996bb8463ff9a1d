#include "openstack/objectstore/headobjectjob.h"

#include "openstack/objectstore/objectstorepath.h"

namespace sv::openstack {

HeadObjectJob::HeadObjectJob(Connection *connection, QString container, QString object, QObject *parent)
    : ApiJob(connection, parent)
    , m_container(std::move(container))
    , m_object(std::move(object))
{
}

void HeadObjectJob::run()
{
    sendRequest(makeRequest(ServiceType::ObjectStore, "HEAD", objectstore::objectPath(m_container, m_object)));
}

void HeadObjectJob::onSuccess(QNetworkReply *reply, const QByteArray &)
{
    bool ok = false;
    m_size = reply->rawHeader("Content-Length").toLongLong(&ok);
    if (!ok)
        m_size = -1;
    m_etag = objectstore::normalizedEtag(reply->rawHeader("ETag"));
    finish();
}

} // namespace sv::openstack
