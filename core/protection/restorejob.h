#pragma once

#include "bank/checkpointindex.h"
#include "bank/journalentry.h"
#include "jobs/job.h"
#include "openstack/compute/flavor.h"
#include "openstack/error.h"
#include "openstack/statuswaiter.h"
#include "protection/checkpointdetails.h"

#include <QPointer>
#include <QHash>
#include <QStringList>

#include "bank/banklock.h"

#include <chrono>
#include <memory>

namespace sv {

class Bank;
class ImageReader;
namespace openstack {
class ApiJob;
class Connection;
class Session;
class StatusWaiter;
} // namespace openstack

struct RestoreRequest
{
    std::shared_ptr<openstack::Session> session; // the target: any saved cloud, project, region
    std::shared_ptr<Bank> bank;
    QString checkpointId;
    // Overrides; empty means "as saved in the backup".
    QString serverName;
    QString flavor;          // id or name
    QStringList networks;    // ids or names; "none" or "auto" alone select Nova's modes
    QString keyName;
    QStringList securityGroups;
    QString availabilityZone;
    bool useSavedAvailabilityZone = false; // a zone name rarely exists in another cloud
    // false: restore only the checkpoint's volumes (no image, no server).
    bool restoreServer = true;
    // Saved volume type → target type. A type not named here keeps its name when the target has it,
    // otherwise the volume gets the target's default type and the result warns.
    QHash<QString, QString> volumeTypes;
    std::chrono::seconds volumeCreateTimeout{900};
    std::chrono::seconds imageActiveTimeout{600};
    std::chrono::seconds serverActiveTimeout{900};
    openstack::PollInterval poll;
};

// Brings a checkpoint back as a new image and a new server in the target cloud (design.md "Restore
// flow"): checks flavor/key/networks first, creates the image with the saved formats and properties,
// streams the bytes from the bank verifying every chunk, compares Glance's checksum/os_hash_value
// with the saved ones, boots the server and waits for ACTIVE. A failure removes what it half-made.
class RestoreJob : public Job
{
    Q_OBJECT
public:
    explicit RestoreJob(RestoreRequest request, QObject *parent = nullptr);
    ~RestoreJob() override;

protected:
    void run() override;
    void onCancel() override;

private:
    void checkFlavor();
    void checkKeyPair();
    void resolveNetworks();
    void createImage();
    void uploadImage();
    void waitForImage();
    void createServer();
    void waitForServer();
    void abandon(const QString &message, const QString &details = {});
    void abandon(const openstack::Error &error);
    void removeHalfMade();
    void done();
    // The crash journal: what this restore made is named in the bank before it exists (an intent with
    // m_tag), then by id, and forgotten once the restore succeeded or removed it (SweepJob).
    JournalEntry journalEntry(const QString &kind, const QString &imageId, const QString &serverId) const;
    void journal(const QString &kind, const QString &imageId, const QString &serverId);
    void unjournal(const QString &kind, const QString &imageId, const QString &serverId);
    template<typename T> T *track(T *apiJob);

    RestoreRequest m_request;
    openstack::Connection *m_connection = nullptr;
    QPointer<openstack::ApiJob> m_current;
    QPointer<openstack::StatusWaiter> m_waiter;
    CheckpointIndex m_index;
    CheckpointDetails m_saved; // what the backup saved (read from m_index)
    const ProtectedResource *m_serverResource = nullptr;
    const ProtectedResource *m_imageResource = nullptr;
    openstack::Flavor m_flavor;
    QStringList m_networkIds;
    std::shared_ptr<ImageReader> m_reader;
    QString m_imageId;  // created in the target
    QString m_serverId; // created in the target
    QString m_newServerName;
    QString m_failure;
    QString m_failureDetails;
    JobResult m_success;
    QString m_tag; // marks this run's image and server (stackvault_restore_job)
    std::unique_ptr<BankLock> m_bankLock;
};

} // namespace sv
