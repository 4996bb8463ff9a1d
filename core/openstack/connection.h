#pragma once

#include "openstack/error.h"
#include "openstack/retrypolicy.h"
#include "openstack/servicecatalog.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>

#include <chrono>
#include <functional>
#include <memory>

class QIODevice;
class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace sv::openstack {

class AuthenticateJob;
class Session;

// The per-thread half of a cloud session: owns this thread's QNetworkAccessManager (QNAM is bound to
// the thread that created it) and is the one place that applies auth headers, the compute
// microversion, TLS settings and the User-Agent. Create one on each worker thread over the shared
// Session; jobs created with it run on that thread. Authentication runs here on demand (once for
// all jobs of this connection waiting at that moment) and stores the token in the Session, where
// other threads' connections pick it up.
class Connection : public QObject
{
    Q_OBJECT
public:
    explicit Connection(std::shared_ptr<Session> session, QObject *parent = nullptr);
    ~Connection() override;

    const std::shared_ptr<Session> &session() const { return m_session; }
    QString cloudName() const;

    void setInactivityTimeout(std::chrono::milliseconds timeout) { m_inactivityTimeout = timeout; }
    std::chrono::milliseconds inactivityTimeout() const { return m_inactivityTimeout; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    // Upper bound of a buffered (JSON) response body: a larger one, declared or received, is refused
    // instead of filling memory (a hostile or broken server). Streamed image data is not limited here.
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }
    qint64 maxResponseBytes() const { return m_maxResponseBytes; }
    const RetryPolicy &retryPolicy() const { return m_retryPolicy; }

    // Calls `done` on this thread (only while `context` lives) once the Session has a token valid
    // for the refresh margin, and for compute also the negotiated microversion; authenticates first
    // when needed. May call `done` synchronously.
    void ensureAuthenticated(ServiceType forService, QObject *context, std::function<void(const Error &)> done);
    // After a 401: forget the token if it is still the one of `generation`.
    void invalidateToken(quint64 generation);

    // The versioned base URL that job paths are relative to, from the current catalog.
    QUrl serviceBase(ServiceType type, Error *error) const;
    // The raw catalog URL (e.g. to re-base Glance links).
    QUrl catalogUrl(ServiceType type, Error *error) const;

    // Sends with X-Auth-Token (+ OpenStack-API-Version for compute and block storage) when `authenticate`, and always
    // with TLS settings, User-Agent and Accept. Returns the reply (owned by the caller) and the
    // token generation used, for invalidateToken().
    QNetworkReply *send(ServiceType service, QNetworkRequest request, const QByteArray &verb, const QByteArray &body,
                        QIODevice *bodyDevice, bool authenticate, quint64 *generation);

    QNetworkAccessManager *networkAccessManager() const { return m_nam; }
    // An error about the CA bundle found when the connection was set up (empty when fine).
    const Error &setupError() const { return m_setupError; }

private:
    struct Waiter
    {
        ServiceType service;
        QPointer<QObject> context;
        std::function<void(const Error &)> done;
    };
    bool isReady(ServiceType service) const;
    // Compute and block storage need their microversion negotiated before the first request.
    bool needsVersion(ServiceType service) const;
    void startAuthentication(ServiceType forService);
    void authenticationFinished(const Error &error);

    std::shared_ptr<Session> m_session;
    QNetworkAccessManager *m_nam = nullptr;
    QSslConfiguration m_sslConfiguration;
    Error m_setupError;
    std::chrono::milliseconds m_inactivityTimeout{60000};
    qint64 m_maxResponseBytes = 64 * 1024 * 1024; // a Nova page of 1000 servers is ~10 MiB
    RetryPolicy m_retryPolicy;
    QList<Waiter> m_waiters;
    QPointer<AuthenticateJob> m_authJob;
};

} // namespace sv::openstack
