#include "openstack/authenticatejob.h"

#include "openstack/connection.h"
#include "openstack/endpointurls.h"
#include "openstack/logging.h"
#include "openstack/session.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QNetworkReply>
#include <QTimeZone>
#include <QVersionNumber>

namespace sv::openstack {

namespace {

QDateTime parseKeystoneTime(const QString &text)
{
    // "2015-11-07T02:58:43.578887Z": Qt reads at most milliseconds, so cut the fraction to three digits.
    QString value = text;
    const qsizetype dot = value.indexOf(QLatin1Char('.'));
    if (dot > 0) {
        qsizetype end = dot + 1;
        while (end < value.size() && value.at(end).isDigit())
            ++end;
        value = value.left(std::min(end, dot + 4)) + value.mid(end);
    }
    QDateTime time = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (time.isValid() && !value.endsWith(QLatin1Char('Z')) && !value.contains(QLatin1Char('+'))
        && value.lastIndexOf(QLatin1Char('-')) < 10)
        time.setTimeZone(QTimeZone::utc()); // Keystone times without an offset are UTC
    return time;
}
} // namespace

AuthenticateJob::AuthenticateJob(Connection *connection, ServiceType versionOf)
    : ApiJob(connection)
    , m_versionOf(versionOf)
{
}

void AuthenticateJob::run()
{
    if (connection()->session()->hasValidToken(Session::kRefreshMargin)) {
        // Another thread refreshed the token meanwhile; only a service version may be missing.
        continueAfterToken();
        return;
    }
    m_step = Step::Token;
    const CloudProfile &profile = connection()->session()->profile();
    Request request = makeRequest(ServiceType::Identity, "POST", {});
    request.url = endpointurls::join(endpointurls::identityBase(profile.authUrl), QStringLiteral("auth/tokens"));
    request.body = connection()->session()->authRequestBody();
    request.authenticate = false;
    request.idempotent = true; // asking for a token twice is harmless
    sendRequest(request);
}

void AuthenticateJob::onSuccess(QNetworkReply *reply, const QByteArray &body)
{
    if (m_step == Step::Token)
        handleToken(reply, body);
    else if (m_versionOf == ServiceType::BlockStorage)
        handleBlockStorageVersion(body);
    else
        handleComputeVersion(body);
}

void AuthenticateJob::handleToken(QNetworkReply *reply, const QByteArray &body)
{
    const QByteArray token = reply->rawHeader("X-Subject-Token");
    Error error;
    const QJsonObject root = parseObject(body, &error);
    if (!error.isOk() || token.isEmpty()) {
        finish(Error::make(Error::Kind::Protocol,
                           tr("The identity service of cloud \"%1\" answered without a token; is the auth URL "
                              "a Keystone v3 endpoint?")
                               .arg(connection()->cloudName())));
        return;
    }
    const QJsonObject tokenObject = root.value(QLatin1String("token")).toObject();
    AuthState state;
    state.token = token;
    const QDateTime expires = parseKeystoneTime(tokenObject.value(QLatin1String("expires_at")).toString());
    const QDateTime issued = parseKeystoneTime(tokenObject.value(QLatin1String("issued_at")).toString());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Measure the lifetime on the server's clock and apply it to ours: immune to clock skew.
    qint64 lifetime = 3600;
    if (expires.isValid() && issued.isValid())
        lifetime = issued.secsTo(expires);
    else if (expires.isValid())
        lifetime = now.secsTo(expires);
    state.obtainedAt = now;
    state.expiresAt = now.addSecs(std::max<qint64>(lifetime, 1));
    state.catalog = ServiceCatalog::fromJson(tokenObject.value(QLatin1String("catalog")).toArray());
    const QJsonObject project = tokenObject.value(QLatin1String("project")).toObject();
    state.projectId = project.value(QLatin1String("id")).toString();
    state.projectName = project.value(QLatin1String("name")).toString();
    state.userId = tokenObject.value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString();
    for (const QJsonValue &role : tokenObject.value(QLatin1String("roles")).toArray())
        state.roles.append(role.toObject().value(QLatin1String("name")).toString());
    connection()->session()->storeAuthState(state);
    qCInfo(lcOpenStack).noquote() << "authenticated to" << connection()->cloudName() << "project"
                                  << state.projectName << "token valid for" << lifetime << "s";
    continueAfterToken();
}

void AuthenticateJob::continueAfterToken()
{
    if (m_versionOf == ServiceType::Compute || m_versionOf == ServiceType::BlockStorage)
        requestServiceVersion();
    else
        finish();
}

void AuthenticateJob::requestServiceVersion()
{
    m_step = Step::ServiceVersion;
    Error error;
    const QUrl base = connection()->serviceBase(m_versionOf, &error);
    if (!error.isOk()) {
        finish(error);
        return;
    }
    Request request = makeRequest(m_versionOf, "GET", {});
    request.url = m_versionOf == ServiceType::Compute ? endpointurls::computeVersionUrl(base)
                                                      : endpointurls::volumeVersionUrl(base);
    request.authenticate = false; // version documents are public; we are inside authentication anyway
    sendRequest(request);
}

void AuthenticateJob::handleComputeVersion(const QByteArray &body)
{
    Error error;
    const QJsonObject root = parseObject(body, &error);
    QJsonObject version = root.value(QLatin1String("version")).toObject();
    if (version.isEmpty()) {
        // Some deployments answer with the version list; take v2.1 from it.
        const QJsonArray versions = root.value(QLatin1String("versions")).toArray();
        for (const QJsonValue &value : versions) {
            if (value.toObject().value(QLatin1String("id")).toString() == QLatin1String("v2.1"))
                version = value.toObject();
        }
    }
    const QVersionNumber cloudMax = QVersionNumber::fromString(version.value(QLatin1String("version")).toString());
    connection()->session()->storeComputeVersions(cloudMax);
    qCInfo(lcOpenStack).noquote() << "compute of" << connection()->cloudName() << "offers up to"
                                  << (cloudMax.isNull() ? QStringLiteral("2.1") : cloudMax.toString()) << "- using"
                                  << connection()->session()->computeMicroversion().toString();
    finish();
}

void AuthenticateJob::handleBlockStorageVersion(const QByteArray &body)
{
    Error error;
    const QJsonObject root = parseObject(body, &error);
    // GET /v3/ answers {"versions": [{"id": "v3.0", "version": "3.70", ...}]}; some proxies {"version": {...}}.
    QJsonObject version = root.value(QLatin1String("version")).toObject();
    const QJsonArray versions = root.value(QLatin1String("versions")).toArray();
    for (const QJsonValue &value : versions) {
        if (value.toObject().value(QLatin1String("id")).toString().startsWith(QLatin1String("v3")))
            version = value.toObject();
    }
    const QVersionNumber cloudMax = QVersionNumber::fromString(version.value(QLatin1String("version")).toString());
    connection()->session()->storeBlockStorageVersions(cloudMax);
    qCInfo(lcOpenStack).noquote() << "block storage of" << connection()->cloudName() << "offers up to"
                                  << (cloudMax.isNull() ? QStringLiteral("3.0") : cloudMax.toString()) << "- using"
                                  << connection()->session()->blockStorageMicroversion().toString();
    finish();
}

void AuthenticateJob::refineError(Error &error)
{
    const CloudProfile &profile = connection()->session()->profile();
    const QString cloud = connection()->cloudName();
    if (m_step == Step::ServiceVersion && m_versionOf == ServiceType::BlockStorage
        && error.kind != Error::Kind::Canceled) {
        // 3.0 is what every Cinder v3 speaks; the volume request itself reports any real problem.
        qCInfo(lcOpenStack).noquote() << "block storage version of" << cloud << "unreadable (" << error.message
                                      << ") - using 3.0";
        connection()->session()->storeBlockStorageVersions({});
        error = {};
        return;
    }
    if (m_step == Step::ServiceVersion) {
        error.message = tr("Cannot read the compute API version of cloud \"%1\": %2").arg(cloud, error.message);
        return;
    }
    switch (error.kind) {
    case Error::Kind::Authentication:
        error.message = profile.authType == AuthType::ApplicationCredential
            ? tr("The application credential for cloud \"%1\" was not accepted (wrong id, name or secret, or it "
                 "has expired).")
                  .arg(cloud)
            : tr("Wrong user name or password for cloud \"%1\".").arg(cloud);
        break;
    case Error::Kind::NotFound:
        error.message = tr("There is no Keystone v3 identity service at %1 (cloud \"%2\"); check the auth URL.")
                            .arg(endpointurls::identityBase(profile.authUrl).toString(), cloud);
        break;
    case Error::Kind::BadRequest:
    case Error::Kind::Forbidden:
        error.message = tr("The identity service of cloud \"%1\" refused the login: %2")
                            .arg(cloud, error.serviceMessage.isEmpty() ? error.message : error.serviceMessage);
        break;
    default:
        break;
    }
}

} // namespace sv::openstack
