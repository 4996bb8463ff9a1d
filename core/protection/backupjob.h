#pragma once

#include "bank/imagerecord.h"
#include "bank/journalentry.h"
#include "jobs/job.h"
#include "openstack/compute/listservergroupsjob.h"
#include "openstack/network/port.h"
#include "openstack/compute/server.h"
#include "openstack/error.h"
#include "openstack/image/image.h"
#include "openstack/statuswaiter.h"
#include "openstack/volume/volume.h"
#include "protection/checkpointdetails.h"
#include "protection/volumeselection.h"

#include <QHash>
#include <QPointer>

#include <chrono>
#include <functional>
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
    // that data written since boot is included. Off: back up the original image only (and no volume:
    // a volume has no original; a boot-from-volume server is refused).
    bool enableServerSnapshot = true;
    // Which attached volumes to save with the server's data (names or ids). A boot-from-volume
    // server's boot volume is its disk: always saved.
    VolumeSelection volumes;
    // How long a snapshot (and each volume step: snapshot, volume from it, upload) may take: base +
    // perGiB × disk size.
    std::chrono::seconds snapshotTimeoutBase{600};
    std::chrono::seconds snapshotTimeoutPerGiB{120};
    openstack::PollInterval poll;
};

// Backs up one server into a checkpoint (Karbor's flow, design.md "Backup flow"): pre-checks, the
// server protection plugin's rebuild metadata, then the image protection plugin — snapshot the
// server when enable_server_snapshot is on, journal the temporary image, wait for it, stream it into
// the bank verifying md5/sha512 — and each chosen attached volume: its Cinder snapshot (requested
// right after createImage; for a boot-from-volume server, the snapshots Nova's createImage made), a
// temporary volume from it, os-volume_upload_image to a temporary image, the same streamed download;
// commit; and always delete every temporary snapshot, volume and image.
class BackupJob : public Job
{
    Q_OBJECT
public:
    explicit BackupJob(BackupRequest request, QObject *parent = nullptr);
    ~BackupJob() override;

    // The plan whose run starts this backup: recorded in the checkpoint ("plan" in its index) so that a
    // plan's retention only considers its own backups. Empty (the default) for a backup made by hand.
    // Set before the job starts.
    void setPlanName(const QString &plan) { m_planName = plan; }
    QString planName() const { return m_planName; }

protected:
    void run() override;
    void onCancel() override;

private:
    // An attached volume the backup saves.
    struct VolumePart
    {
        openstack::Volume volume; // Cinder's document of the original
        QString device;
        int bootIndex = -1;
        QString snapshotId;       // the Cinder snapshot read (ours, or Nova's for a boot-from-volume server)
        QString temporaryVolumeId;
        openstack::Image image;   // what os-volume_upload_image made of the temporary volume
        bool ready = false;       // `image` is active: the volume can be downloaded
        QString label() const { return volume.name.isEmpty() ? volume.id : volume.name; }
    };
    // What the backup made in the cloud: journaled while it exists, deleted after success, failure
    // and cancel (images first, then volumes, then snapshots: a clone can block its snapshot's delete).
    struct Temporary
    {
        enum class Kind { Image, Volume, Snapshot };
        Kind kind = Kind::Image;
        QString id;
        int part = -1; // the VolumePart it serves; -1: the server's snapshot
        JournalEntry entry;
        bool journaled = false;
    };

    // Each step starts one OpenStack call; its handler runs the next step or abandon().
    void resolveServer();
    void findServerByName();
    void checkServer(const openstack::Server &server);
    void showOriginalImage();
    // Describes the attached volumes one by one (Cinder): names for the checkpoint and the messages,
    // device, size and type for the volumes saved; a volume Cinder cannot show keeps its id.
    void describeVolumes(qsizetype next);
    void chooseVolumes();
    // Faithful rebuild (rebuilddata.h): the server's ports with their networks' and groups' names, then
    // its server groups by name. A failure to read ports is saved in the checkpoint, not fatal.
    void describeNics();
    void describeNicNames();
    void describeServerGroups();
    void beginCheckpoint();
    void createSnapshot();
    void snapshotVolumes(qsizetype next);
    void waitForServerSnapshot();
    void waitForSnapshot(std::chrono::milliseconds timeout);
    // Boot from volume: the snapshots Nova made, from the 0-byte image's block_device_mapping.
    void readBlockDeviceMapping(const openstack::Image &image);
    void identifySnapshots(QStringList snapshotIds, QHash<QString, int> bootIndexes);
    // Every volume is made readable at once (snapshot available → temporary volume → uploaded image)
    // while the server's disk is waited for and downloaded; the downloads run one at a time, in order
    // (the server's disk, then each volume as soon as it is ready), and a volume's temporaries are
    // deleted as soon as it is saved.
    void prepareVolumes();
    void downloadNext();
    void updateTotal();
    void waitForVolumeSnapshot(qsizetype index);
    void createTemporaryVolume(qsizetype index);
    void waitForTemporaryVolume(qsizetype index);
    void uploadTemporaryVolume(qsizetype index);
    void waitForUploadedImage(qsizetype index, const QString &imageId);
    void saveVolume(qsizetype index, const ImageRecord &record);
    void download(const openstack::Image &image, const QString &what, bool isVolume, std::function<void(ImageRecord)> then);
    // Checks the downloaded bytes against Glance's figures; false (after abandon()) when they differ.
    bool finishDownload(const openstack::Image &image, const QString &what, bool emptyAllowed, ImageRecord *record);
    bool saveServerImage(const openstack::Image &image, const ImageRecord &record);
    void commit();
    // Deletes the temporaries that `which` selects, one at a time, then runs `then`.
    void cleanUpTemporaries(std::function<bool(const Temporary &)> which, std::function<void()> then);
    void deleteTemporary(Temporary temporary, bool retried, std::function<void()> then);
    void forgetTemporary(const Temporary &temporary);
    void cleanUp();
    // Starts the cleanup once nothing is being created or deleted, and finishes the job after it.
    void settle();
    void done();
    // True once the backup stops (a failure in any branch, or a cancel, which abandons here).
    bool stopping();
    void abortRunning();
    void startCreate(openstack::ApiJob *job);
    // Failure or cancel at any step: mark the checkpoint failed, then clean up, then finish.
    void abandon(const QString &message, const QString &details = {});
    void abandon(const openstack::Error &error);
    template<typename T> T *track(T *apiJob);
    void watch(openstack::StatusWaiter *waiter);

    // Journal entries (bank): an intent before a create request, the id as soon as it is known.
    JournalEntry journalEntry(const QString &kind) const;
    bool journal(const JournalEntry &entry);
    void unjournal(const JournalEntry &entry);
    bool addTemporary(Temporary::Kind kind, const QString &id, int part);
    QString temporaryName(const QString &what) const;
    QJsonObject temporaryMetadata() const;
    std::chrono::milliseconds timeoutFor(double sizeGiB) const;
    void stage(JobStage stage);
    QString describe(const Temporary &temporary) const;
    bool includes(const openstack::Volume &volume) const;
    QString volumeLabel(const QString &id) const;

    BackupRequest m_request;
    QString m_planName;
    openstack::Connection *m_connection = nullptr;
    // Several requests run at once (volumes are prepared while a disk downloads): those in m_running
    // are aborted on a stop; create requests (startCreate) are not tracked there but waited for
    // (m_creating), so that what they made is deleted.
    QList<QPointer<openstack::ApiJob>> m_running;
    QList<QPointer<openstack::StatusWaiter>> m_waiters;
    int m_creating = 0;
    int m_deleting = 0;
    bool m_committed = false;      // the checkpoint is complete: what is left is the cleanup
    bool m_cleanupStarted = false;
    bool m_cleanupDone = false;
    bool m_partsKnown = false;     // m_parts is final (for boot from volume: after Nova's snapshot is read)
    bool m_serverSnapshotReady = false;
    bool m_serverImageSaved = false;
    bool m_downloading = false;
    qsizetype m_nextVolume = 0;    // the next volume to download
    qint64 m_serverImageBytes = 0;
    openstack::Server m_server;
    bool m_bootFromVolume = false;
    openstack::Image m_originalImage;
    bool m_haveOriginalImage = false;
    openstack::Image m_serverSnapshot; // the image createImage made (0 bytes for a boot-from-volume server)
    QList<openstack::Volume> m_attached; // Cinder's documents (only the id when Cinder could not show one)
    QList<VolumePart> m_parts;
    QList<openstack::Port> m_ports;
    QHash<QString, QString> m_networkNames; // id -> name
    QHash<QString, QString> m_groupNames;   // security group id -> name
    QList<openstack::ListServerGroupsJob::Group> m_serverGroups;
    QString m_nicsError;
    QList<Temporary> m_temporaries;
    std::unique_ptr<CheckpointWriter> m_checkpoint;
    std::unique_ptr<ImageWriter> m_imageWriter;
    QHash<QString, QString> m_volumeProblems; // volume id → why Cinder could not show it
    qint64 m_newBytes = 0;    // bytes no earlier backup had, over all resources
    qint64 m_bytesTotal = -1; // all resources, once their sizes are known
    qint64 m_bytesSaved = 0;  // of the resources already saved
    QString m_failure;       // set once abandon() ran
    QString m_failureDetails;
    QStringList m_cleanupProblems;
    JobResult m_success;
};

} // namespace sv
