#pragma once

#include "profiles/cloudprofile.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

namespace sv {

class ProfileStore;
class SecretStore;
namespace openstack {
class Session;
}

// Hands out one shared OpenStack session per saved cloud (profile + its secret from the keychain),
// so that every job against a cloud shares one token: the one way the desktop app (CoreBackend) and
// the CLI sign in. A cloud's secret is read only when a session for it is first asked for, and Keystone
// is asked for a token only when the session's first request needs one. Lives on the GUI (or CLI main)
// thread; the sessions it returns are thread-safe and are passed to jobs on worker threads.
class CloudSessions : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(std::shared_ptr<openstack::Session> session, const QString &error)>;
    struct SignInResult
    {
        QString error;       // empty when signed in
        QString projectName; // the project Keystone scoped the token to
        int services = 0;    // entries in the service catalog
        // The throw-away session, signed in (its authState() has the catalog and the token's expiry);
        // null on an error.
        std::shared_ptr<openstack::Session> session;
    };

    CloudSessions(ProfileStore *profiles, SecretStore *secrets, QObject *parent = nullptr);

    // Finds the cloud by name or id, reads its secret (asynchronously) and calls `callback` on this
    // thread, unless `context` is gone by then. `error` is a plain sentence when there is no session.
    void acquire(const QString &cloudNameOrId, QObject *context, Callback callback);
    // Where the secrets of clouds (and of S3 profiles) are read from.
    SecretStore *secretStore() const;
    // The saved cloud by name or id.
    std::optional<CloudProfile> find(const QString &cloudNameOrId) const;
    // The session acquire() already made for this cloud, without waiting; null if none yet.
    std::shared_ptr<openstack::Session> cached(const QString &cloudNameOrId) const;
    // Drops the cached session (after the profile or its secret changed).
    void forget(const QString &profileId);
    void forgetAll();

    // Signs in to Keystone with `profile` and `secret` (empty: the profile's saved secret) on a
    // throw-away session that never replaces the shared one, and calls `callback` on this thread
    // (unless `context` is gone): what "Test Connection" and `clouds add` check.
    void trySignIn(const CloudProfile &profile, const QString &secret, QObject *context,
                   std::function<void(const SignInResult &result)> callback);

private:
    QPointer<ProfileStore> m_profiles;
    QPointer<SecretStore> m_secrets;
    QHash<QString, std::shared_ptr<openstack::Session>> m_sessions; // by profile id
};

} // namespace sv
