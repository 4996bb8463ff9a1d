#include "openstack/apijob.h"

#include "openstack/connection.h"
#include "openstack/endpointurls.h"
#include "openstack/logging.h"
#include "openstack/redaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFutureWatcher>
#include <QPromise>
#include <QThreadPool>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>

namespace sv::openstack {

namespace {
// Upper bound of bytes a streamed reply buffers before Qt stops reading the socket, so that a slow
// consumer (pauseReading) holds back the sender instead of growing memory. 4 MiB rather than 16: a
// backup's consumer (ImageWriter) keeps 16 MiB in flight of its own, and the smaller buffer measured
// less sys time (fewer pages faulted in again) and 5 MiB less peak RSS at the same speed.
constexpr qint64 kStreamReadBuffer = 4 * 1024 * 1024;


// The first segment of a relative request path (before any query) that is not a plain name: "." and
// "..", or one with a backslash or a percent-escape; a null string when all are fine.
QString unsafePathSegment(const QString &path)
{
    const QString pathPart = path.section(QLatin1Char('?'), 0, 0);
    const QStringList segments = pathPart.split(QLatin1Char('/'));
    for (const QString &segment : segments) {
        if (segment == QLatin1String(".") || segment == QLatin1String("..") || segment.contains(QLatin1Char('\\'))
            || segment.contains(QLatin1Char('%')) || segment.contains(QLatin1Char('#')))
            return segment;
    }
    return {};
}

bool isTransportError(QNetworkReply::NetworkError error)
{
    // 1..99: connection-level errors (refused, closed, host not found, timeout, TLS, temporary failure),
    // but not a refused redirect: that is the server's answer, and asking again changes nothing.
    if (error == QNetworkReply::InsecureRedirectError || error == QNetworkReply::TooManyRedirectsError)
        return false;
    return error > QNetworkReply::NoError && error < QNetworkReply::ProxyConnectionRefusedError;
}

std::chrono::milliseconds retryAfter(QNetworkReply *reply, std::chrono::milliseconds cap, bool *found)
{
    *found = false;
    const QByteArray value = reply->rawHeader("Retry-After").trimmed();
    if (value.isEmpty())
        return {};
    bool ok = false;
    const qint64 seconds = value.toLongLong(&ok);
    qint64 ms = -1;
    if (ok) {
        ms = seconds * 1000;
    } else {
        const QDateTime when = QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date);
        if (when.isValid())
            ms = QDateTime::currentDateTimeUtc().msecsTo(when);
    }
    if (ms < 0)
        return {};
    *found = true;
    return std::min(std::chrono::milliseconds(ms), cap);
}
} // namespace

ApiJob::ApiJob(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
    m_inactivityTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_inactivityTimer, &QTimer::timeout, this, &ApiJob::handleInactivity);
    connect(&m_retryTimer, &QTimer::timeout, this, &ApiJob::dispatch);
}

ApiJob::~ApiJob() { releaseReply(); }

ApiJob::Request ApiJob::makeRequest(ServiceType service, const QByteArray &verb, const QString &path)
{
    Request request;
    request.service = service;
    request.verb = verb;
    request.path = path;
    request.idempotent = verb != "POST" && verb != "PATCH";
    return request;
}

ApiJob::Request ApiJob::makeJsonRequest(ServiceType service, const QByteArray &verb, const QString &path,
                                        const QJsonObject &body)
{
    Request request = makeRequest(service, verb, path);
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return request;
}

void ApiJob::start()
{
    if (m_running)
        return;
    m_running = true;
    m_error = {};
    if (!m_connection) {
        finish(Error::make(Error::Kind::InvalidArgument, tr("The connection to the cloud is gone.")));
        return;
    }
    if (!m_connection->setupError().isOk()) {
        finish(m_connection->setupError());
        return;
    }
    run();
}

void ApiJob::abort()
{
    if (!m_running)
        return;
    finish(Error::make(Error::Kind::Canceled, Error::defaultSentence(Error::Kind::Canceled, 0, {})));
}

void ApiJob::onHeaders(QNetworkReply *) {}

void ApiJob::onData(QNetworkReply *) {}

void ApiJob::onReplyCreated(QNetworkReply *) {}

void ApiJob::refineError(Error &) {}

bool ApiJob::prepareRetry(Request &request, const Error &error, int retriesSoFar)
{
    if (!m_connection || retriesSoFar >= m_connection->retryPolicy().maxRetries)
        return false;
    if (request.bodyDevice) {
        // A streamed upload can only be sent again if it can be rewound.
        if (request.bodyDevice->isSequential() || !request.bodyDevice->seek(0))
            return false;
    }
    if (request.idempotent)
        return true;
    // Never repeat a POST that may have reached the service (it could create a second server or
    // snapshot); only when the connection was refused or the host unknown did it certainly not.
    Q_UNUSED(error)
    return m_lastTransportError == QNetworkReply::ConnectionRefusedError
        || m_lastTransportError == QNetworkReply::HostNotFoundError;
}

void ApiJob::sendRequest(Request request)
{
    if (!m_running)
        return;
    m_request = std::move(request);
    m_retries = 0;
    m_reauthenticated = false;
    dispatch();
}

void ApiJob::afterAuthentication(ServiceType service, std::function<void()> next)
{
    if (!m_running || !m_connection)
        return;
    m_connection->ensureAuthenticated(service, this, [this, next = std::move(next)](const Error &error) {
        if (!m_running)
            return;
        if (!error.isOk())
            return finish(error);
        next();
    });
}

void ApiJob::dispatch()
{
    if (!m_running || !m_connection)
        return;
    if (!m_request.authenticate) {
        sendNow();
        return;
    }
    m_connection->ensureAuthenticated(m_request.service, this, [this](const Error &error) {
        if (!m_running)
            return;
        if (!error.isOk()) {
            finish(error);
            return;
        }
        sendNow();
    });
}

void ApiJob::sendNow()
{
    QUrl url = m_request.url;
    if (!url.isValid()) {
        if (const QString bad = unsafePathSegment(m_request.path); !bad.isNull()) {
            // Ids come from the cloud; one such as "../../v3/auth/tokens" must not steer a request
            // (with our token) to another path.
            finish(Error::make(Error::Kind::Protocol,
                               tr("Refusing to send a request for \"%1\": the cloud returned an id with path "
                                  "characters in it (\"%2\").")
                                   .arg(m_request.path.left(200), bad.left(100))));
            return;
        }
        Error error;
        const QUrl base = m_connection->serviceBase(m_request.service, &error);
        if (!error.isOk()) {
            finish(error);
            return;
        }
        url = endpointurls::join(base, m_request.path);
    }
    const QStringList urlSegments = url.path(QUrl::FullyDecoded).split(QLatin1Char('/'));
    if (urlSegments.contains(QLatin1String("..")) || urlSegments.contains(QLatin1String("."))) {
        // A paging link of the cloud's must not walk out of the service's path either.
        finish(Error::make(Error::Kind::Protocol,
                           tr("Refusing to follow a link of the cloud with \"..\" in its path (%1).")
                               .arg(redact(url.toString()).left(300))));
        return;
    }
    QNetworkRequest request(url);
    if (!m_request.body.isEmpty() || m_request.bodyDevice)
        request.setHeader(QNetworkRequest::ContentTypeHeader, m_request.contentType);
    if (m_request.bodyDevice) {
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        if (m_request.bodySize >= 0)
            request.setHeader(QNetworkRequest::ContentLengthHeader, m_request.bodySize);
    }
    for (const auto &[name, value] : std::as_const(m_request.headers))
        request.setRawHeader(name, value);

    releaseReply();
    m_sslErrors.clear();
    m_timedOut = false;
    m_tooLarge = false;
    m_headersSeen = false;
    m_finishPending = false;
    m_lastTransportError = 0;
    qCDebug(lcOpenStack).noquote() << m_request.verb << redact(url.toString());
    QNetworkReply *reply = m_connection->send(m_request.service, request, m_request.verb, m_request.body,
                                              m_request.bodyDevice, m_request.authenticate, &m_tokenGeneration);
    m_reply = reply;
    if (m_request.streamed)
        reply->setReadBufferSize(kStreamReadBuffer);
    connect(reply, &QNetworkReply::finished, this, &ApiJob::handleFinished);
    connect(reply, &QNetworkReply::metaDataChanged, this, &ApiJob::handleMetaData);
    connect(reply, &QIODevice::readyRead, this, &ApiJob::handleReadyRead);
    connect(reply, &QNetworkReply::downloadProgress, this, [this](qint64 received) {
        if (checkBodySize(received))
            return;
        if (!m_paused)
            restartInactivityTimer();
    });
    connect(reply, &QNetworkReply::uploadProgress, this, &ApiJob::restartInactivityTimer);
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) { m_sslErrors += errors; });
    restartInactivityTimer();
    onReplyCreated(reply);
}

void ApiJob::restartInactivityTimer()
{
    if (m_connection && m_reply)
        m_inactivityTimer.start(m_connection->inactivityTimeout());
}

void ApiJob::handleInactivity()
{
    if (!m_reply || m_paused)
        return;
    m_timedOut = true;
    qCInfo(lcOpenStack).noquote() << "no data for" << m_connection->inactivityTimeout().count() << "ms from"
                                  << m_reply->url().host() << "- aborting the request";
    m_reply->abort(); // emits finished(), handled as a timeout
}

bool ApiJob::replyIsSuccess(QNetworkReply *reply) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return status >= 200 && status < 300 && !isTransportError(reply->error());
}

bool ApiJob::checkBodySize(qint64 bytes)
{
    if (!m_reply || m_request.streamed || !m_connection || m_tooLarge || bytes <= m_connection->maxResponseBytes())
        return false;
    m_tooLarge = true;
    qCWarning(lcOpenStack).noquote() << "response from" << m_reply->url().host() << "exceeds"
                                     << m_connection->maxResponseBytes() << "bytes - aborting";
    // Not from inside the reply's own signal (Qt would report the error twice): right after it.
    QMetaObject::invokeMethod(m_reply.data(), &QNetworkReply::abort, Qt::QueuedConnection);
    return true;
}

void ApiJob::handleMetaData()
{
    if (!m_reply)
        return;
    const QVariant declared = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (declared.isValid() && checkBodySize(declared.toLongLong()))
        return;
    restartInactivityTimer();
    if (m_request.streamed && !m_headersSeen && replyIsSuccess(m_reply)) {
        m_headersSeen = true;
        onHeaders(m_reply);
    }
}

void ApiJob::handleReadyRead()
{
    if (!m_reply || !m_running)
        return;
    if (!m_request.streamed && checkBodySize(m_reply->bytesAvailable()))
        return;
    if (!m_paused)
        restartInactivityTimer();
    if (!m_request.streamed || m_paused || !replyIsSuccess(m_reply))
        return;
    if (!m_headersSeen) {
        m_headersSeen = true;
        onHeaders(m_reply);
    }
    if (m_running && m_reply && !m_paused)
        onData(m_reply);
}

void ApiJob::pauseReading()
{
    m_paused = true;
    m_inactivityTimer.stop();
}

void ApiJob::resumeReading()
{
    if (!m_paused)
        return;
    m_paused = false;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_running || !m_reply || m_paused)
                return;
            if (m_finishPending) {
                m_finishPending = false;
                handleFinished();
            } else {
                restartInactivityTimer();
                if (m_reply->bytesAvailable() > 0)
                    handleReadyRead();
            }
        },
        Qt::QueuedConnection);
}

void ApiJob::handleFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || !m_running)
        return;
    m_inactivityTimer.stop();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool success = replyIsSuccess(reply);

    if (success && m_request.streamed) {
        if (!m_headersSeen) {
            m_headersSeen = true;
            onHeaders(reply);
        }
        // Drain what is left; a paused consumer gets it after resumeReading().
        while (m_running && m_reply == reply && !m_paused && reply->bytesAvailable() > 0)
            onData(reply);
        if (!m_running || m_reply != reply)
            return;
        if (m_paused && reply->bytesAvailable() > 0) {
            m_finishPending = true;
            return;
        }
    }

    disconnect(reply, nullptr, this, nullptr);
    m_reply = nullptr;
    reply->deleteLater();

    if (success) {
        const QByteArray body = m_request.streamed ? QByteArray() : reply->readAll();
        qCDebug(lcOpenStack).noquote() << status << m_request.verb << redact(reply->url().toString());
        onSuccess(reply, body);
        return;
    }

    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    m_lastTransportError = isTransportError(reply->error()) ? int(reply->error()) : 0;
    Error error = errorFromReply(reply, body);

    if (error.httpStatus == 401 && m_request.authenticate && !m_reauthenticated && m_connection) {
        // The token expired or was revoked: log in again once and repeat this request once.
        qCInfo(lcOpenStack).noquote() << "401 from" << reply->url().host() << "- authenticating again";
        m_reauthenticated = true;
        m_connection->invalidateToken(m_tokenGeneration);
        dispatch();
        return;
    }

    const bool transient = (error.kind == Error::Kind::Network || error.kind == Error::Kind::Timeout)
        || status == 502 || status == 503 || status == 504 || status == 429;
    if (transient && prepareRetry(m_request, error, m_retries)) {
        scheduleRetry(error, reply);
        return;
    }
    refineError(error);
    finish(error);
}

bool ApiJob::retryAfterFailure(const Error &error)
{
    if (!m_running || !m_connection || !prepareRetry(m_request, error, m_retries))
        return false;
    scheduleRetry(error, nullptr);
    return true;
}

void ApiJob::scheduleRetry(const Error &error, QNetworkReply *reply)
{
    const RetryPolicy &policy = m_connection->retryPolicy();
    bool haveRetryAfter = false;
    std::chrono::milliseconds delay = reply ? retryAfter(reply, policy.maxRetryAfter, &haveRetryAfter)
                                            : std::chrono::milliseconds(0);
    if (!haveRetryAfter) {
        const qint64 base = policy.initialDelay.count() << std::min(m_retries, 16);
        const qint64 capped = std::min<qint64>(base, policy.maxDelay.count());
        // +-20 % jitter, so that many workers do not hammer a recovering service in lockstep
        const qint64 jitter = capped / 5;
        delay = std::chrono::milliseconds(
            capped + (jitter > 0 ? QRandomGenerator::global()->bounded(2 * jitter + 1) - jitter : 0));
    }
    ++m_retries;
    ++m_totalRetries;
    qCInfo(lcOpenStack).noquote() << "retry" << m_retries << "of" << m_request.verb << m_request.path << "in"
                                  << delay.count()
                                  << "ms after" << error.toLogString();
    m_retryTimer.start(delay);
}

Error ApiJob::errorFromReply(QNetworkReply *reply, const QByteArray &body) const
{
    Error error;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    error.host = reply->url().host();
    error.requestId = QString::fromLatin1(reply->rawHeader("x-openstack-request-id"));
    if (error.requestId.isEmpty())
        error.requestId = QString::fromLatin1(reply->rawHeader("x-compute-request-id"));
    const QString cloud = m_connection ? m_connection->cloudName() : QString();

    if (m_tooLarge) {
        error.kind = Error::Kind::Protocol;
        error.httpStatus = status;
        error.message = tr("%1 (cloud \"%2\") sent a response larger than %3 MiB where a small JSON document was "
                           "expected; StackVault stopped reading it. The server is broken or not an OpenStack service.")
                            .arg(error.host, cloud)
                            .arg(m_connection ? m_connection->maxResponseBytes() / (1024.0 * 1024.0) : 0.0);
        return error;
    }
    if (m_timedOut) {
        error.kind = Error::Kind::Timeout;
        error.message = tr("The cloud \"%1\" (%2) sent no data for %3 seconds; the request was given up.")
                            .arg(cloud, error.host)
                            .arg(m_connection ? m_connection->inactivityTimeout().count() / 1000.0 : 0.0);
        return error;
    }
    if (reply->error() == QNetworkReply::SslHandshakeFailedError || !m_sslErrors.isEmpty()) {
        QStringList reasons;
        for (const QSslError &sslError : m_sslErrors)
            reasons.append(sslError.errorString());
        if (reasons.isEmpty())
            reasons.append(reply->errorString());
        reasons.removeDuplicates();
        error.kind = Error::Kind::Tls;
        error.serviceMessage = redact(reasons.join(QLatin1String("; ")));
        error.message = tr("The secure connection to %1 (cloud \"%2\") failed: %3. Check the cloud's CA bundle "
                           "setting, or turn off certificate verification only if you trust this network.")
                            .arg(error.host, cloud, error.serviceMessage);
        return error;
    }
    if (reply->error() == QNetworkReply::InsecureRedirectError || reply->error() == QNetworkReply::TooManyRedirectsError
        || (status >= 300 && status < 400)) {
        // Redirects are followed only within the same host and scheme: a token never leaves the cloud.
        error.kind = Error::Kind::HttpError;
        error.httpStatus = status;
        error.serviceMessage = redact(QString::fromLatin1(reply->rawHeader("Location")).left(300));
        error.message = tr("%1 (cloud \"%2\") redirected the request to another place (%3); StackVault does not "
                           "follow redirects to other hosts, so that credentials never leave the cloud.")
                            .arg(error.host, cloud, error.serviceMessage);
        return error;
    }
    if (status != 0 && isTransportError(reply->error())) {
        error.kind = Error::Kind::Network;
        error.httpStatus = status;
        error.serviceMessage = redact(reply->errorString());
        error.message = tr("The connection to %1 (cloud \"%2\") broke off before the whole response arrived (%3).")
                            .arg(error.host, cloud, error.serviceMessage);
        return error;
    }
    if (status == 0 || isTransportError(reply->error())) {
        error.kind = Error::Kind::Network;
        error.httpStatus = status;
        error.serviceMessage = redact(reply->errorString());
        error.message = tr("Cannot reach %1 (cloud \"%2\"): %3.").arg(error.host, cloud, error.serviceMessage);
        return error;
    }
    error.httpStatus = status;
    error.kind = Error::kindForStatus(status);
    if (error.kind == Error::Kind::None)
        error.kind = Error::Kind::HttpError; // e.g. an unfollowed 3xx
    error.serviceMessage = Error::parseServiceMessage(body);
    error.message = Error::defaultSentence(error.kind, status, error.serviceMessage);
    return error;
}

void ApiJob::finish(Error error)
{
    if (!m_running)
        return;
    m_running = false;
    m_inactivityTimer.stop();
    m_retryTimer.stop();
    releaseReply();
    m_error = std::move(error);
    if (!m_error.isOk() && m_error.kind != Error::Kind::Canceled)
        qCWarning(lcOpenStack).noquote() << metaObject()->className() << m_error.toLogString();
    Q_EMIT finished(m_error);
    if (m_autoDelete)
        deleteLater();
}

void ApiJob::runInBackground(std::function<Continuation()> work)
{
    auto promise = std::make_shared<QPromise<Continuation>>();
    auto *watcher = new QFutureWatcher<Continuation>(this); // deleted with the job: nothing runs then
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Continuation next = watcher->future().resultCount() > 0 ? watcher->result() : Continuation();
        if (m_running && next)
            next();
    });
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, work = std::move(work)] {
        promise->addResult(work());
        promise->finish();
    });
}

void ApiJob::releaseReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    if (reply->isRunning())
        reply->abort();
    reply->deleteLater();
}

QJsonObject ApiJob::parseObject(const QByteArray &body, Error *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        if (error) {
            *error = Error::make(Error::Kind::Protocol,
                                 tr("The cloud sent a response that is not the expected JSON object (%1).")
                                     .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                                        : tr("not an object")));
        }
        return {};
    }
    return document.object();
}

QString ApiJob::nextLink(const QJsonArray &links)
{
    for (const QJsonValue &link : links) {
        const QJsonObject object = link.toObject();
        if (object.value(QLatin1String("rel")).toString() == QLatin1String("next"))
            return object.value(QLatin1String("href")).toString();
    }
    return {};
}

QUrl ApiJob::pagingUrl(ServiceType service, const QString &path, const QString &link, Error *error) const
{
    // Nova and Cinder write their own idea of their host into paging links, which is wrong behind
    // proxies: keep our endpoint and take only the query.
    const QUrl base = m_connection ? m_connection->serviceBase(service, error) : QUrl();
    if (!base.isValid())
        return {};
    return endpointurls::withQueryOf(endpointurls::join(base, path), link);
}

} // namespace sv::openstack
