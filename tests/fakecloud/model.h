#pragma once

// Plain records of the fake cloud's state. CloudState owns them and guards them with one mutex.

#include "virtualdisk.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

namespace fake {

struct Project
{
    QString id;
    QString name;
    QString domainId;
    QString description;
};

struct User
{
    QString id;
    QString name;
    QString domainId;
    QString password;
    QStringList projectIds;
    QStringList roles;
    QString defaultProjectId;
};

struct AppCredential
{
    QString id;
    QString name;
    QString secret;
    QString userId;
    QString projectId;
    bool unrestricted = false;
};

struct Token
{
    QString id;
    QString userId;
    QString projectId; // empty: unscoped
    QStringList methods;
    QString appCredentialId;
    QDateTime issuedAt;
    QDateTime expiresAt;
    QString auditId;
    bool revoked = false;
};

struct Flavor
{
    QString id;
    QString name;
    int vcpus = 1;
    int ramMiB = 512;
    int diskGiB = 1;
    int ephemeralGiB = 0;
    int swapMiB = 0;
    QString description;
    QJsonObject extraSpecs;
};

struct Network
{
    QString id;
    QString name;
    QString projectId;
    QString cidr;
    bool shared = false;
    bool external = false;
    QString subnetId;
};

struct KeyPair
{
    QString name;
    QString userId;
    QString publicKey;
    QString fingerprint;
    QString type;
    QDateTime createdAt;
};

struct SecurityGroup
{
    QString id;
    QString name;
    QString projectId;
    QString description;
};

// A Neutron port (ports.h): made by POST /v2.0/ports, or by Nova for a server booted with a network
// (deviceOwner "compute:nova", deleted with the server); a port made beforehand is only unbound then.
struct Port
{
    struct FixedIp
    {
        QString subnetId;
        QString ip;
    };
    QString id;
    QString name;
    QString networkId;
    QString projectId;
    QString macAddress;
    QList<FixedIp> fixedIps;
    QStringList securityGroupIds;
    QString deviceId;    // the server's id; empty when unbound
    QString deviceOwner; // "compute:nova" when bound to a server
    bool madeByNova = false;
    bool fromScenario = false;
    QDateTime createdAt;
    qint64 sequence = 0; // creation order: listings come in it
};

// A Nova server group (GET /os-server-groups, 2.64 shape); a server joins one through the scheduler
// hint `group` at create.
struct ServerGroup
{
    QString id;
    QString name;
    QString policy = QStringLiteral("anti-affinity");
    QString projectId;
    QString userId;
    QStringList members;
};

// The bytes of an image with their Glance digests, computed once when the image turned active.
struct ImageData
{
    VirtualDisk disk;
    QByteArray md5;
    QByteArray sha512;
};

struct Image
{
    QString id;
    QString name; // may be null in Glance; empty string here means null
    bool nameIsNull = false;
    QString status = QStringLiteral("queued");
    QString diskFormat;
    QString containerFormat;
    QString visibility = QStringLiteral("shared");
    QString ownerId;
    int minDisk = 0;
    int minRam = 0;
    bool isProtected = false;
    bool hidden = false;
    QStringList tags;
    QJsonObject properties; // extra properties: string values (Glance's additionalProperties)
    QDateTime createdAt;
    QDateTime updatedAt;
    std::shared_ptr<const ImageData> data; // null: no data (queued, or a volume-backed snapshot)
    qint64 virtualSize = -1;               // -1: null
    bool fromScenario = false;
    bool uploading = false;
};

// A Cinder volume type (GET /types); volumes name their type.
struct VolumeType
{
    QString id;
    QString name;
    QString description;
    bool isPublic = true;
    QJsonObject extraSpecs;
};

struct VolumeAttachment
{
    QString serverId;
    QString attachmentId;
    QString device;
    QDateTime attachedAt;
};

// An os-volume_upload_image in progress: the image gets the volume's bytes as they were when it was
// asked for; the volume shows `uploading` until doneAt, then its previous status again.
struct VolumeUpload
{
    QString imageId;
    QString previousStatus;
    QDateTime startedAt;
    QDateTime doneAt;
    bool stuck = false;  // fault upload_stuck: never ends
    bool fails = false;  // fault upload_failed: the image is deleted, the volume goes back
};

struct Volume
{
    QString id;
    QString name;
    QString projectId;
    QString userId;
    int sizeGiB = 1;
    // creating, available, attaching, in-use, detaching, uploading, deleting, error (gone after goneAt).
    QString status = QStringLiteral("available");
    bool bootable = false;
    QString volumeType = QStringLiteral("__DEFAULT__");
    QString availabilityZone = QStringLiteral("nova");
    QString description;
    QJsonObject metadata;      // string values
    QJsonObject imageMetadata; // volume_image_metadata: string values
    QString snapshotId;        // made from this Cinder snapshot
    QString sourceVolumeId;    // a clone of this volume
    QList<VolumeAttachment> attachments;
    QDateTime createdAt;
    QDateTime updatedAt; // invalid: null
    // A timed transition: status becomes nextStatus at nextAt (creating -> available, attaching -> in-use,
    // detaching -> available); invalid nextAt: none.
    QString nextStatus;
    QDateTime nextAt;
    QDateTime goneAt; // deleting: gone at this time
    std::optional<VolumeUpload> upload;
    // The volume's bytes: its source's (image or snapshot) plus what was written. The size in GiB is
    // nominal; the bytes end where the source and the writes end.
    VirtualDisk disk;
    bool fromScenario = false;
};

// A Cinder snapshot of a volume: creating -> available at readyAt (or error); deleting -> gone at goneAt.
struct VolumeSnapshot
{
    QString id;
    QString name;
    QString description;
    QString volumeId;
    QString projectId;
    QString userId;
    int sizeGiB = 1;
    QString status = QStringLiteral("creating");
    QJsonObject metadata;
    QDateTime createdAt;
    QDateTime updatedAt; // invalid: null
    QDateTime readyAt;
    QDateTime goneAt; // invalid: not being deleted
    bool endsInError = false; // fault volume_snapshot_error
    // What a volume made from the snapshot inherits from the snapshotted volume, as it was then.
    VirtualDisk disk;
    bool bootable = false;
    QString volumeType;
    QJsonObject imageMetadata;
};

// A transfer to or from the real Glance in external mode, done on a worker thread: `done` flips once
// ok/error/disk are set (the state reads them under its mutex after that).
struct RemoteTransfer
{
    std::atomic_bool done{false};
    bool ok = false;
    QString error;
    VirtualDisk disk; // a download: the bytes, in a file of the cloud's temp dir
};

// A snapshot in progress: Nova's task_state steps, evaluated lazily from the clock.
struct SnapshotJob
{
    QString imageId;
    QDateTime startedAt;
    std::shared_ptr<std::atomic_bool> hashesReady;
    bool endsKilled = false;
    bool vanishes = false;
};

struct Server
{
    QString id;
    QString name;
    QString projectId;
    QString userId;
    QString flavorId;
    QString imageId; // empty: booted from volume
    QString status = QStringLiteral("ACTIVE");
    QString vmState = QStringLiteral("active");
    int powerState = 1;
    QString taskState; // empty: null
    QStringList networkIds;
    QMap<QString, QString> fixedIps; // network id -> address
    QStringList portIds; // its NICs in order (ports.h); the addresses and security groups come from them
    bool configDrive = false;
    QString userData; // base64 as sent; empty: null
    QString keyName;
    QStringList securityGroups;
    QString availabilityZone = QStringLiteral("nova");
    QJsonObject metadata;
    QStringList tags;
    QString description;
    bool descriptionIsNull = true;
    QStringList volumeIds; // attached volumes, boot volume first when booted from volume
    QStringList deleteOnTermination; // volume ids Nova deletes with the server
    // Nova keeps the boot image's metadata with the instance (system_metadata); snapshots inherit it.
    QJsonObject bootImageProperties;
    QString bootDiskFormat = QStringLiteral("qcow2");
    QString bootContainerFormat = QStringLiteral("bare");
    int bootMinDisk = 0;
    int bootMinRam = 0;
    QString rootDeviceName = QStringLiteral("/dev/vda");
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime launchedAt;
    QDateTime buildDoneAt; // BUILD -> ACTIVE at this time
    QString faultMessage;
    // What the serial console prints (os-getConsoleOutput): a new server's boot log, revealed line by
    // line over Settings::bootConsoleSeconds after it went ACTIVE; a scenario server's `console`.
    QString console;
    bool buildFails = false; // fault build_error: BUILD ends in ERROR instead of ACTIVE
    VirtualDisk disk;
    std::optional<SnapshotJob> snapshot;
    std::shared_ptr<RemoteTransfer> bootDownload; // external mode: the boot image arriving from Glance
    int instanceNumber = 1;
    bool fromScenario = false;
};

struct Fault
{
    enum Kind {
        Drop, Unavailable, Unauthorized, Conflict, SnapshotKilled, SnapshotVanishes, TooLarge, Slow, Corrupt,
        VolumeSnapshotError, UploadStuck, UploadFailed, BuildError, BootHangs
    };
    int id = 0;
    Kind kind = Drop;
    int remaining = 1;
    QString method;            // empty: any
    QRegularExpression path;   // invalid/empty pattern: the kind's default
    qint64 afterBytes = 0;     // Drop; Corrupt: offset of the flipped byte
    int retryAfter = 1;        // Unavailable
    qint64 bytesPerSecond = 0; // Slow
    int hits = 0;
};

// One change of a server's task_state ("" for none) or of an image's status (CloudState::stateLog).
struct StateChange
{
    QString id; // the server's or the image's
    QString field; // "task_state" or "status"
    QString value;
    QDateTime at;
};

// One answered request, as the fake saw it (FakeCloud::requestLog()).
struct RequestRecord
{
    QString method;
    QString path;
    QByteArray range; // the Range header, empty when none
    int status = 0;
};

struct Settings
{
    int tokenLifetimeSeconds = 3600;
    int computeMinMinor = 1;
    int computeMaxMinor = 96;
    int volumeMaxMinor = 70;
    QList<double> snapshotStepSeconds{0.5, 0.5, 0.5, 0.5};
    // A Cinder snapshot stays `creating` this long, and `deleting` this long before it is gone.
    double volumeSnapshotSeconds = 0.3;
    // A volume stays creating, attaching, detaching, uploading or deleting this long.
    double volumeStepSeconds = 0.3;
    // Cinder's per-project quotas (its defaults); -1: unlimited. `gigabytes` counts volumes and snapshots.
    int quotaVolumes = 10;
    int quotaSnapshots = 10;
    int quotaGigabytes = 1000;
    double buildSeconds = 1.0;
    // The console log of a server made by POST /servers ("%1" is replaced by its name) and how long after
    // ACTIVE it takes to be printed whole (its lines appear evenly over that time).
    QString bootConsole = QStringLiteral(
        "[    0.000000] Linux version 6.1.0-13-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) "
        "12.2.0) #1 SMP PREEMPT_DYNAMIC Debian 6.1.55-1 (2023-09-29)\n"
        "[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-6.1.0-13-amd64 root=LABEL=rootfs ro console=ttyS0\n"
        "[    1.204512] EXT4-fs (vda1): mounted filesystem with ordered data mode. Quota mode: none.\n"
        "[    2.318840] systemd[1]: Hostname set to <%1>.\n"
        "[  OK  ] Reached target cloud-init.target - Cloud-init target.\n"
        "\n"
        "Debian GNU/Linux 12 %1 ttyS0\n"
        "\n"
        "%1 login: ");
    double bootConsoleSeconds = 0.5;
    int imagePageSize = 25;
    // Off: images have no os_hash_algo/os_hash_value, only the md5 `checksum` (Glance before Rocky).
    bool imageMultihash = true;
    int imageMaxPageSize = 1000;
    int serverMaxPageSize = 1000;
    QStringList regions{QStringLiteral("RegionOne")};
    // Nova's compute zones: listed by os-availability-zone; a server create naming another is refused.
    QStringList availabilityZones{QStringLiteral("nova")};
};

} // namespace fake
