#include "openstack/connection.h"

#include "openstack/authenticatejob.h"
#include "openstack/endpointurls.h"
#include "openstack/logging.h"
#include "openstack/session.h"
#include "util/appinfo.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>

namespace sv::openstack {

namespace {
} // namespace

Connection::Connection(std::shared_ptr<Session> session, QObject *parent)
    : QObject(parent)
    , m_session(std::move(session))
    , m_nam(new QNetworkAccessManager(this))
{
    qRegisterMetaType<sv::openstack::Error>();
    m_nam->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy); // a token never goes to another host
    m_sslConfiguration = QSslConfiguration::defaultConfiguration();
    const CloudProfile &profile = m_session->profile();
    if (!profile.caBundlePath.isEmpty()) {
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(profile.caBundlePath, QSsl::Pem);
        if (certificates.isEmpty()) {
            m_setupError = Error::make(
                Error::Kind::Tls,
                QFileInfo::exists(profile.caBundlePath)
                    ? tr("The CA bundle %1 of cloud \"%2\" holds no PEM certificate.").arg(profile.caBundlePath, cloudName())
                    : tr("The CA bundle %1 of cloud \"%2\" does not exist.").arg(profile.caBundlePath, cloudName()));
        }
        m_sslConfiguration.addCaCertificates(certificates);
    }
    if (!profile.verifyTls)
        m_sslConfiguration.setPeerVerifyMode(QSslSocket::VerifyNone);
}

Connection::~Connection() = default;

QString Connection::cloudName() const
{
    const CloudProfile &profile = m_session->profile();
    return profile.name.isEmpty() ? profile.authUrl.host() : profile.name;
}

bool Connection::isReady(ServiceType service) const
{
    if (!m_session->hasValidToken(Session::kRefreshMargin))
        return false;
    return !needsVersion(service);
}

bool Connection::needsVersion(ServiceType service) const
{
    if (service == ServiceType::Compute)
        return m_session->computeMicroversion().isNull();
    if (service == ServiceType::BlockStorage)
        return m_session->blockStorageMicroversion().isNull();
    return false;
}

void Connection::ensureAuthenticated(ServiceType forService, QObject *context, std::function<void(const Error &)> done)
{
    if (isReady(forService)) {
        done({});
        return;
    }
    m_waiters.append(Waiter{forService, context, std::move(done)});
    if (!m_authJob)
        startAuthentication(forService);
}

void Connection::startAuthentication(ServiceType forService)
{
    auto *job = new AuthenticateJob(this, needsVersion(forService) ? forService : ServiceType::Identity);
    m_authJob = job;
    connect(job, &ApiJob::finished, this, &Connection::authenticationFinished);
    job->start();
}

void Connection::authenticationFinished(const Error &error)
{
    m_authJob = nullptr;
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (!waiter.context)
            continue;
        if (!error.isOk()) {
            waiter.done(error);
        } else if (needsVersion(waiter.service)) {
            ensureAuthenticated(waiter.service, waiter.context, waiter.done); // needs the version step
        } else {
            waiter.done({}); // no re-check: a token shorter-lived than the margin must not loop
        }
    }
}

void Connection::invalidateToken(quint64 generation) { m_session->invalidateToken(generation); }

QUrl Connection::catalogUrl(ServiceType type, Error *error) const
{
    const CloudProfile &profile = m_session->profile();
    if (type == ServiceType::Identity) {
        const AuthState state = m_session->authState();
        Error ignored;
        const QUrl fromCatalog = state.catalog.endpoint(type, profile.interface, profile.regionName, &ignored);
        return fromCatalog.isValid() ? fromCatalog : profile.authUrl;
    }
    const AuthState state = m_session->authState();
    if (state.catalog.isEmpty()) {
        if (error) {
            *error = Error::make(Error::Kind::NoEndpoint,
                                 tr("Cloud \"%1\" offers no services to this login: choose a project in the cloud's "
                                    "settings.")
                                     .arg(cloudName()));
        }
        return {};
    }
    Error lookupError;
    const QUrl url = state.catalog.endpoint(type, profile.interface, profile.regionName, &lookupError);
    if (!lookupError.isOk() && error) {
        *error = lookupError;
        error->message = tr("Cloud \"%1\": %2").arg(cloudName(), lookupError.message);
    }
    return url;
}

QUrl Connection::serviceBase(ServiceType type, Error *error) const
{
    Error lookupError;
    const QUrl url = catalogUrl(type, &lookupError);
    if (!lookupError.isOk()) {
        if (error)
            *error = lookupError;
        return {};
    }
    switch (type) {
    case ServiceType::Identity:
        return endpointurls::identityBase(url);
    case ServiceType::Compute:
        return endpointurls::computeBase(url);
    case ServiceType::Image:
        return endpointurls::imageBase(url);
    case ServiceType::BlockStorage:
        return endpointurls::volumeBase(url, m_session->authState().projectId);
    case ServiceType::ObjectStore:
        return url;
    case ServiceType::Network:
        return endpointurls::networkBase(url);
    }
    return url;
}

QNetworkReply *Connection::send(ServiceType service, QNetworkRequest request, const QByteArray &verb,
                                const QByteArray &body, QIODevice *bodyDevice, bool authenticate, quint64 *generation)
{
    request.setSslConfiguration(m_sslConfiguration);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QStringLiteral("StackVault/%1 (Qt %2)").arg(applicationVersion(), QString::fromLatin1(qVersion())));
    if (!request.hasRawHeader("Accept"))
        request.setRawHeader("Accept", "application/json");
    if (authenticate) {
        // The one place a token is attached to a request.
        const AuthState state = m_session->authState();
        request.setRawHeader("X-Auth-Token", state.token);
        if (generation)
            *generation = state.generation;
        if (service == ServiceType::Compute) {
            const QVersionNumber version = m_session->computeMicroversion();
            if (!version.isNull()) {
                request.setRawHeader("OpenStack-API-Version", "compute " + version.toString().toLatin1());
                request.setRawHeader("X-OpenStack-Nova-API-Version", version.toString().toLatin1()); // before 2.27
            }
        } else if (service == ServiceType::BlockStorage) {
            const QVersionNumber version = m_session->blockStorageMicroversion();
            if (!version.isNull())
                request.setRawHeader("OpenStack-API-Version", "volume " + version.toString().toLatin1());
        }
    }
    if (verb == "GET")
        return m_nam->get(request);
    if (verb == "HEAD")
        return m_nam->head(request);
    if (verb == "DELETE" && body.isEmpty() && !bodyDevice)
        return m_nam->deleteResource(request);
    if (bodyDevice)
        return m_nam->sendCustomRequest(request, verb, bodyDevice);
    return m_nam->sendCustomRequest(request, verb, body);
}

} // namespace sv::openstack
