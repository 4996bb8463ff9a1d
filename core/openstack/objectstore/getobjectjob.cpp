#include "openstack/objectstore/getobjectjob.h"

#include "openstack/objectstore/objectstorepath.h"

#include "openstack/image/streamhasher.h"

namespace sv::openstack {

GetObjectJob::GetObjectJob(Connection *connection, QString container, QString object, QObject *parent)
    : ApiJob(connection, parent)
    , m_container(std::move(container))
    , m_object(std::move(object))
{
}

void GetObjectJob::setRange(qint64 offset, qint64 length)
{
    m_rangeOffset = offset;
    m_rangeLength = length;
}

void GetObjectJob::run()
{
    Request request = makeRequest(ServiceType::ObjectStore, "GET", objectstore::objectPath(m_container, m_object));
    request.headers.append(std::pair<QByteArray, QByteArray>("Accept", "*/*"));
    if (m_rangeOffset >= 0) {
        request.headers.append(std::pair<QByteArray, QByteArray>(
            "Range", "bytes=" + QByteArray::number(m_rangeOffset) + '-'
                + QByteArray::number(m_rangeOffset + m_rangeLength - 1)));
    }
    sendRequest(request);
}

void GetObjectJob::onSuccess(QNetworkReply *reply, const QByteArray &body)
{
    const QByteArray etag = objectstore::normalizedEtag(reply->rawHeader("ETag"));
    // A static/dynamic large object's ETag is not the md5 of its bytes; we never write those.
    const bool manifest = !reply->rawHeader("X-Static-Large-Object").isEmpty()
        || !reply->rawHeader("X-Object-Manifest").isEmpty();
    const bool ranged = m_rangeOffset >= 0;
    const QByteArray md5 = ranged ? QByteArray() : StreamHasher::hexDigestOf("md5", body);
    if (!ranged && !manifest && !etag.isEmpty() && etag != md5) {
        finish(Error::make(Error::Kind::Checksum,
                           tr("Object %1 arrived damaged: its checksum is %2, the object store says %3.")
                               .arg(m_object, QString::fromLatin1(md5), QString::fromLatin1(etag))));
        return;
    }
    m_data = body;
    finish();
}

void GetObjectJob::refineError(Error &error)
{
    if (error.kind == Error::Kind::NotFound)
        error.message = tr("Object %1 does not exist in container %2.").arg(m_object, m_container);
}

} // namespace sv::openstack
