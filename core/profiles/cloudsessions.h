#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace sv {

class ProfileStore;
class SecretStore;
namespace openstack {
class Session;
}

// Hands out one shared OpenStack session per saved cloud (profile + its secret from the keychain),
// so that every job against a cloud shares one token. Lives on the GUI (or CLI main) thread; the
// sessions it returns are thread-safe and are passed to jobs on worker threads.
class CloudSessions : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(std::shared_ptr<openstack::Session> session, const QString &error)>;

    CloudSessions(ProfileStore *profiles, SecretStore *secrets, QObject *parent = nullptr);

    // Finds the cloud by name or id, reads its secret (asynchronously) and calls `callback` on this
    // thread, unless `context` is gone by then. `error` is a plain sentence when there is no session.
    void acquire(const QString &cloudNameOrId, QObject *context, Callback callback);
    // Drops the cached session (after the profile or its secret changed).
    void forget(const QString &profileId);

private:
    QPointer<ProfileStore> m_profiles;
    QPointer<SecretStore> m_secrets;
    QHash<QString, std::shared_ptr<openstack::Session>> m_sessions; // by profile id
};

} // namespace sv
