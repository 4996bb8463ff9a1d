#include "bank/s3objectstore.h"

#include "openstack/image/streamhasher.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QThread>
#include <QXmlStreamReader>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

// Every request at debug level (method, storage, object, status; never a header): off by default.
Q_DECLARE_LOGGING_CATEGORY(lcS3)
Q_LOGGING_CATEGORY(lcS3, "stackvault.bank.s3", QtInfoMsg)

namespace sv {

namespace {

// The text of the first element `name` in an S3 XML answer (Error/Code, UploadId, ...).
QString xmlText(const QByteArray &xml, const QString &name)
{
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == name)
            return reader.readElementText();
    }
    return {};
}

// MD5 of a body (OpenSSL's). A PUT computes it once, for Content-MD5 and to check the ETag.
QByteArray md5Hex(const QByteArray &data)
{
    return openstack::StreamHasher::hexDigestOf("md5", data);
}

QByteArray base64OfHex(const QByteArray &hex)
{
    return QByteArray::fromHex(hex).toBase64();
}

QByteArray md5Base64(const QByteArray &data)
{
    return base64OfHex(md5Hex(data));
}

QByteArray unquoted(QByteArray etag)
{
    etag = etag.trimmed();
    if (etag.size() >= 2 && etag.startsWith('"') && etag.endsWith('"'))
        etag = etag.mid(1, etag.size() - 2);
    return etag;
}

// A plain upload's ETag is the hex MD5 of its bytes; a multipart one ("<hex>-<n>") is not.
bool isPlainMd5Etag(const QByteArray &etag)
{
    return etag.size() == 32 && !etag.contains('-');
}

bool isTransient(const QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::UnknownNetworkError:
        return true;
    default:
        return false;
    }
}

} // namespace

QByteArray S3ObjectStore::Response::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

S3ObjectStore::S3ObjectStore(S3Profile profile, QString secretAccessKey, QString bucket)
    : m_profile(std::move(profile))
    , m_secretAccessKey(std::move(secretAccessKey))
    , m_bucket(std::move(bucket))
    , m_io(QStringLiteral("s3-bank-io"))
{
    // A QNetworkAccessManager must be created on the thread that uses it.
    m_io.runAndWait([this] { m_nam = new QNetworkAccessManager(m_io.context()); });
}

S3ObjectStore::~S3ObjectStore() = default;

QString S3ObjectStore::location() const
{
    return QStringLiteral("s3:") + m_profile.name + QLatin1Char('/') + m_bucket;
}

QString S3ObjectStore::containerNoun() const { return QStringLiteral("bucket"); }

void S3ObjectStore::setMultipart(qint64 threshold, qint64 partSize)
{
    m_multipartThreshold = threshold;
    m_partSize = std::max(partSize, MinPartSize);
}

void S3ObjectStore::setRetries(int retries, std::chrono::milliseconds firstDelay)
{
    m_retries = retries;
    m_firstRetryDelay = firstDelay;
}

QUrl S3ObjectStore::urlFor(const Call &call, QString *host, QString *path) const
{
    QUrl url = m_profile.endpoint;
    QString base = url.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    if (m_profile.virtualHostStyle) {
        url.setHost(m_bucket + QLatin1Char('.') + url.host());
        *path = base + QLatin1Char('/') + call.object;
    } else {
        *path = base + QLatin1Char('/') + m_bucket + (call.object.isEmpty() ? QString() : QLatin1Char('/') + call.object);
    }
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    *host = url.host() + (url.port(defaultPort) != defaultPort ? QLatin1Char(':') + QString::number(url.port()) : QString());
    // The path and query exactly as signed: S3 checks the signature over the bytes it receives.
    const QByteArray query = AwsSigV4::canonicalQuery(call.query);
    return QUrl::fromEncoded(url.toEncoded(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
                                 + AwsSigV4::uriEncode(*path, true) + (query.isEmpty() ? QByteArray() : '?' + query),
                             QUrl::StrictMode);
}

S3ObjectStore::Response S3ObjectStore::sendOnce(const Call &call) const
{
    AwsSigV4::Request signing;
    signing.method = call.method;
    signing.query = call.query;
    const QUrl url = urlFor(call, &signing.host, &signing.path);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    signing.payloadHash = AwsSigV4::sha256Hex(call.body);
    signing.headers = call.headers;
    signing.headers.append({"x-amz-date", AwsSigV4::amzDate(now)});
    signing.headers.append({"x-amz-content-sha256", signing.payloadHash});
    const QByteArray authorization = AwsSigV4::authorization(
        signing, {m_profile.accessKeyId, m_secretAccessKey}, now, m_profile.region, QStringLiteral("s3"));

    return m_io.await<Response>([&](const std::function<void(Response)> &done) {
        QNetworkRequest request(url);
        request.setRawHeader("Host", signing.host.toUtf8());
        for (const auto &[name, value] : std::as_const(signing.headers))
            request.setRawHeader(name, value);
        request.setRawHeader("Authorization", authorization);
        if (call.method == "PUT" || call.method == "POST")
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/octet-stream"));
        // An inactivity timeout (no byte for this long), not a limit on the whole transfer.
        request.setTransferTimeout(static_cast<int>(m_inactivityTimeout.count()));
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *reply = call.method == "HEAD" ? m_nam->head(request)
                                                     : m_nam->sendCustomRequest(request, call.method, call.body);
        QObject::connect(reply, &QNetworkReply::finished, m_io.context(), [reply, done] {
            Response response;
            response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            response.body = reply->readAll();
            response.headers = reply->rawHeaderPairs();
            if (response.status == 0) {
                response.networkError = reply->error();
                response.networkErrorText = reply->errorString();
            }
            reply->deleteLater();
            done(std::move(response));
        });
    });
}

S3ObjectStore::Response S3ObjectStore::send(const Call &call) const
{
    if (m_io.isCurrent()) {
        // Waiting for the I/O thread on the I/O thread would never end.
        Response refused;
        refused.networkError = QNetworkReply::OperationNotImplementedError;
        refused.networkErrorText = QStringLiteral("internal error: the S3 bank was called from its own I/O thread");
        return refused;
    }
    auto delay = m_firstRetryDelay;
    for (int attempt = 0;; ++attempt) {
        Response response = sendOnce(call);
        qCDebug(lcS3).noquote() << call.method << location() + QLatin1Char('/') + call.object << "->"
                                  << response.status;
        const bool transient = response.status == 0 ? isTransient(response.networkError)
                                                    : (response.status >= 500 && response.status != 501);
        if (!transient || attempt >= m_retries)
            return response;
        qCInfo(lcS3).noquote() << "retrying" << call.method << call.object << "in" << location() << "after"
                                 << (response.status ? QString::number(response.status) : response.networkErrorText);
        QThread::msleep(static_cast<unsigned long>(delay.count() + QRandomGenerator::global()->bounded(
                                                                        static_cast<int>(delay.count() / 2 + 1))));
        delay *= 2;
    }
}

BankError S3ObjectStore::failure(BankError::Code code, const QString &object, const QString &sentence) const
{
    if (object.isEmpty())
        return BankError::make(code, QStringLiteral("Backup storage %1: %2").arg(location(), sentence), location());
    return BankError::make(code,
                           QStringLiteral("Backup storage %1, object %2: %3").arg(location(), object, sentence),
                           location() + QLatin1Char('/') + object);
}

BankError S3ObjectStore::errorFor(const Response &response, const QString &object) const
{
    if (response.status == 0)
        return failure(BankError::Code::Io, object,
                       QStringLiteral("no answer from the S3 endpoint %1 (%2). Check the endpoint of S3 profile %3 "
                                      "and the network.")
                           .arg(m_profile.endpoint.toString(), response.networkErrorText, m_profile.name));
    const QString code = xmlText(response.body, QStringLiteral("Code"));
    const QString message = xmlText(response.body, QStringLiteral("Message"));
    const QString said = QStringLiteral("S3 answered HTTP %1%2%3.")
                             .arg(response.status)
                             .arg(code.isEmpty() ? QString() : QLatin1Char(' ') + code,
                                  message.isEmpty() ? QString() : QStringLiteral(": ") + message);
    if (code == QLatin1String("NoSuchBucket"))
        return failure(BankError::Code::NotFound, object,
                       QStringLiteral("%1 The bucket %2 does not exist at %3.")
                           .arg(said, m_bucket, m_profile.endpoint.toString()));
    if (response.status == 404)
        return failure(BankError::Code::NotFound, object, said);
    if (code == QLatin1String("InvalidAccessKeyId") || code == QLatin1String("SignatureDoesNotMatch")
        || code == QLatin1String("AuthorizationHeaderMalformed") || response.status == 401)
        return failure(BankError::Code::NotWritable, object,
                       QStringLiteral("%1 Check the access key id and region of S3 profile %2 and its secret key in "
                                      "the keyring (stackvault-cli s3 add %2 ... saves both again).")
                           .arg(said, m_profile.name));
    if (code == QLatin1String("RequestTimeTooSkewed"))
        return failure(BankError::Code::Io, object,
                       QStringLiteral("%1 This computer's clock differs from the S3 service's by more than 15 "
                                      "minutes: set the clock right (NTP).")
                           .arg(said));
    if (response.status == 403 && code.isEmpty())
        // A HEAD's refusal has no body to say whether the signature or the permission was wrong.
        return failure(BankError::Code::NotWritable, object,
                       QStringLiteral("%1 Check the access key id and region of S3 profile %2 and its secret key in "
                                      "the keyring (stackvault-cli s3 add %2 ... saves both again), and that this "
                                      "key may use bucket %3.")
                           .arg(said, m_profile.name, m_bucket));
    if (response.status == 403)
        return failure(BankError::Code::NotWritable, object,
                       QStringLiteral("%1 The access key of S3 profile %2 may not do this in bucket %3: ask the "
                                      "bucket's owner for read and write access.")
                           .arg(said, m_profile.name, m_bucket));
    if (code == QLatin1String("QuotaExceeded") || code == QLatin1String("EntityTooLarge") || response.status == 507)
        return failure(BankError::Code::DiskFull, object,
                       QStringLiteral("%1 The bucket's quota is used up: free space (prune old checkpoints) or ask "
                                      "for a larger quota.")
                           .arg(said));
    if (code == QLatin1String("BadDigest") || code == QLatin1String("InvalidDigest"))
        return failure(BankError::Code::CorruptChunk, object,
                       QStringLiteral("%1 The bytes were damaged on the way.").arg(said));
    return failure(BankError::Code::Io, object, said);
}

bool S3ObjectStore::createContainer(BankError *error) const
{
    const Response head = send(Call{"HEAD", {}, {}, {}, {}});
    if (head.ok())
        return true;
    if (head.status != 404) {
        *error = errorFor(head, QString());
        return false;
    }
    Call create{"PUT", {}, {}, {}, {}};
    // Outside us-east-1, AWS wants the region named in the body of a bucket creation.
    if (m_profile.region != QLatin1String("us-east-1"))
        create.body = "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                      "<LocationConstraint>"
            + m_profile.region.toHtmlEscaped().toUtf8() + "</LocationConstraint></CreateBucketConfiguration>";
    const Response created = send(create);
    if (created.ok() || xmlText(created.body, QStringLiteral("Code")) == QLatin1String("BucketAlreadyOwnedByYou"))
        return true;
    *error = errorFor(created, QString());
    return false;
}

bool S3ObjectStore::putObject(const QString &object, const QByteArray &data, BankError *error) const
{
    if (data.size() > m_multipartThreshold)
        return putMultipart(object, data, error);
    // Content-MD5: S3 refuses (BadDigest) bytes damaged on the way; its ETag is checked as well.
    const QByteArray md5 = md5Hex(data);
    const Response response = send(Call{"PUT", object, {}, data, {{"Content-MD5", base64OfHex(md5)}}});
    if (!response.ok()) {
        *error = errorFor(response, object);
        return false;
    }
    const QByteArray etag = unquoted(response.header("ETag"));
    if (isPlainMd5Etag(etag) && etag != md5) {
        *error = failure(BankError::Code::CorruptChunk, object,
                         QStringLiteral("S3 stored bytes with the checksum %1, not %2 as sent.")
                             .arg(QString::fromLatin1(etag), QString::fromLatin1(md5)));
        return false;
    }
    return true;
}

bool S3ObjectStore::createObject(const QString &object, const QByteArray &data, bool *existed, BankError *error) const
{
    Q_ASSERT(data.size() <= m_multipartThreshold);
    *existed = false;
    const Response response =
        send(Call{"PUT", object, {}, data, {{"Content-MD5", md5Base64(data)}, {"If-None-Match", "*"}}});
    if (response.ok())
        return true;
    // 412: the object exists. 409 ConditionalRequestConflict: another conditional write of it is under
    // way (AWS); the caller reads the object next and reports if it is not there yet.
    if (response.status == 412 || response.status == 409) {
        *existed = true;
        return true;
    }
    if (response.status != 501) {
        *error = errorFor(response, object);
        return false;
    }
    qint64 size = -1;
    BankError headError;
    if (headObject(object, &size, &headError)) {
        *existed = true;
        return true;
    }
    if (headError.code != BankError::Code::NotFound) {
        *error = headError;
        return false;
    }
    return putObject(object, data, error);
}

bool S3ObjectStore::putMultipart(const QString &object, const QByteArray &data, BankError *error) const
{
    const Response started = send(Call{"POST", object, {{QStringLiteral("uploads"), QString()}}, {}, {}});
    const QString uploadId = xmlText(started.body, QStringLiteral("UploadId"));
    if (!started.ok() || uploadId.isEmpty()) {
        *error = started.ok() ? failure(BankError::Code::Io, object,
                                        QStringLiteral("S3 started a multipart upload without an UploadId."))
                              : errorFor(started, object);
        return false;
    }
    // An unfinished multipart upload keeps its parts (and their cost) until aborted.
    const auto abort = [&] {
        const Response aborted = send(Call{"DELETE", object, {{QStringLiteral("uploadId"), uploadId}}, {}, {}});
        if (!aborted.ok())
            qCWarning(lcS3).noquote() << "could not abort the multipart upload of" << object << "in" << location()
                                        << "; its parts stay until the bucket's lifecycle removes them";
    };
    // The parts go up PartsInFlight at a time, each from its own thread (send() blocks), so that one
    // round trip per part does not set the speed. A part is a view of `data`, not a copy: memory stays
    // at `data` plus what the network layer buffers for the parts in flight.
    const qint64 partCount = (data.size() + m_partSize - 1) / m_partSize;
    std::vector<QByteArray> etags(static_cast<size_t>(partCount));
    std::atomic<qint64> next{0};
    std::atomic<int> inFlight{0};
    std::atomic<int> peak{0};
    std::mutex failureMutex;
    std::optional<Response> failed;
    const auto uploadParts = [&] {
        for (;;) {
            {
                std::lock_guard lock(failureMutex);
                if (failed)
                    return;
            }
            const qint64 index = next++;
            if (index >= partCount)
                return;
            const qint64 offset = index * m_partSize;
            const QByteArray part =
                QByteArray::fromRawData(data.constData() + offset, std::min(m_partSize, data.size() - offset));
            const int now = ++inFlight;
            for (int seen = peak.load(); now > seen && !peak.compare_exchange_weak(seen, now);) {
            }
            const Response uploaded = send(Call{"PUT",
                                                object,
                                                {{QStringLiteral("partNumber"), QString::number(index + 1)},
                                                 {QStringLiteral("uploadId"), uploadId}},
                                                part,
                                                {{"Content-MD5", md5Base64(part)}}});
            --inFlight;
            if (!uploaded.ok()) {
                std::lock_guard lock(failureMutex);
                if (!failed)
                    failed = uploaded;
                return;
            }
            etags[static_cast<size_t>(index)] = uploaded.header("ETag");
        }
    };
    std::vector<std::thread> helpers;
    for (qint64 i = 1; i < std::min<qint64>(PartsInFlight, partCount); ++i)
        helpers.emplace_back(uploadParts);
    uploadParts();
    for (std::thread &helper : helpers)
        helper.join();
    m_lastPartsPeak = peak.load();
    if (failed) {
        *error = errorFor(*failed, object);
        abort();
        return false;
    }
    QByteArray complete = "<CompleteMultipartUpload>";
    for (qint64 index = 0; index < partCount; ++index) {
        complete += "<Part><PartNumber>" + QByteArray::number(index + 1) + "</PartNumber><ETag>"
            + QString::fromLatin1(etags[static_cast<size_t>(index)]).toHtmlEscaped().toUtf8() + "</ETag></Part>";
    }
    complete += "</CompleteMultipartUpload>";
    const Response completed = send(Call{"POST", object, {{QStringLiteral("uploadId"), uploadId}}, complete, {}});
    // S3 may answer 200 and still report an error in the body (it found a problem while assembling).
    const QString code = xmlText(completed.body, QStringLiteral("Code"));
    if (!completed.ok() || !code.isEmpty()) {
        *error = errorFor(completed.ok() ? Response{500, completed.body, {}, {}, {}} : completed, object);
        abort();
        return false;
    }
    return true;
}

bool S3ObjectStore::getObject(const QString &object, QByteArray *data, BankError *error) const
{
    return getObjectRange(object, -1, 0, data, error);
}

bool S3ObjectStore::getObjectRange(const QString &object, qint64 offset, qint64 length, QByteArray *data,
                                   BankError *error) const
{
    const bool ranged = offset >= 0;
    if (ranged && length <= 0) {
        data->clear();
        return true;
    }
    Call call{"GET", object, {}, {}, {}};
    if (ranged)
        call.headers.append(
            {"Range", "bytes=" + QByteArray::number(offset) + '-' + QByteArray::number(offset + length - 1)});
    const Response response = send(call);
    if (!response.ok()) {
        *error = errorFor(response, object);
        return false;
    }
    // A whole plain object must hash to its ETag: a bit flipped at rest or on the way is caught here.
    const QByteArray etag = unquoted(response.header("ETag"));
    if (!ranged && isPlainMd5Etag(etag)) {
        const QByteArray md5 = md5Hex(response.body);
        if (md5 != etag) {
            *error = failure(BankError::Code::CorruptChunk, object,
                             QStringLiteral("the object arrived damaged: its checksum is %1, S3 says %2.")
                                 .arg(QString::fromLatin1(md5), QString::fromLatin1(etag)));
            return false;
        }
    }
    *data = response.body;
    return true;
}

bool S3ObjectStore::headObject(const QString &object, qint64 *size, BankError *error) const
{
    const Response response = send(Call{"HEAD", object, {}, {}, {}});
    if (!response.ok()) {
        *error = errorFor(response, object);
        return false;
    }
    bool ok = false;
    *size = response.header("Content-Length").toLongLong(&ok);
    if (!ok)
        *size = -1;
    return true;
}

bool S3ObjectStore::objectEtag(const QString &object, QByteArray *etag, BankError *error) const
{
    const Response response = send(Call{"HEAD", object, {}, {}, {}});
    if (!response.ok()) {
        *error = errorFor(response, object);
        return false;
    }
    *etag = unquoted(response.header("ETag"));
    return true;
}

bool S3ObjectStore::deleteObject(const QString &object, bool *existed, BankError *error) const
{
    // S3 answers 204 whether or not the object was there; telling the two apart would cost a HEAD per
    // delete, and no caller needs it.
    *existed = true;
    const Response response = send(Call{"DELETE", object, {}, {}, {}});
    if (!response.ok() && response.status != 404) {
        *error = errorFor(response, object);
        return false;
    }
    return true;
}

bool S3ObjectStore::listPage(const QString &prefix, const QString &marker, int limit, Page *page,
                             BankError *error) const
{
    Call call{"GET", {}, {{QStringLiteral("prefix"), prefix}, {QStringLiteral("max-keys"), QString::number(limit)}},
              {}, {}};
    if (!marker.isEmpty())
        call.query.append({QStringLiteral("marker"), marker});
    const Response response = send(call);
    if (!response.ok()) {
        *error = errorFor(response, prefix + QLatin1Char('*'));
        return false;
    }
    page->entries.clear();
    page->atEnd = true;
    page->serverTime = QDateTime::fromString(QString::fromLatin1(response.header("Date")), Qt::RFC2822Date);
    QXmlStreamReader reader(response.body);
    Listed entry;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            if (reader.name() == QLatin1String("Contents"))
                entry = Listed{};
            else if (reader.name() == QLatin1String("Key"))
                entry.name = reader.readElementText();
            else if (reader.name() == QLatin1String("Size"))
                entry.bytes = reader.readElementText().toLongLong();
            else if (reader.name() == QLatin1String("ETag")) {
                const QByteArray etag = unquoted(reader.readElementText().toLatin1()).toLower();
                entry.md5 = etag.size() == 32 ? etag : QByteArray(); // "<hex>-<parts>": multipart, no MD5
            } else if (reader.name() == QLatin1String("LastModified"))
                entry.lastModified = QDateTime::fromString(reader.readElementText(), Qt::ISODateWithMs).toUTC();
            else if (reader.name() == QLatin1String("IsTruncated"))
                page->atEnd = reader.readElementText() != QLatin1String("true");
        } else if (reader.isEndElement() && reader.name() == QLatin1String("Contents")) {
            page->entries.append(entry);
        }
    }
    if (reader.hasError()) {
        *error = failure(BankError::Code::Io, prefix + QLatin1Char('*'),
                         QStringLiteral("S3 sent a listing that is not valid XML (%1).").arg(reader.errorString()));
        return false;
    }
    return true;
}

} // namespace sv
