#pragma once

#include "jobs/job.h"
#include "openstack/compute/server.h"
#include "openstack/error.h"
#include "openstack/image/image.h"
#include "openstack/statuswaiter.h"
#include "protection/checkpointdetails.h"
#include "protection/volumeselection.h"

#include <QPointer>

#include <chrono>
#include <memory>

namespace sv {

class Bank;
class CheckpointWriter;
class ImageWriter;
namespace openstack {
class ApiJob;
class Connection;
class Session;
class StatusWaiter;
} // namespace openstack

struct BackupRequest
{
    std::shared_ptr<openstack::Session> session;
    std::shared_ptr<Bank> bank;
    QString server; // id or exact name
    QString serverLabel; // what the job's title calls the server (the UI passes the name); `server` when empty
    // The seed's option: snapshot the server first (Nova createImage) and back up the NEW image, so
    // that data written since boot is included. Off: back up the original image only.
    bool enableServerSnapshot = true;
    // Which attached volumes to save (Cinder snapshots). Ignored when enableServerSnapshot is off: then no
    // volume is saved (there is no "original" of a volume) and a boot-from-volume server is refused.
    VolumeSelection volumes;
    // How long a snapshot may take to become active: base + perGiB × disk size.
    std::chrono::seconds snapshotTimeoutBase{600};
    std::chrono::seconds snapshotTimeoutPerGiB{120};
    openstack::PollInterval poll;
};

// Backs up one server into a checkpoint (Karbor's flow, design.md "Backup flow"): pre-checks, the
// server protection plugin's rebuild metadata, then the image protection plugin — snapshot the
// server when enable_server_snapshot is on, journal the temporary image, wait for it, stream it into
// the bank verifying md5/sha512, commit — and always delete the temporary snapshot.
class BackupJob : public Job
{
    Q_OBJECT
public:
    explicit BackupJob(BackupRequest request, QObject *parent = nullptr);
    ~BackupJob() override;

protected:
    void run() override;
    void onCancel() override;

private:
    // Each step starts one OpenStack call; its handler runs the next step or abandon().
    void resolveServer();
    void findServerByName();
    void checkServer(const openstack::Server &server);
    void showOriginalImage();
    // Names the attached volumes one by one (Cinder), so that the checkpoint and the result can say by
    // name which of them the backup does not include; a volume Cinder cannot show keeps its id.
    void nameAttachedVolumes(qsizetype next);
    void beginCheckpoint();
    void createSnapshot();
    void waitForSnapshot(std::chrono::milliseconds timeout);
    void download(const openstack::Image &image);
    void verifyAndCommit(const openstack::Image &image);
    void cleanUp();
    void done();
    // Failure or cancel at any step: mark the checkpoint failed, then clean up, then finish.
    void abandon(const QString &message, const QString &details = {});
    void abandon(const openstack::Error &error);
    template<typename T> T *track(T *apiJob);

    BackupRequest m_request;
    openstack::Connection *m_connection = nullptr;
    QPointer<openstack::ApiJob> m_current;
    QPointer<openstack::StatusWaiter> m_waiter;
    openstack::Server m_server;
    openstack::Image m_originalImage;
    bool m_haveOriginalImage = false;
    QList<VolumeNotIncluded> m_volumesNotIncluded;
    std::unique_ptr<CheckpointWriter> m_checkpoint;
    std::unique_ptr<ImageWriter> m_imageWriter;
    QString m_snapshotId;    // the temporary image, while it exists
    bool m_snapshotJournaled = false;
    QString m_failure;       // set once abandon() ran
    QString m_failureDetails;
    QString m_cleanupProblem;
    JobResult m_success;
};

} // namespace sv
