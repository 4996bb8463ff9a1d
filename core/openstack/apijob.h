#pragma once

#include "openstack/connection.h"
#include "openstack/error.h"
#include "openstack/servicecatalog.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <utility>


namespace sv::openstack {

// Base of every OpenStack call (after Nextcloud's AbstractNetworkJob): a subclass describes its
// request(s) and parses the answer; this class owns authentication (through the Connection), the
// inactivity timeout (reset on every byte, never wall-clock), retries with backoff and Retry-After,
// the one-time re-authentication after a 401, error mapping and cleanup. Exactly one finished()
// per start(); the job deletes itself afterwards unless setAutoDelete(false).
//
// Threading: create, start and abort a job on the thread of its Connection.
class ApiJob : public QObject
{
    Q_OBJECT
public:
    explicit ApiJob(Connection *connection, QObject *parent = nullptr);
    ~ApiJob() override;

    void start();
    // Cancels the live request; finished() follows with Kind::Canceled.
    void abort();

    bool isRunning() const { return m_running; }
    const Error &error() const { return m_error; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }
    // How many times a request was sent again (retries and resumes), for tests and diagnostics.
    int retryCount() const { return m_totalRetries; }

Q_SIGNALS:
    void finished(const sv::openstack::Error &error);

protected:
    struct Request
    {
        ServiceType service = ServiceType::Compute;
        QByteArray verb = "GET";
        QString path; // relative to the service base, may carry a query ("servers/detail?limit=100")
        QUrl url;     // absolute; wins over path (paging links, Keystone)
        QByteArray body;
        QIODevice *bodyDevice = nullptr; // streamed upload; must stay alive while the job runs
        qint64 bodySize = -1;
        QByteArray contentType = "application/json";
        QList<std::pair<QByteArray, QByteArray>> headers;
        bool idempotent = true;    // POST/PATCH: false, never retried unless it never left the machine
        bool authenticate = true;  // false only for Keystone's token request and version documents
        bool streamed = false;     // the body is delivered through onData(), not buffered
    };
    static Request makeRequest(ServiceType service, const QByteArray &verb, const QString &path);
    static Request makeJsonRequest(ServiceType service, const QByteArray &verb, const QString &path,
                                   const QJsonObject &body);

    // Called by start(): the subclass sends its first request.
    virtual void run() = 0;
    // A 2xx response arrived completely; call sendRequest() again (paging) or finish().
    virtual void onSuccess(QNetworkReply *reply, const QByteArray &body) = 0;
    // Streaming (Request::streamed): headers of a 2xx response are known / bytes are available.
    virtual void onHeaders(QNetworkReply *reply);
    virtual void onData(QNetworkReply *reply);
    // A request was just sent (also for each retry): connect progress signals here.
    virtual void onReplyCreated(QNetworkReply *reply);
    // Decides whether a transient failure is retried and may adjust the request (resume with Range).
    virtual bool prepareRetry(Request &request, const Error &error, int retriesSoFar);
    // Makes the user sentence specific ("Server web-1 is busy ..."); `message` already has a default.
    virtual void refineError(Error &error);

    void sendRequest(Request request);
    // Runs `next` once the connection is signed in and knows `service`'s microversion, for a request
    // whose body depends on it (a Cinder snapshot's `force`); finishes with the error otherwise.
    void afterAuthentication(ServiceType service, std::function<void()> next);
    void finish(Error error = {});
    // Heavy work on a response (parsing a page of a big listing) runs on the thread pool, so that the
    // connection's thread (the GUI thread for the cloud tree) stays responsive: `work` runs there and
    // returns what to do next, which runs on this job's thread, unless the job was aborted or deleted
    // meanwhile. `work` must not use the job's members (it may capture `this` for the continuation).
    using Continuation = std::function<void()>;
    void runInBackground(std::function<Continuation()> work);
    // For a failure found after a 2xx (a body cut short without a transport error): retries like a
    // dropped connection when prepareRetry() agrees; returns false when the caller must finish.
    bool retryAfterFailure(const Error &error);
    Connection *connection() const { return m_connection.data(); }
    const Request &currentRequest() const { return m_request; }
    QNetworkReply *currentReply() const { return m_reply.data(); }
    // Backpressure for streamed downloads: stop taking bytes from the reply (and stop the inactivity
    // clock: the consumer is slow, not the cloud) until resumeReading().
    void pauseReading();
    void resumeReading();
    bool isReadingPaused() const { return m_paused; }
    // 2xx and no transport error on the live reply.
    bool replyIsSuccess(QNetworkReply *reply) const;
    static QJsonObject parseObject(const QByteArray &body, Error *error);
    // The href of the rel=next entry of a Nova/Cinder "*_links" list; empty on the last page.
    static QString nextLink(const QJsonArray &links);
    // Our own `service` URL for `path` with the query (marker, limit, filters) of a paging link.
    QUrl pagingUrl(ServiceType service, const QString &path, const QString &link, Error *error) const;

private:
    void dispatch();
    void sendNow();
    void handleFinished();
    void handleReadyRead();
    void handleMetaData();
    void handleInactivity();
    void restartInactivityTimer();
    // Aborts a buffered reply whose body (declared or received) exceeds the connection's limit.
    bool checkBodySize(qint64 bytes);
    void scheduleRetry(const Error &error, QNetworkReply *reply);
    Error errorFromReply(QNetworkReply *reply, const QByteArray &body) const;
    void releaseReply();

    QPointer<Connection> m_connection;
    Request m_request;
    QPointer<QNetworkReply> m_reply;
    QTimer m_inactivityTimer;
    QTimer m_retryTimer;
    QList<QSslError> m_sslErrors;
    Error m_error;
    quint64 m_tokenGeneration = 0;
    int m_retries = 0;
    int m_lastTransportError = 0; // QNetworkReply::NetworkError of the last failure, 0 when none
    int m_totalRetries = 0;
    bool m_reauthenticated = false;
    bool m_timedOut = false;
    bool m_tooLarge = false; // the body passed Connection::maxResponseBytes(); the reply was aborted
    bool m_running = false;
    bool m_paused = false;
    bool m_finishPending = false;
    bool m_headersSeen = false;
    bool m_autoDelete = true;
};

} // namespace sv::openstack
