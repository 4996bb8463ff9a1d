#include "profiles/cloudsessions.h"

#include "openstack/authstate.h"
#include "openstack/connection.h"
#include "openstack/session.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"

#include <QCoreApplication>

namespace sv {

CloudSessions::CloudSessions(ProfileStore *profiles, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
{
    connect(profiles, &ProfileStore::profilesChanged, this, [this] {
        // A renamed or edited profile must not keep talking with its old settings.
        for (auto it = m_sessions.begin(); it != m_sessions.end();) {
            const auto current = m_profiles->findById(it.key());
            if (!current || current->toJson() != it.value()->profile().toJson())
                it = m_sessions.erase(it);
            else
                ++it;
        }
    });
}

SecretStore *CloudSessions::secretStore() const { return m_secrets; }

std::optional<CloudProfile> CloudSessions::find(const QString &cloudNameOrId) const
{
    if (!m_profiles)
        return std::nullopt;
    auto profile = m_profiles->findByName(cloudNameOrId);
    if (!profile)
        profile = m_profiles->findById(cloudNameOrId);
    return profile;
}

std::shared_ptr<openstack::Session> CloudSessions::cached(const QString &cloudNameOrId) const
{
    const auto profile = find(cloudNameOrId);
    return profile ? m_sessions.value(profile->id) : nullptr;
}

void CloudSessions::acquire(const QString &cloudNameOrId, QObject *context, Callback callback)
{
    const auto profile = find(cloudNameOrId);
    if (!profile) {
        callback({}, QCoreApplication::translate("sv::CloudSessions",
                                                 "There is no saved cloud named %1. Add it first (Clouds → Add, or "
                                                 "`stackvault-cli clouds add`).")
                         .arg(cloudNameOrId));
        return;
    }
    if (const auto cached = m_sessions.value(profile->id)) {
        callback(cached, {});
        return;
    }
    const CloudProfile found = *profile;
    QPointer<QObject> guard(context);
    m_secrets->read(found.id, this, [this, found, guard, callback](const SecretResult &result) {
        if (!guard)
            return;
        if (!result.ok()) {
            callback({}, QCoreApplication::translate("sv::CloudSessions", "Cloud %1: %2").arg(found.name, result.message));
            return;
        }
        auto session = m_sessions.value(found.id);
        if (!session) {
            session = openstack::Session::create(found, result.secret);
            m_sessions.insert(found.id, session);
        }
        callback(session, {});
    });
}

void CloudSessions::forget(const QString &profileId)
{
    m_sessions.remove(profileId);
}

void CloudSessions::forgetAll()
{
    m_sessions.clear();
}

void CloudSessions::trySignIn(const CloudProfile &profile, const QString &secret, QObject *context,
                              std::function<void(const SignInResult &result)> callback)
{
    const QPointer<QObject> guard(context);
    const auto withSecret = [this, guard, profile, callback](const QString &usable) {
        if (!guard)
            return;
        const std::shared_ptr<openstack::Session> session = openstack::Session::create(profile, usable);
        auto *connection = new openstack::Connection(session, this);
        if (const openstack::Error &setup = connection->setupError()) {
            connection->deleteLater();
            return callback(SignInResult{setup.message, {}, 0, {}});
        }
        connection->ensureAuthenticated(openstack::ServiceType::Identity, connection,
                                        [guard, session, connection, callback](const openstack::Error &error) {
                                            connection->deleteLater();
                                            if (!guard)
                                                return;
                                            if (error)
                                                return callback(SignInResult{error.message, {}, 0, {}});
                                            const openstack::AuthState state = session->authState();
                                            callback(SignInResult{{}, state.projectName,
                                                                  int(state.catalog.services().size()), session});
                                        });
    };
    if (!secret.isEmpty() || profile.id.isEmpty())
        return withSecret(secret);
    // The saved secret: the keychain answers asynchronously.
    m_secrets->read(profile.id, this, [guard, withSecret, callback](const SecretResult &result) {
        if (!guard)
            return;
        if (!result.ok())
            return callback(SignInResult{result.message, {}, 0, {}});
        withSecret(result.secret);
    });
}

} // namespace sv
