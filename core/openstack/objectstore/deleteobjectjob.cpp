#include "openstack/objectstore/deleteobjectjob.h"

#include "openstack/objectstore/objectstorepath.h"

namespace sv::openstack {

DeleteObjectJob::DeleteObjectJob(Connection *connection, QString container, QString object, QObject *parent)
    : ApiJob(connection, parent)
    , m_container(std::move(container))
    , m_object(std::move(object))
{
}

void DeleteObjectJob::run()
{
    sendRequest(makeRequest(ServiceType::ObjectStore, "DELETE", objectstore::objectPath(m_container, m_object)));
}

void DeleteObjectJob::onSuccess(QNetworkReply *, const QByteArray &) { finish(); }

void DeleteObjectJob::refineError(Error &error)
{
    if (error.kind == Error::Kind::NotFound) {
        m_existed = false;
        error = {};
    }
}

} // namespace sv::openstack
