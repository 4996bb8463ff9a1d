#include "openstack/objectstore/putobjectjob.h"

#include "openstack/objectstore/objectstorepath.h"

#include "openstack/image/streamhasher.h"

namespace sv::openstack {

PutObjectJob::PutObjectJob(Connection *connection, QString container, QString object, QByteArray data, QObject *parent)
    : ApiJob(connection, parent)
    , m_container(std::move(container))
    , m_object(std::move(object))
    , m_data(std::move(data))
    , m_md5(StreamHasher::hexDigestOf("md5", m_data))
{
}

void PutObjectJob::run()
{
    Request request = makeRequest(ServiceType::ObjectStore, "PUT", objectstore::objectPath(m_container, m_object));
    request.body = m_data;
    request.contentType = "application/octet-stream";
    request.headers.append(std::pair<QByteArray, QByteArray>("ETag", m_md5));
    if (m_data.isEmpty())
        request.headers.append(std::pair<QByteArray, QByteArray>("Content-Length", "0"));
    if (m_onlyIfAbsent)
        request.headers.append(std::pair<QByteArray, QByteArray>("If-None-Match", "*"));
    sendRequest(request);
}

void PutObjectJob::onSuccess(QNetworkReply *reply, const QByteArray &)
{
    const QByteArray etag = objectstore::normalizedEtag(reply->rawHeader("ETag"));
    if (!etag.isEmpty() && etag != m_md5) {
        finish(Error::make(Error::Kind::Checksum,
                           tr("The object store stored %1 with checksum %2, but StackVault sent %3.")
                               .arg(m_object, QString::fromLatin1(etag), QString::fromLatin1(m_md5))));
        return;
    }
    finish();
}

void PutObjectJob::refineError(Error &error)
{
    if (error.httpStatus == 422)
        error = Error::make(Error::Kind::Checksum,
                            tr("The object store received %1 damaged (checksum mismatch); try again.").arg(m_object),
                            422);
    else if (error.kind == Error::Kind::NotFound)
        error.message = tr("The object store container %1 does not exist (any more).").arg(m_container);
}

} // namespace sv::openstack
