#include "openstack/image/imagedownloadjob.h"

#include "openstack/image/streamhasher.h"
#include "openstack/logging.h"

#include <QRegularExpression>

namespace sv::openstack {

namespace {
// Read in large blocks: fewer consumer calls and hash updates per byte.
constexpr qint64 kBlockSize = 1024 * 1024;
} // namespace

ImageDownloadJob::ImageDownloadJob(Connection *connection, QString imageId, Consumer consumer, QObject *parent)
    : ApiJob(connection, parent)
    , m_imageId(std::move(imageId))
    , m_consumer(std::move(consumer))
{
}

ImageDownloadJob::~ImageDownloadJob() = default;

void ImageDownloadJob::setImage(const Image &image)
{
    m_image = image;
    m_haveImage = true;
}

void ImageDownloadJob::run()
{
    if (m_haveImage) {
        requestData();
        return;
    }
    m_step = Step::Record;
    sendRequest(makeRequest(ServiceType::Image, "GET", QStringLiteral("images/") + m_imageId));
}

void ImageDownloadJob::requestData()
{
    if (!m_image.status.isEmpty() && m_image.status != QLatin1String("active")) {
        finish(Error::make(Error::Kind::Conflict,
                           tr("Image %1 cannot be downloaded while its status is \"%2\".")
                               .arg(m_image.name.isEmpty() ? m_imageId : m_image.name, m_image.status)));
        return;
    }
    m_step = Step::Data;
    m_received = 0;
    m_skip = 0;
    m_md5Hasher = std::make_unique<StreamHasher>("md5");
    const QByteArray algorithm = m_image.osHashAlgo.isEmpty() ? QByteArray("sha512") : m_image.osHashAlgo.toLatin1();
    m_osHasher = std::make_unique<StreamHasher>(algorithm);
    Request request = makeRequest(ServiceType::Image, "GET", QStringLiteral("images/%1/file").arg(m_imageId));
    request.streamed = true;
    request.headers.append(std::make_pair(QByteArray("Accept"), QByteArray("application/octet-stream")));
    sendRequest(request);
}

void ImageDownloadJob::onHeaders(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray contentMd5 = reply->rawHeader("Content-MD5").trimmed();
    if (!contentMd5.isEmpty() && m_contentMd5.isEmpty()) {
        // Glance sends the hex md5; RFC 1864 says base64 of the raw digest. Accept both.
        static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{32}$"));
        m_contentMd5 = hex.match(QString::fromLatin1(contentMd5)).hasMatch()
            ? contentMd5.toLower()
            : QByteArray::fromBase64(contentMd5).toHex();
    }
    if (m_received == 0)
        return;
    if (status == 206) {
        // "Content-Range: bytes 1048576-4194303/4194304" must start where we stopped.
        static const QRegularExpression range(QStringLiteral(R"(bytes\s+(\d+)-)"));
        const auto match = range.match(QString::fromLatin1(reply->rawHeader("Content-Range")));
        if (!match.hasMatch() || match.captured(1).toLongLong() != m_received) {
            finish(Error::make(Error::Kind::Protocol,
                               tr("The image service resumed image %1 at the wrong position.").arg(m_imageId)));
        }
        return;
    }
    // 200 to a Range request: the server ignored it and starts from byte 0; drop what we have.
    qCInfo(lcOpenStack) << "range request ignored; skipping" << m_received << "bytes already delivered";
    m_skip = m_received;
}

void ImageDownloadJob::onData(QNetworkReply *reply)
{
    while (isRunning() && !isReadingPaused() && reply->bytesAvailable() > 0) {
        QByteArray block = reply->read(std::min(reply->bytesAvailable(), kBlockSize));
        if (block.isEmpty())
            return;
        if (m_skip > 0) {
            const qint64 drop = std::min<qint64>(m_skip, block.size());
            m_skip -= drop;
            if (drop == block.size())
                continue;
            block = block.mid(drop);
        }
        if (m_image.size >= 0 && m_received + block.size() > m_image.size) {
            // An endless or overlong body: never write more than the image has into the bank.
            Error error = Error::make(Error::Kind::Protocol,
                                      tr("The image service sent more than the %1 bytes of image %2; the download "
                                         "was stopped (the server is broken or not what it claims).")
                                          .arg(m_image.size)
                                          .arg(m_image.name.isEmpty() ? m_imageId : m_image.name));
            error.host = reply->url().host();
            finish(error);
            return;
        }
        if (m_verify) {
            m_md5Hasher->addData(block.constData(), block.size());
            m_osHasher->addData(block.constData(), block.size());
        }
        m_received += block.size();
        if (m_consumer && !m_consumer(block)) {
            finish(Error::make(Error::Kind::Canceled,
                               tr("The download of image %1 was stopped by its receiver.").arg(m_imageId)));
            return;
        }
        Q_EMIT progress(m_received, m_image.size);
    }
}

bool ImageDownloadJob::prepareRetry(Request &request, const Error &error, int retriesSoFar)
{
    if (m_step != Step::Data || m_received == 0)
        return ApiJob::prepareRetry(request, error, retriesSoFar);
    if (m_resumes >= m_maxResumes)
        return false;
    ++m_resumes;
    m_skip = 0;
    request.headers.removeIf([](const auto &header) { return header.first == "Range"; });
    request.headers.append(std::make_pair(QByteArray("Range"), QByteArray("bytes=" + QByteArray::number(m_received) + '-')));
    qCInfo(lcOpenStack).noquote() << "resuming image" << m_imageId << "at byte" << m_received << "(resume"
                                  << m_resumes << "of" << m_maxResumes << ") after" << error.toLogString();
    return true;
}

void ImageDownloadJob::onSuccess(QNetworkReply *reply, const QByteArray &body)
{
    if (m_step == Step::Record) {
        Error error;
        m_image = Image::fromJson(parseObject(body, &error));
        if (!error.isOk()) {
            finish(error);
            return;
        }
        m_haveImage = true;
        requestData();
        return;
    }
    if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 204) {
        finish(Error::make(Error::Kind::Conflict,
                           tr("Image %1 has no data (a snapshot of a volume-backed server keeps its data in volume "
                              "snapshots).")
                               .arg(m_image.name.isEmpty() ? m_imageId : m_image.name),
                           204));
        return;
    }
    if (m_image.size >= 0 && m_received < m_image.size) {
        // Qt sometimes reports a connection closed before Content-Length as a normal end: treat it
        // as the dropped connection it is and resume.
        Error dropped = Error::make(Error::Kind::Network,
                                    tr("The connection closed after %1 of %2 bytes.").arg(m_received).arg(m_image.size));
        dropped.host = reply->url().host();
        if (retryAfterFailure(dropped))
            return;
        refineError(dropped);
        finish(dropped);
        return;
    }
    verifyAndFinish();
}

void ImageDownloadJob::verifyAndFinish()
{
    const QString name = m_image.name.isEmpty() ? m_imageId : m_image.name;
    if (m_image.size >= 0 && m_received != m_image.size) {
        finish(Error::make(Error::Kind::Checksum, tr("Image %1: received %2 bytes, but the image has %3.")
                                                      .arg(name)
                                                      .arg(m_received)
                                                      .arg(m_image.size)));
        return;
    }
    if (!m_verify) {
        finish();
        return;
    }
    m_md5 = m_md5Hasher->hexDigest();
    m_osHash = m_osHasher->hexDigest();
    const QByteArray expectedMd5 = !m_image.checksum.isEmpty() ? m_image.checksum.toLatin1() : m_contentMd5;
    if (!expectedMd5.isEmpty() && expectedMd5 != m_md5) {
        finish(Error::make(Error::Kind::Checksum,
                           tr("Image %1 arrived damaged: its MD5 is %2, the cloud says %3.")
                               .arg(name, QString::fromLatin1(m_md5), QString::fromLatin1(expectedMd5))));
        return;
    }
    if (!m_image.osHashValue.isEmpty() && m_osHash != m_image.osHashValue.toLatin1()) {
        finish(Error::make(Error::Kind::Checksum, tr("Image %1 arrived damaged: its %2 does not match the cloud's.")
                                                      .arg(name, m_image.osHashAlgo)));
        return;
    }
    if (expectedMd5.isEmpty() && m_image.osHashValue.isEmpty())
        qCWarning(lcOpenStack) << "image" << m_imageId << "has no checksum to verify against";
    finish();
}

void ImageDownloadJob::refineError(Error &error)
{
    const QString name = m_image.name.isEmpty() ? m_imageId : m_image.name;
    if (error.kind == Error::Kind::NotFound)
        error.message = tr("Image %1 does not exist (any more).").arg(name);
    else if (error.kind == Error::Kind::Network || error.kind == Error::Kind::Timeout)
        error.message = tr("The download of image %1 failed after %2 bytes and %3 resumptions: %4")
                            .arg(name)
                            .arg(m_received)
                            .arg(m_resumes)
                            .arg(error.message);
}

} // namespace sv::openstack
