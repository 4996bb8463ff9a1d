#pragma once

#include "backend/backend.h"

#include <QHash>
#include <QPointer>

#include <functional>
#include <memory>

namespace sv {
class Bank;
class ProfileStore;
class SecretStore;
namespace openstack {
class Connection;
class Session;
class Error;
} // namespace openstack
} // namespace sv

namespace sv::ui {

// The Backend over the real core: saved profiles and keychain (core/profiles), OpenStack calls on the
// GUI thread's event loop (core/openstack jobs are asynchronous), the local backup storage (blocking
// calls, so they run on the thread pool or in jobs), and the protection engine's jobs.
class CoreBackend : public Backend
{
    Q_OBJECT
public:
    // `profiles` and `secrets` must outlive the backend.
    CoreBackend(ProfileStore *profiles, SecretStore *secrets, QObject *parent = nullptr);
    ~CoreBackend() override;

    QList<CloudEntry> clouds() const override;
    void requestServers(const QString &cloudId) override;
    void requestCheckpoints() override;
    void requestTargetOptions(const QString &cloudId, const QString &region) override;

    Job *createBackupJob(const QString &cloudId, const ServerEntry &server, bool includeData,
                         QString *error) override;
    Job *createRestoreJob(const RestoreRequest &request, QString *error) override;
    Job *createVerifyJob(const CheckpointEntry &checkpoint, QString *error) override;
    Job *createDeleteJob(const CheckpointEntry &checkpoint, QString *error) override;

    // Drops cached sessions (after a profile was edited or its secret changed).
    void forgetSession(const QString &cloudId);

private:
    using SessionCallback = std::function<void(std::shared_ptr<openstack::Session>, const QString &error)>;
    // Reads the secret from the keychain once per cloud and keeps the Session (and this thread's
    // Connection) for later requests.
    void withConnection(const QString &cloudId, std::function<void(openstack::Connection *, const QString &)> done);
    // The backup storage the settings name. A Swift container needs its cloud's session: null (with
    // `error` set) until requestCheckpoints() has signed in to that cloud.
    std::shared_ptr<Bank> bank(QString *error = nullptr) const;
    void loadCheckpoints(const std::shared_ptr<Bank> &bank);

    ProfileStore *m_profiles;
    SecretStore *m_secrets;
    QHash<QString, std::shared_ptr<openstack::Session>> m_sessions;
    QHash<QString, QPointer<openstack::Connection>> m_connections;
    // The Swift bank is kept (it owns an I/O thread); rebuilt when the location or the session changes.
    mutable std::shared_ptr<Bank> m_swiftBank;
    mutable QString m_swiftBankLocation;
    mutable std::shared_ptr<openstack::Session> m_swiftBankSession;
};

} // namespace sv::ui
