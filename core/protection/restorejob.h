#pragma once

#include "bank/checkpointindex.h"
#include "bank/journalentry.h"
#include "jobs/job.h"
#include "openstack/compute/flavor.h"
#include "openstack/error.h"
#include "openstack/statuswaiter.h"
#include "protection/checkpointdetails.h"

#include <QJsonObject>
#include <QPointer>
#include <QHash>
#include <QStringList>

#include "bank/banklock.h"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

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
    // true: restore only the checkpoint's image into Glance, with its saved properties (no server, no
    // volume); `serverName` then names the image (default: SERVER-restored-ID8).
    bool imageOnly = false;
    // Saved volume type → target type. A type not named here keeps its name when the target has it,
    // otherwise the volume gets the target's default type and the result warns.
    QHash<QString, QString> volumeTypes;
    // Faithful rebuild (rebuilddata.h, README "Faithful rebuild"). Without `networks`, every saved NIC
    // comes back as a Neutron port made before the server: on the network of the same name (or the one
    // networkMap names), with its saved fixed IP when it is free in the target (else a new address and a
    // warning) and its saved security groups (`securityGroups`, when given, on every port).
    struct Nic
    {
        QString network; // name or id in the target
        QString fixedIp; // "" : any address
        QStringList securityGroups; // names or ids; empty: the project's default group
    };
    std::optional<QList<Nic>> nics;      // these NICs instead of the saved ones (the wizard's page)
    QHash<QString, QString> networkMap;  // saved network name → target network name or id
    bool fixedIps = true;                // false: every port gets a new address
    bool ports = true;                   // false: Nova makes the ports on the saved networks (by name)
    std::optional<QJsonObject> metadata; // nullopt: the saved metadata
    std::optional<QStringList> tags;     // nullopt: the saved tags
    std::optional<QString> description;  // nullopt: the saved description
    std::optional<QString> serverGroup;  // a group name, "" for none; nullopt: the saved group (when one of that name exists)
    std::optional<bool> configDrive;     // nullopt: as saved
    bool userData = true;                // false: the saved user data is not passed on
    // A restore test's scratch restore: what a successful restore made stays in the bank's journal (so
    // that the sweep removes it after a crash) until the caller deleted it; keptJournal() names it.
    bool keepJournaled = false;
    std::chrono::seconds volumeCreateTimeout{900};
    std::chrono::seconds imageActiveTimeout{600};
    std::chrono::seconds serverActiveTimeout{900};
    openstack::PollInterval poll;
};

// Brings a checkpoint back as a new image and a new server in the target cloud (design.md "Restore
// flow"): checks flavor/key/networks first, creates the image with the saved formats and properties,
// streams the bytes from the bank verifying every chunk, compares Glance's checksum/os_hash_value
// with the saved ones, boots the server and waits for ACTIVE. A failure removes what it half-made.
//
// Saved volumes (OS::Cinder::Volume resources) come back first, one after the other: their bytes into
// a temporary raw Glance image (the same verified upload), a Cinder volume from it, wait `available`,
// delete the temporary image. A boot-from-volume server then boots from its restored root volume
// (block_device_mapping_v2); an image-booted one from its restored image. The data volumes are attached
// in the saved device order. With restoreServer false only the volumes are restored; with imageOnly only
// the image (it stays in the target, with its saved properties, once Glance's digests match). Volumes are made in
// Cinder's default availability zone (Nova's zone names rarely match Cinder's), except with
// useSavedAvailabilityZone, or with restoreServer false and an availabilityZone given.
class RestoreJob : public Job
{
    Q_OBJECT
public:
    explicit RestoreJob(RestoreRequest request, QObject *parent = nullptr);
    ~RestoreJob() override;

    // With RestoreRequest::keepJournaled, after a success: the journal entries of the server, its image
    // and its volumes, still in the bank. Empty otherwise.
    const QList<JournalEntry> &keptJournal() const { return m_keptJournal; }

protected:
    void run() override;
    void onCancel() override;

private:
    // One saved volume and what this restore made of it in the target.
    struct VolumeRestore
    {
        const ProtectedResource *saved = nullptr;
        QString label;  // the saved name, or its id when unnamed
        QString device; // as attached when saved ("" when unknown)
        int bootIndex = -1;
        int sizeGb = 1;     // what is requested: at least the saved size and the saved bytes
        QString savedType;  // "" when the backup names none
        QString type;       // requested in the target; "" for the target's default type
        bool defaultedType = false;
        QString imageId;    // the temporary image (cleared once deleted)
        QString volumeId;   // the restored volume
        QString actualType; // what Cinder says the new volume has
        QString attachedDevice;
    };

    bool readVolumes();
    void checkFlavor();
    void checkKeyPair();
    void resolveNetworks();
    void checkSecurityGroups();
    // Faithful rebuild: the NICs' networks and groups in the target, the server group, the saved zone.
    void resolveNics(const QList<RestoreRequest::Nic> &wanted);
    void checkServerGroup();
    void checkAvailabilityZone();
    void createNextPort();
    void removePort(int index);
    void checkVolumeTypes();
    void checkVolumeQuota();
    void restoreNextVolume();
    void createVolume(int index);
    void waitForVolume(int index);
    void deleteTemporaryImage(int index);
    void restoreServerPart();
    void createImage();
    // Creates a Glance image with `properties`, streams `record` from the bank into it, waits for
    // `active` and compares Glance's digests with the saved ones; then next(). `imageId` receives the
    // new image's id as soon as Glance answers (the cleanup deletes it from there); `what` names the
    // volume the image is for ("" for the server's image).
    void uploadImage(const ImageRecord &record, QJsonObject properties, QString *imageId, const QString &what,
                     const std::function<void()> &next);
    void streamImage();
    void waitForImage();
    void abandonUpload(const openstack::Error &error);
    void createServer();
    void waitForServer();
    void attachNextVolume();
    void succeed();
    void abandon(const QString &message, const QString &details = {});
    void abandon(const openstack::Error &error);
    void abandonVolume(const VolumeRestore &volume, const QString &step, const openstack::Error &error);
    void removeHalfMade();
    void removeVolume(int index);
    void done();
    bool bootsFromVolume() const { return m_bootVolume >= 0; }
    QString cloudName() const;
    // The crash journal: what this restore made is named in the bank before it exists (an intent with
    // m_tag), then by id, and forgotten once the restore succeeded or removed it (SweepJob).
    JournalEntry journalEntry(const QString &kind, const QString &imageId, const QString &serverId,
                              const QString &volumeId, const QString &portId = {}) const;
    void journal(const QString &kind, const QString &imageId, const QString &serverId, const QString &volumeId = {},
                 const QString &portId = {});
    void unjournal(const QString &kind, const QString &imageId, const QString &serverId, const QString &volumeId = {},
                   const QString &portId = {});
    // A create request of `kind` answered: the intent's entry makes way for one naming the new resource
    // (`id`, in the entry's `field`; crash point `point` comes between); an answer that made nothing drops
    // the intent. Without an answer (the connection broke) the intent stays for the sweep.
    void journalCreated(const QString &kind, QString JournalEntry::*field, const QString &id,
                        const openstack::Error &error, const char *point);
    template<typename T> T *track(T *apiJob);
    // Starts `job` (tracked: a cancel stops it). When it answers, a cancelled restore or a failed job
    // abandons the restore; else `then()` goes on with the answer.
    template<typename T, typename Then> void query(T *job, Then then);

    RestoreRequest m_request;
    openstack::Connection *m_connection = nullptr;
    QPointer<openstack::ApiJob> m_current;
    QPointer<openstack::StatusWaiter> m_waiter;
    CheckpointIndex m_index;
    CheckpointDetails m_saved; // what the backup saved (read from m_index)
    const ProtectedResource *m_serverResource = nullptr;
    const ProtectedResource *m_imageResource = nullptr;
    QList<VolumeRestore> m_volumes; // the boot volume first, then by saved device
    int m_bootVolume = -1;          // index in m_volumes of the volume a boot-from-volume server boots from
    int m_nextVolume = 0;           // restoring, then attaching
    openstack::Flavor m_flavor;
    QStringList m_networkIds;
    // A NIC made as a port before the server boots (faithful rebuild).
    struct NicRestore
    {
        QString networkId;
        QString networkName;
        QString wantedIp;  // "" : any
        QStringList groupIds;
        QString portId;    // made in the target (cleared once deleted)
        QString ip;        // what Neutron gave
        bool ipTaken = false;     // the saved address is someone else's in the target
        bool ipElsewhere = false; // the saved address is not on the target's network (a mapped network)
    };
    QList<NicRestore> m_nics;
    bool m_usePorts = false;
    int m_nextPort = 0;
    QString m_serverGroupId;
    QString m_zone; // the server's zone; "" lets the cloud choose
    // The image being uploaded: its saved bytes, where its id goes, the volume it is for ("" for the
    // server's image) and what comes after it.
    struct Upload
    {
        const ImageRecord *record = nullptr;
        QString *imageId = nullptr;
        QString what;
        std::function<void()> next;
    };
    Upload m_upload;
    std::shared_ptr<ImageReader> m_reader;
    qint64 m_uploadTotal = 0; // bytes of every image this restore uploads
    qint64 m_uploadDone = 0;  // of those, bytes of the finished uploads
    QString m_imageId;  // created in the target
    QString m_imageName;
    QString m_serverId; // created in the target
    QString m_newServerName;
    QStringList m_warnings;
    QString m_failure;
    QString m_failureDetails;
    JobResult m_success;
    QList<JournalEntry> m_keptJournal;
    QString m_tag; // marks this run's image, server and volumes (stackvault_restore_job)
    std::unique_ptr<BankLock> m_bankLock;
};

} // namespace sv
