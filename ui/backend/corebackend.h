#pragma once

#include "backend/backend.h"
#include "protection/bankservice.h"

#include <QHash>
#include <QPointer>

#include <functional>
#include <memory>

namespace sv {
class Bank;
class BankService;
class CloudSessions;
class ProfileStore;
class SecretStore;
namespace openstack {
class Connection;
}
} // namespace sv

namespace sv::ui {

// The Backend over the real core. Signing in (CloudSessions), opening the backup storage (BankService),
// the start-up sweep (LeftoverSweep) and the jobs are the core service layer's, shared with the CLI;
// this class maps their results to the views' entries. OpenStack listings run on the GUI thread's
// event loop (core/openstack jobs are asynchronous); anything that blocks runs on the pool or in jobs.
class CoreBackend : public Backend
{
    Q_OBJECT
public:
    // `profiles` and `secrets` must outlive the backend.
    CoreBackend(ProfileStore *profiles, SecretStore *secrets, QObject *parent = nullptr);
    ~CoreBackend() override;

    QList<CloudEntry> clouds() const override;
    void requestServers(const QString &cloudId) override;
    void requestProjects(const QString &cloudId) override;
    void requestProjectServers(const QString &cloudId, const QString &projectId) override;
    void requestCheckpoints() override;
    void requestTargetOptions(const QString &cloudId, const QString &region) override;
    void requestVolumeTypes(const QString &cloudId) override;
    void requestCloudSession(const QString &cloudId) override;

    Job *createBackupJob(const QString &cloudId, const ServerEntry &server, bool includeData,
                         const VolumeSelection &volumes, QString *error) override;
    Job *createRestoreJob(const RestoreRequest &request, QString *error) override;
    Job *createTestRestoreJob(const TestRestoreRequest &request, QString *error) override;
    Job *createVerifyJob(const CheckpointEntry &checkpoint, QString *error) override;
    Job *createExportJob(const CheckpointEntry &checkpoint, const QString &path, ExportFormat format,
                         QString *error) override;
    Job *createDeleteJob(const CheckpointEntry &checkpoint, QString *error) override;

    void requestLeftoverSweep() override;
    // Asks an encrypted backup storage's passphrase (the desktop app: a dialog) when neither
    // $STACKVAULT_BANK_PASSPHRASE nor the keychain has it; a passphrase that worked is kept in the keychain.
    void setPassphrasePrompt(BankService::PassphrasePrompt prompt);
    void testConnection(const CloudProfile &profile, const QString &secret) override;

    // The shared sessions (one per saved cloud), for tests and the bank service.
    CloudSessions *cloudSessions() const { return m_sessions; }
    // The backup storages opened so far (with the passphrase prompt): plans open theirs here too.
    BankService *bankService() const { return m_banks; }
    ProfileStore *profileStore() const { return m_profiles; }

private:
    // A Connection on this thread over the cloud's shared session (signing in first if needed).
    void withConnection(const QString &cloudId, std::function<void(openstack::Connection *, const QString &)> done);
    void loadCheckpoints(const std::shared_ptr<Bank> &bank);

    ProfileStore *m_profiles;
    CloudSessions *m_sessions;
    BankService *m_banks;
    QHash<QString, QPointer<openstack::Connection>> m_connections; // by profile id
};

} // namespace sv::ui
