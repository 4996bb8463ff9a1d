#include "openstack/session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sv::openstack {

namespace {
QJsonObject domainOf(const QString &id, const QString &name)
{
    if (!id.isEmpty())
        return {{QStringLiteral("id"), id}};
    return {{QStringLiteral("name"), name.isEmpty() ? QStringLiteral("Default") : name}};
}
} // namespace

QVersionNumber Session::maxSupportedComputeVersion() { return QVersionNumber(2, 79); }

QVersionNumber Session::maxSupportedBlockStorageVersion() { return QVersionNumber(3, 66); }

std::shared_ptr<Session> Session::create(CloudProfile profile, QString secret)
{
    return std::make_shared<Session>(std::move(profile), std::move(secret));
}

Session::Session(CloudProfile profile, QString secret)
    : m_profile(std::move(profile))
    , m_secret(std::move(secret))
{
}

AuthState Session::authState() const
{
    QMutexLocker locker(&m_mutex);
    return m_state;
}

bool Session::hasValidToken(std::chrono::seconds margin) const
{
    QMutexLocker locker(&m_mutex);
    if (!m_state.isValid())
        return false;
    // A token that lives shorter than twice the margin (test clouds, strict policies) is refreshed
    // after half its life instead of at once.
    const qint64 lifetime = m_state.obtainedAt.secsTo(m_state.expiresAt);
    const qint64 effectiveMargin = std::min<qint64>(margin.count(), lifetime / 2);
    return QDateTime::currentDateTimeUtc().addSecs(effectiveMargin) < m_state.expiresAt;
}

void Session::storeAuthState(AuthState state)
{
    QMutexLocker locker(&m_mutex);
    state.generation = ++m_generation;
    m_state = std::move(state);
}

void Session::invalidateToken(quint64 generation)
{
    QMutexLocker locker(&m_mutex);
    if (m_state.generation == generation)
        m_state.token.clear();
}

QVersionNumber Session::computeMicroversion() const
{
    QMutexLocker locker(&m_mutex);
    return m_computeVersion;
}

QVersionNumber Session::computeMaxVersion() const
{
    QMutexLocker locker(&m_mutex);
    return m_computeMax;
}

void Session::storeComputeVersions(const QVersionNumber &cloudMax)
{
    QMutexLocker locker(&m_mutex);
    m_computeMax = cloudMax;
    // A cloud without microversions (max empty) speaks 2.1.
    const QVersionNumber offered = cloudMax.isNull() ? QVersionNumber(2, 1) : cloudMax;
    m_computeVersion = QVersionNumber::compare(offered, maxSupportedComputeVersion()) < 0
        ? offered
        : maxSupportedComputeVersion();
}

QVersionNumber Session::blockStorageMicroversion() const
{
    QMutexLocker locker(&m_mutex);
    return m_blockStorageVersion;
}

void Session::storeBlockStorageVersions(const QVersionNumber &cloudMax)
{
    QMutexLocker locker(&m_mutex);
    const QVersionNumber offered = cloudMax.isNull() ? QVersionNumber(3, 0) : cloudMax;
    m_blockStorageVersion = QVersionNumber::compare(offered, maxSupportedBlockStorageVersion()) < 0
        ? offered
        : maxSupportedBlockStorageVersion();
}

QByteArray Session::authRequestBody() const
{
    QJsonObject identity;
    if (m_profile.authType == AuthType::ApplicationCredential) {
        QJsonObject credential{{QStringLiteral("secret"), m_secret}};
        if (!m_profile.applicationCredentialId.isEmpty()) {
            credential.insert(QStringLiteral("id"), m_profile.applicationCredentialId);
        } else {
            credential.insert(QStringLiteral("name"), m_profile.applicationCredentialName);
            QJsonObject user;
            if (!m_profile.userId.isEmpty()) {
                user.insert(QStringLiteral("id"), m_profile.userId);
            } else {
                user.insert(QStringLiteral("name"), m_profile.userName);
                user.insert(QStringLiteral("domain"), domainOf(m_profile.userDomainId, m_profile.userDomainName));
            }
            credential.insert(QStringLiteral("user"), user);
        }
        identity = {{QStringLiteral("methods"), QJsonArray{QStringLiteral("application_credential")}},
                    {QStringLiteral("application_credential"), credential}};
        // An application credential is already scoped; Keystone rejects a scope block.
        return QJsonDocument(QJsonObject{{QStringLiteral("auth"), QJsonObject{{QStringLiteral("identity"), identity}}}})
            .toJson(QJsonDocument::Compact);
    }

    QJsonObject user{{QStringLiteral("password"), m_secret}};
    if (!m_profile.userId.isEmpty()) {
        user.insert(QStringLiteral("id"), m_profile.userId);
    } else {
        user.insert(QStringLiteral("name"), m_profile.userName);
        user.insert(QStringLiteral("domain"), domainOf(m_profile.userDomainId, m_profile.userDomainName));
    }
    identity = {{QStringLiteral("methods"), QJsonArray{QStringLiteral("password")}},
                {QStringLiteral("password"), QJsonObject{{QStringLiteral("user"), user}}}};
    QJsonObject auth{{QStringLiteral("identity"), identity}};
    if (!m_profile.projectId.isEmpty()) {
        auth.insert(QStringLiteral("scope"),
                    QJsonObject{{QStringLiteral("project"), QJsonObject{{QStringLiteral("id"), m_profile.projectId}}}});
    } else if (!m_profile.projectName.isEmpty()) {
        // Like openstacksdk: without a project domain, the user's domain is the project's too.
        const QString domainId = m_profile.projectDomainId.isEmpty() && m_profile.projectDomainName.isEmpty()
            ? m_profile.userDomainId
            : m_profile.projectDomainId;
        const QString domainName = m_profile.projectDomainId.isEmpty() && m_profile.projectDomainName.isEmpty()
            ? m_profile.userDomainName
            : m_profile.projectDomainName;
        auth.insert(QStringLiteral("scope"),
                    QJsonObject{{QStringLiteral("project"),
                                 QJsonObject{{QStringLiteral("name"), m_profile.projectName},
                                             {QStringLiteral("domain"), domainOf(domainId, domainName)}}}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("auth"), auth}}).toJson(QJsonDocument::Compact);
}

} // namespace sv::openstack
