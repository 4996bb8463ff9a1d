#include "protection/restorejob.h"

#include "bank/bank.h"
#include "bank/imagereader.h"
#include "openstack/compute/attachvolumejob.h"
#include "openstack/compute/createserverjob.h"
#include "openstack/compute/deleteserverjob.h"
#include "openstack/compute/listavailabilityzonesjob.h"
#include "openstack/compute/listflavorsjob.h"
#include "openstack/compute/listkeypairsjob.h"
#include "openstack/compute/listservergroupsjob.h"
#include "openstack/compute/serverstatuswaiter.h"
#include "openstack/compute/showserverjob.h"
#include "openstack/connection.h"
#include "openstack/image/createimagejob.h"
#include "openstack/image/deleteimagejob.h"
#include "openstack/image/imagestatuswaiter.h"
#include "openstack/image/imageuploadjob.h"
#include "openstack/image/producerdevice.h"
#include "openstack/image/showimagejob.h"
#include "openstack/network/createportjob.h"
#include "openstack/network/deleteportjob.h"
#include "openstack/network/listnetworksjob.h"
#include "openstack/network/listsecuritygroupsjob.h"
#include "openstack/session.h"
#include "openstack/volume/createvolumejob.h"
#include "openstack/volume/deletevolumejob.h"
#include "openstack/volume/listvolumetypesjob.h"
#include "openstack/volume/showvolumelimitsjob.h"
#include "openstack/volume/volumecreaterequest.h"
#include "openstack/volume/volumestatuswaiter.h"
#include "protection/protectionlog.h"
#include "protection/rebuilddata.h"
#include "protection/resource.h"
#include "util/crashpoint.h"

#include <QJsonArray>
#include <QSet>
#include <QUuid>
#include <QVersionNumber>

#include <algorithm>

namespace sv {

using openstack::Error;

namespace {
constexpr qint64 GiB = qint64(1) << 30;
// How long the cleanup waits for a server to be gone (its volumes detached) and a volume to settle.
constexpr std::chrono::seconds CleanupWait{300};

// Glance keeps these itself (or refuses them as properties); everything else of a saved image's
// properties or a bootable volume's volume_image_metadata is carried onto the new image.
const QSet<QString> &reservedImageKeys()
{
    static const QSet<QString> keys{
        QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("status"), QStringLiteral("checksum"),
        QStringLiteral("size"), QStringLiteral("virtual_size"), QStringLiteral("image_id"),
        QStringLiteral("image_name"), QStringLiteral("container_format"), QStringLiteral("disk_format"),
        QStringLiteral("owner"), QStringLiteral("os_hash_algo"), QStringLiteral("os_hash_value"),
        QStringLiteral("os_hidden"), QStringLiteral("protected"), QStringLiteral("visibility"),
        QStringLiteral("created_at"), QStringLiteral("updated_at"), QStringLiteral("direct_url"),
        QStringLiteral("locations"), QStringLiteral("tags"), QStringLiteral("file"), QStringLiteral("schema"),
        QStringLiteral("self"), QStringLiteral("stores"), QStringLiteral("signature_verified"),
        QStringLiteral("min_disk"), QStringLiteral("min_ram")};
    return keys;
}

// Glance wants custom properties as strings (min_disk and min_ram as integers).
QJsonObject glanceProperties(QJsonObject properties)
{
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        if (it.key() != QLatin1String(CheckpointKey::MinDisk) && it.key() != QLatin1String(CheckpointKey::MinRam)
            && !it.value().isString())
            it.value() = it.value().isBool() ? QJsonValue(it.value().toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                             : QJsonValue(it.value().toVariant().toString());
    }
    return properties;
}

// "/dev/vdb" before "/dev/vdc" before "/dev/vdaa"; no device last.
bool deviceBefore(const QString &a, const QString &b)
{
    if (a.isEmpty() != b.isEmpty())
        return b.isEmpty();
    if (a.size() != b.size())
        return a.size() < b.size();
    return a < b;
}

int integer(const QJsonValue &value, int fallback)
{
    if (value.isDouble())
        return value.toInt(fallback);
    bool ok = false;
    const int parsed = value.toString().toInt(&ok);
    return ok ? parsed : fallback;
}
} // namespace

RestoreJob::RestoreJob(RestoreRequest request, QObject *parent)
    : Job(tr("Restore backup %1").arg(request.checkpointId.left(8)), parent)
    , m_request(std::move(request))
{
}

RestoreJob::~RestoreJob() = default;

template<typename T> T *RestoreJob::track(T *apiJob)
{
    m_current = apiJob;
    return apiJob;
}

template<typename T, typename Then> void RestoreJob::query(T *job, Then then)
{
    track(job);
    connect(job, &openstack::ApiJob::finished, this, [this, then = std::move(then)](const Error &error) {
        if (isCancelled())
            return abandon(tr("Cancelled."));
        if (error)
            return abandon(error);
        then();
    });
    job->start();
}

QString RestoreJob::cloudName() const
{
    return m_request.session->profile().name;
}

void RestoreJob::onCancel()
{
    if (m_reader)
        m_reader->cancel();
    if (m_waiter)
        m_waiter->abort();
    // A create request in flight is let through: its handler sees the cancel and deletes what it made.
    if (m_current && !qobject_cast<openstack::CreateServerJob *>(m_current.data())
        && !qobject_cast<openstack::CreateImageJob *>(m_current.data())
        && !qobject_cast<openstack::CreatePortJob *>(m_current.data())
        && !qobject_cast<openstack::CreateVolumeJob *>(m_current.data()))
        m_current->abort();
}

void RestoreJob::run()
{
    m_connection = new openstack::Connection(m_request.session, this);
    m_tag = QUuid::createUuid().toString(QUuid::WithoutBraces);
    setStage(JobStage::Checking);
    BankError bankError;
    if (!m_request.bank->open(&bankError)) // idempotent; sets the bank's keys before anything is read
        return abandon(bankError.message, bankError.path);
    // Shared, like a backup: a sweep (exclusive) must not take this run's journal entries for a dead
    // process's, and garbage collection must not remove chunks being read.
    m_bankLock = m_request.bank->lock(BankLock::Mode::Shared, 10 * 60 * 1000, &bankError);
    if (!m_bankLock)
        return abandon(bankError.message, bankError.path);
    if (!m_request.bank->checkpoint(m_request.checkpointId, &m_index, &bankError))
        return abandon(bankError.message, bankError.path);
    if (m_index.status != QLatin1String("available"))
        return abandon(tr("Backup %1 is %2, not available; only a complete backup can be restored.")
                           .arg(m_request.checkpointId, m_index.status),
                       m_index.errorMessage);
    m_serverResource = m_index.server();
    for (const ProtectedResource &resource : std::as_const(m_index.resources)) {
        if (resource.image && resource.type == QLatin1String(ImageResourceType))
            m_imageResource = &resource;
    }
    if (!readVolumes())
        return;
    m_saved = CheckpointDetails::fromIndex(m_index);
    if (m_request.imageOnly) {
        if (!m_imageResource)
            return abandon(tr("Backup %1 holds no image to restore (its server booted from a volume: restore its "
                              "volumes instead).")
                               .arg(m_request.checkpointId));
        m_volumes.clear();
        m_bootVolume = -1;
        m_uploadTotal = m_imageResource->image->size;
        m_newServerName = m_saved.serverName.isEmpty() ? m_imageResource->name : m_saved.serverName;
        return createImage();
    }
    if (!m_request.restoreServer) {
        if (m_volumes.isEmpty())
            return abandon(tr("Backup %1 holds no volumes to restore.").arg(m_request.checkpointId));
        m_bootVolume = -1; // no server boots from it
        return checkVolumeTypes();
    }
    if (m_serverResource
        && m_serverResource->metadata.value(QLatin1String(CheckpointKey::BootFromVolume)).toBool() && m_bootVolume < 0)
        return abandon(tr("Backup %1 holds no boot volume of server %2, so the server cannot be restored. Restore "
                          "only its volumes.")
                           .arg(m_request.checkpointId, m_serverResource->name));
    if (!m_serverResource || (!m_imageResource && !bootsFromVolume()))
        return abandon(tr("Backup %1 holds no server image to restore.").arg(m_request.checkpointId));
    m_newServerName = m_request.serverName.isEmpty() ? m_saved.serverName : m_request.serverName;
    checkFlavor();
}

// The saved volumes, the boot volume first and the others in their saved device order.
bool RestoreJob::readVolumes()
{
    for (const ProtectedResource &resource : std::as_const(m_index.resources)) {
        if (resource.type != QLatin1String(VolumeResourceType))
            continue;
        VolumeRestore volume;
        volume.saved = &resource;
        volume.label = resource.name.isEmpty() ? resource.id : resource.name;
        if (!resource.image) {
            abandon(tr("Backup %1 lists volume %2 without its data; it cannot be restored.")
                        .arg(m_request.checkpointId, volume.label));
            return false;
        }
        const QJsonObject &meta = resource.metadata;
        volume.device = resource.extraInfo.value(QLatin1String(CheckpointKey::Device)).toString(
            meta.value(QLatin1String(CheckpointKey::Device)).toString());
        volume.bootIndex = integer(resource.extraInfo.value(QLatin1String(CheckpointKey::BootIndex)),
                                   integer(meta.value(QLatin1String(CheckpointKey::BootIndex)), -1));
        // Cinder refuses an image larger than the volume: at least the saved size and the saved bytes.
        const qint64 bytesGb = (resource.image->size + GiB - 1) / GiB;
        volume.sizeGb = int(std::max<qint64>({1, integer(meta.value(QLatin1String(CheckpointKey::SizeGb)), 0), bytesGb}));
        volume.savedType = meta.value(QLatin1String(CheckpointKey::VolumeType)).toString();
        m_volumes.append(volume);
    }
    std::stable_sort(m_volumes.begin(), m_volumes.end(), [](const VolumeRestore &a, const VolumeRestore &b) {
        if ((a.bootIndex == 0) != (b.bootIndex == 0))
            return a.bootIndex == 0;
        return deviceBefore(a.device, b.device);
    });
    if (!m_volumes.isEmpty() && m_volumes.constFirst().bootIndex == 0)
        m_bootVolume = 0;
    for (const VolumeRestore &volume : std::as_const(m_volumes))
        m_uploadTotal += volume.saved->image->size;
    if (m_imageResource && m_bootVolume < 0 && m_request.restoreServer)
        m_uploadTotal += m_imageResource->image->size;
    return true;
}

void RestoreJob::checkFlavor()
{
    auto *job = new openstack::ListFlavorsJob(m_connection, this);
    query(job, [this, job] {
        const QString cloud = cloudName();
        const QList<openstack::Flavor> &flavors = job->flavors();
        const auto find = [&flavors](const QString &idOrName) -> const openstack::Flavor * {
            for (const auto &flavor : flavors) {
                if (!idOrName.isEmpty() && (flavor.id == idOrName || flavor.name == idOrName))
                    return &flavor;
            }
            return nullptr;
        };
        const openstack::Flavor *flavor = nullptr;
        if (!m_request.flavor.isEmpty()) {
            flavor = find(m_request.flavor);
            if (!flavor)
                return abandon(tr("Cloud %1 has no flavor %2. Choose one of its flavors.").arg(cloud, m_request.flavor));
        } else {
            flavor = find(m_saved.flavorId);
            if (!flavor)
                flavor = find(m_saved.flavorName);
            if (!flavor)
                return abandon(tr("Cloud %1 has no flavor like the saved one (%2); choose a flavor for the restored "
                                  "server.")
                                   .arg(cloud, m_saved.flavorName));
        }
        m_flavor = *flavor;
        // A server booted from a volume has no root disk of the flavor's size; its memory needs come with
        // the boot volume's image metadata.
        const qint64 minRam = bootsFromVolume()
            ? integer(m_volumes.at(m_bootVolume).saved->metadata.value(QLatin1String(CheckpointKey::VolumeImageMetadata))
                          .toObject().value(QLatin1String(CheckpointKey::MinRam)), 0)
            : m_saved.minRamMiB;
        if (!bootsFromVolume()) {
            const qint64 minDisk = m_saved.minDiskGiB;
            const qint64 imageSize = m_imageResource->image->size;
            if (m_flavor.disk > 0 && m_flavor.disk < minDisk)
                return abandon(tr("Flavor %1 has a %2 GiB disk, but the image needs at least %3 GiB (min_disk). Choose "
                                  "a larger flavor.")
                                   .arg(m_flavor.name)
                                   .arg(m_flavor.disk)
                                   .arg(minDisk));
            if (m_flavor.disk > 0 && qint64(m_flavor.disk) * GiB < imageSize)
                return abandon(tr("Flavor %1 has a %2 GiB disk, smaller than the %3-byte image. Choose a larger "
                                  "flavor.")
                                   .arg(m_flavor.name)
                                   .arg(m_flavor.disk)
                                   .arg(imageSize));
        }
        if (m_flavor.ram > 0 && m_flavor.ram < minRam)
            return abandon(tr("Flavor %1 has %2 MiB of memory, but the image needs at least %3 MiB (min_ram). Choose "
                              "a larger flavor.")
                               .arg(m_flavor.name)
                               .arg(m_flavor.ram)
                               .arg(minRam));
        checkKeyPair();
    });
}

void RestoreJob::checkKeyPair()
{
    const QString keyName = m_request.keyName.isEmpty()
        ? m_saved.keyName
        : m_request.keyName;
    if (keyName.isEmpty())
        return resolveNetworks();
    auto *job = new openstack::ListKeyPairsJob(m_connection, this);
    query(job, [this, job, keyName] {
        const auto &keys = job->keyPairs();
        const bool found = std::any_of(keys.begin(), keys.end(), [&](const auto &key) { return key.name == keyName; });
        if (!found)
            return abandon(tr("Cloud %1 has no key pair %2. Import the key there, or choose another key pair.")
                               .arg(cloudName(), keyName));
        m_request.keyName = keyName;
        resolveNetworks();
    });
}

void RestoreJob::resolveNetworks()
{
    if (m_request.networks.isEmpty() && m_request.ports) {
        QList<RestoreRequest::Nic> wanted;
        if (m_request.nics) {
            wanted = *m_request.nics;
        } else {
            for (const SavedNic &nic : std::as_const(m_saved.nics)) {
                const QString name = nic.networkName.isEmpty() ? nic.networkId : nic.networkName;
                wanted.append(RestoreRequest::Nic{m_request.networkMap.value(name, name), nic.fixedIps.value(0),
                                                  m_request.securityGroups.isEmpty() ? nic.securityGroups
                                                                                     : m_request.securityGroups});
            }
        }
        if (!m_request.fixedIps) {
            for (RestoreRequest::Nic &nic : wanted)
                nic.fixedIp.clear();
        }
        if (!wanted.isEmpty())
            return resolveNics(wanted);
    }
    const QStringList wanted = m_request.networks.isEmpty() ? m_saved.networkNames : m_request.networks;
    if (wanted.isEmpty() || wanted == QStringList{QStringLiteral("auto")} || wanted == QStringList{QStringLiteral("none")}) {
        m_networkIds = wanted;
        return checkSecurityGroups();
    }
    auto *job = new openstack::ListNetworksJob(m_connection, this);
    query(job, [this, job, wanted] {
        QStringList missing;
        for (const QString &name : wanted) {
            QString id;
            for (const auto &network : job->networks()) {
                if (network.id == name || network.name == name)
                    id = network.id;
            }
            if (id.isEmpty())
                missing.append(name);
            else
                m_networkIds.append(id);
        }
        if (!missing.isEmpty())
            return abandon(tr("Cloud %1 has no network named %2. Choose the networks for the restored server.")
                               .arg(cloudName(), missing.join(QStringLiteral(", "))));
        checkSecurityGroups();
    });
}

// Before anything is made: Nova would refuse the server only after the image and the volumes exist.
void RestoreJob::checkSecurityGroups()
{
    const QStringList wanted = m_request.securityGroups.isEmpty() ? m_saved.securityGroups : m_request.securityGroups;
    if (wanted.isEmpty())
        return checkVolumeTypes();
    auto *job = track(new openstack::ListSecurityGroupsJob(m_connection, this));
    connect(job, &openstack::ApiJob::finished, this, [this, job, wanted](const Error &error) {
        if (isCancelled())
            return abandon(tr("Cancelled."));
        if (error.kind == Error::Kind::NoEndpoint) {
            // No Neutron in the catalog (nova-network clouds, a bare test cloud): Nova checks the names itself.
            qCInfo(lcProtection) << "security groups not checked before the restore:" << error.message;
            return checkServerGroup();
        }
        if (error)
            return abandon(error);
        QStringList missing;
        for (const QString &name : wanted) {
            const auto &groups = job->securityGroups();
            if (std::none_of(groups.cbegin(), groups.cend(), [&](const auto &group) { return group.id == name || group.name == name; }))
                missing.append(name);
        }
        if (!missing.isEmpty())
            return abandon(tr("Cloud %1 has no security group named %2. Choose the security groups for the restored "
                              "server.")
                               .arg(cloudName(), missing.join(QStringLiteral(", "))));
        checkServerGroup();
    });
    job->start();
}

void RestoreJob::resolveNics(const QList<RestoreRequest::Nic> &wanted)
{
    auto *job = new openstack::ListNetworksJob(m_connection, this);
    query(job, [this, job, wanted] {
        QStringList missing;
        QSet<QString> groups;
        for (const RestoreRequest::Nic &nic : wanted) {
            NicRestore restore;
            for (const auto &network : job->networks()) {
                if (network.id == nic.network || (restore.networkId.isEmpty() && network.name == nic.network)) {
                    restore.networkId = network.id;
                    restore.networkName = network.name;
                }
            }
            if (restore.networkId.isEmpty() && !missing.contains(nic.network))
                missing.append(nic.network);
            restore.wantedIp = nic.fixedIp;
            restore.groupIds = nic.securityGroups; // names until the groups are listed
            for (const QString &group : nic.securityGroups)
                groups.insert(group);
            m_nics.append(restore);
        }
        if (!missing.isEmpty())
            return abandon(tr("Cloud %1 has no network named %2, which server %3 had a NIC on. Choose the networks for "
                              "the restored server (or map them).")
                               .arg(cloudName(), missing.join(QStringLiteral(", ")), m_saved.serverName));
        m_usePorts = true;
        if (groups.isEmpty())
            return checkServerGroup();
        auto *list = new openstack::ListSecurityGroupsJob(m_connection, this);
        query(list, [this, list] {
            QStringList missingGroups;
            for (NicRestore &nic : m_nics) {
                QStringList ids;
                for (const QString &wantedGroup : std::as_const(nic.groupIds)) {
                    QString id;
                    for (const auto &group : list->securityGroups()) {
                        if (group.id == wantedGroup || (id.isEmpty() && group.name == wantedGroup))
                            id = group.id;
                    }
                    if (id.isEmpty() && !missingGroups.contains(wantedGroup))
                        missingGroups.append(wantedGroup);
                    ids.append(id);
                }
                nic.groupIds = ids;
            }
            if (!missingGroups.isEmpty())
                return abandon(tr("Cloud %1 has no security group named %2. Choose the security groups for the restored "
                                  "server.")
                                   .arg(cloudName(), missingGroups.join(QStringLiteral(", "))));
            checkServerGroup();
        });
    });
}

void RestoreJob::checkServerGroup()
{
    const QString wanted = m_request.serverGroup ? *m_request.serverGroup : m_saved.serverGroups.value(0);
    if (wanted.isEmpty())
        return checkAvailabilityZone();
    auto *job = new openstack::ListServerGroupsJob(m_connection, this);
    query(job, [this, job, wanted] {
        for (const auto &group : job->groups()) {
            if (group.id == wanted || (m_serverGroupId.isEmpty() && group.name == wanted))
                m_serverGroupId = group.id;
        }
        if (m_serverGroupId.isEmpty())
            m_warnings.append(tr("Cloud %1 has no server group named %2, so server %3 was restored outside any server "
                                 "group.")
                                  .arg(cloudName(), wanted, m_newServerName));
        checkAvailabilityZone();
    });
}

// The saved zone when the target has a zone of that name (else the cloud chooses, with a warning); a
// zone asked for is passed as it is (Nova refuses one it does not have).
void RestoreJob::checkAvailabilityZone()
{
    if (!m_request.availabilityZone.isEmpty() || m_request.useSavedAvailabilityZone || m_saved.availabilityZone.isEmpty()) {
        m_zone = !m_request.availabilityZone.isEmpty() ? m_request.availabilityZone
            : m_request.useSavedAvailabilityZone      ? m_saved.availabilityZone
                                                      : QString();
        return checkVolumeTypes();
    }
    auto *job = track(new openstack::ListAvailabilityZonesJob(m_connection, this));
    connect(job, &openstack::ApiJob::finished, this, [this, job](const Error &error) {
        if (isCancelled())
            return abandon(tr("Cancelled."));
        if (error)
            qCInfo(lcProtection) << "availability zones not listed:" << error.message;
        if (job->zones().contains(m_saved.availabilityZone))
            m_zone = m_saved.availabilityZone;
        else
            m_warnings.append(tr("Cloud %1 has no availability zone %2, so the cloud chose the zone of server %3.")
                                  .arg(cloudName(), m_saved.availabilityZone, m_newServerName));
        checkVolumeTypes();
    });
    job->start();
}

// Each volume's type in the target: the mapped one (which must exist there), else the saved name when
// the target has it, else the target's default type (the result warns).
void RestoreJob::checkVolumeTypes()
{
    QSet<QString> savedTypes;
    for (const VolumeRestore &volume : std::as_const(m_volumes))
        savedTypes.insert(volume.savedType);
    for (auto it = m_request.volumeTypes.constBegin(); it != m_request.volumeTypes.constEnd(); ++it) {
        if (!savedTypes.contains(it.key()))
            return abandon(tr("Backup %1 has no volume of type %2, so the type mapping %2=%3 does not apply.")
                               .arg(m_request.checkpointId, it.key(), it.value()));
    }
    savedTypes.remove(QString());
    if (savedTypes.isEmpty())
        return checkVolumeQuota();
    auto *job = new openstack::ListVolumeTypesJob(m_connection, this);
    query(job, [this, job] {
        QStringList names;
        QSet<QString> known;
        for (const auto &type : job->types()) {
            names.append(type.name);
            known.insert(type.name);
            known.insert(type.id);
        }
        for (VolumeRestore &volume : m_volumes) {
            if (volume.savedType.isEmpty())
                continue;
            const auto mapped = m_request.volumeTypes.constFind(volume.savedType);
            if (mapped != m_request.volumeTypes.constEnd()) {
                if (!known.contains(mapped.value()))
                    return abandon(tr("Cloud %1 has no volume type %2 (chosen for volume %3 of type %4). Its types: "
                                      "%5.")
                                       .arg(cloudName(), mapped.value(), volume.label, volume.savedType,
                                            names.join(QStringLiteral(", "))));
                volume.type = mapped.value();
            } else if (known.contains(volume.savedType)) {
                volume.type = volume.savedType;
            } else {
                volume.defaultedType = true;
            }
        }
        checkVolumeQuota();
    });
}

// Before anything is made: do the volumes fit in the project's block-storage quota? Where the limits
// cannot be read (an old policy, no such API), Cinder's 413 on the create still says it.
void RestoreJob::checkVolumeQuota()
{
    if (m_volumes.isEmpty())
        return restoreNextVolume();
    auto *job = track(new openstack::ShowVolumeLimitsJob(m_connection, this));
    connect(job, &openstack::ApiJob::finished, this, [this, job](const Error &error) {
        if (isCancelled())
            return abandon(tr("Cancelled."));
        if (error) {
            qCInfo(lcProtection) << "volume limits not readable, not checked before the restore:" << error.toLogString();
            return restoreNextVolume();
        }
        const openstack::VolumeLimits &limits = job->limits();
        int before = 0; // GiB of the volumes restored before this one
        for (int i = 0; i < m_volumes.size(); ++i) {
            const VolumeRestore &volume = m_volumes.at(i);
            if (limits.maxVolumes >= 0 && limits.usedVolumes + i + 1 > limits.maxVolumes)
                return abandon(tr("Cloud %1 has no room for volume %2: the project may have %3 volumes, it has %4, "
                                  "and this restore makes %5 before it. Delete volumes there or ask for a larger "
                                  "quota.")
                                   .arg(cloudName(), volume.label)
                                   .arg(limits.maxVolumes)
                                   .arg(limits.usedVolumes)
                                   .arg(i));
            if (limits.maxGigabytes >= 0 && limits.usedGigabytes + before + volume.sizeGb > limits.maxGigabytes)
                return abandon(tr("Cloud %1 has no room for volume %2 (%3 GiB): the project's volume quota is %4 "
                                  "GiB, %5 GiB are in use, and this restore makes %6 GiB before it. Free volume "
                                  "space there or ask for a larger quota.")
                                   .arg(cloudName(), volume.label)
                                   .arg(volume.sizeGb)
                                   .arg(limits.maxGigabytes)
                                   .arg(limits.usedGigabytes)
                                   .arg(before));
            before += volume.sizeGb;
        }
        restoreNextVolume();
    });
    job->start();
}

void RestoreJob::restoreNextVolume()
{
    if (m_nextVolume >= m_volumes.size())
        return restoreServerPart();
    const int index = m_nextVolume;
    const VolumeRestore &volume = m_volumes.at(index);
    const QJsonObject &meta = volume.saved->metadata;
    // A bootable volume's image metadata (hw_disk_bus, hw_firmware_type, ...) rides on the temporary
    // image: Cinder copies an image's properties into the new volume's volume_image_metadata.
    QJsonObject properties;
    const QJsonObject imageMetadata = meta.value(QLatin1String(CheckpointKey::VolumeImageMetadata)).toObject();
    for (auto it = imageMetadata.constBegin(); it != imageMetadata.constEnd(); ++it) {
        if (!reservedImageKeys().contains(it.key()) && !it.key().startsWith(QLatin1String("stackvault_")))
            properties.insert(it.key(), it.value());
    }
    properties.insert(QStringLiteral("name"),
                      QStringLiteral("stackvault-restore-%1-%2").arg(m_tag.left(8), volume.label));
    const ImageRecord &record = *volume.saved->image;
    properties.insert(QStringLiteral("disk_format"),
                      record.diskFormat.isEmpty() ? QStringLiteral("raw") : record.diskFormat);
    properties.insert(QStringLiteral("container_format"),
                      record.containerFormat.isEmpty() ? QStringLiteral("bare") : record.containerFormat);
    uploadImage(record, properties, &m_volumes[index].imageId, volume.label, [this, index] { createVolume(index); });
}

void RestoreJob::createVolume(int index)
{
    setStage(JobStage::CreatingVolume);
    VolumeRestore &volume = m_volumes[index];
    const QJsonObject &meta = volume.saved->metadata;
    openstack::VolumeCreateRequest create;
    create.name = volume.saved->name;
    create.description = meta.value(QLatin1String(CheckpointKey::Description)).toString();
    create.volumeType = volume.type;
    // The server's zone is Nova's; Cinder's zones are often named differently. A zone is asked for only
    // when restoring volumes alone, or when the saved zones are wanted.
    if (!m_request.restoreServer && !m_request.availabilityZone.isEmpty())
        create.availabilityZone = m_request.availabilityZone;
    else if (m_request.useSavedAvailabilityZone)
        create.availabilityZone = meta.value(QLatin1String(CheckpointKey::AvailabilityZone)).toString();
    create.imageId = volume.imageId;
    create.sizeGb = volume.sizeGb;
    create.metadata = QJsonObject{{QStringLiteral("stackvault_restore_job"), m_tag},
                                  {QStringLiteral("stackvault_restored_from"), m_index.id}};
    journal(JournalEntry::RestoreVolume, {}, {});
    auto *job = track(new openstack::CreateVolumeJob(m_connection, create, this));
    connect(job, &openstack::ApiJob::finished, this, [this, job, index](const Error &error) {
        VolumeRestore &made = m_volumes[index];
        if (!error)
            made.volumeId = job->volume().id;
        journalCreated(JournalEntry::RestoreVolume, &JournalEntry::volumeId, made.volumeId, error,
                       "restore-after-create-volume");
        if (isCancelled())
            return abandon(tr("Cancelled."));
        if (error.httpStatus == 413)
            return abandon(tr("Cloud %1 refused to create volume %2 (%3 GiB): the project is over its volume quota. "
                              "Free volume space there or ask for a larger quota.")
                               .arg(cloudName(), made.label)
                               .arg(made.sizeGb),
                           error.serviceMessage);
        if (error)
            return abandonVolume(made, tr("creating it"), error);
        waitForVolume(index);
    });
    job->start();
}

void RestoreJob::waitForVolume(int index)
{
    auto *waiter = new openstack::VolumeStatusWaiter(m_connection, m_volumes.at(index).volumeId,
                                                     m_request.volumeCreateTimeout, this);
    waiter->setVolumeName(m_volumes.at(index).label);
    waiter->setPollInterval(m_request.poll);
    m_waiter = waiter;
    connect(waiter, &openstack::StatusWaiter::finished, this, [this, waiter, index](const Error &error) {
        if (isCancelled())
            return abandon(tr("Cancelled."));
        VolumeRestore &volume = m_volumes[index];
        if (error.kind == Error::Kind::WaitFailed)
            return abandon(tr("The restored volume %1 went into status %2 in cloud %3; it was removed. The cloud's "
                              "block storage may lack space for %4 GiB.")
                               .arg(volume.label, waiter->volume().status, cloudName())
                               .arg(volume.sizeGb),
                           error.message);
        if (error)
            return abandonVolume(volume, tr("waiting for it"), error);
        volume.actualType = waiter->volume().volumeType;
        if (volume.defaultedType)
            m_warnings.append(tr("Volume %1: cloud %2 has no volume type %3; it got the cloud's default type %4.")
                                  .arg(volume.label, cloudName(), volume.savedType, volume.actualType));
        deleteTemporaryImage(index);
    });
    waiter->start();
}

void RestoreJob::deleteTemporaryImage(int index)
{
    const QString imageId = m_volumes.at(index).imageId;
    auto *job = track(new openstack::DeleteImageJob(m_connection, imageId, this));
    connect(job, &openstack::ApiJob::finished, this, [this, index, imageId](const Error &error) {
        if (!error) {
            unjournal(JournalEntry::RestoreImage, imageId, {});
            m_volumes[index].imageId.clear();
        }
        if (isCancelled())
            return abandon(tr("Cancelled."));
        if (error)
            return abandonVolume(m_volumes.at(index), tr("deleting its temporary image"), error);
        ++m_nextVolume;
        restoreNextVolume();
    });
    job->start();
}

void RestoreJob::restoreServerPart()
{
    m_nextVolume = 0;
    if (!m_request.restoreServer)
        return succeed();
    if (bootsFromVolume())
        return createServer();
    createImage();
}

void RestoreJob::createImage()
{
    QJsonObject properties = m_imageResource->metadata.value(QLatin1String(CheckpointKey::Properties)).toObject();
    properties.insert(QStringLiteral("name"), m_request.imageOnly && !m_request.serverName.isEmpty()
                                                  ? m_request.serverName
                                                  : QStringLiteral("%1-restored-%2").arg(m_newServerName, m_index.id.left(8)));
    properties.insert(QStringLiteral("disk_format"), m_imageResource->image->diskFormat);
    properties.insert(QStringLiteral("container_format"), m_imageResource->image->containerFormat);
    m_imageName = properties.value(QStringLiteral("name")).toString();
    uploadImage(*m_imageResource->image, properties, &m_imageId, {}, [this] {
        if (m_request.imageOnly)
            return succeed();
        createServer();
    });
}

void RestoreJob::uploadImage(const ImageRecord &record, QJsonObject properties, QString *imageId, const QString &what,
                             const std::function<void()> &next)
{
    m_upload = Upload{&record, imageId, what, next};
    setStage(JobStage::CreatingImage);
    properties.insert(QStringLiteral("stackvault_restored_from"), m_index.id);
    properties.insert(QStringLiteral("stackvault_restore_job"), m_tag);
    journal(JournalEntry::RestoreImage, {}, {});
    auto *job = track(new openstack::CreateImageJob(m_connection, glanceProperties(properties), this));
    connect(job, &openstack::ApiJob::finished, this, [this, job](const Error &error) {
        if (!error)
            *m_upload.imageId = job->image().id;
        journalCreated(JournalEntry::RestoreImage, &JournalEntry::imageId, *m_upload.imageId, error,
                       "restore-after-create-image");
        if (isCancelled())
            return abandon(tr("Cancelled."));
        if (error)
            return abandonUpload(error);
        streamImage();
    });
    job->start();
}

void RestoreJob::streamImage()
{
    const ImageRecord &record = *m_upload.record;
    setStage(JobStage::Uploading, m_uploadTotal);
    setBytesDone(m_uploadDone);
    // Chunks are read, decompressed and SHA-256-checked ahead on the reader's threads; the upload
    // pulls them in order, so memory stays at a few chunks whatever the image size.
    m_reader = std::make_shared<ImageReader>(m_request.bank.get(), record);
    auto *device = new openstack::ProducerDevice(
        [reader = m_reader](QByteArray *block) {
            crashPoint("restore-upload");
            block->clear();
            return reader->next(block) || !reader->error().isError();
        },
        record.size, this);
    device->open(QIODevice::ReadOnly);
    auto *job = track(new openstack::ImageUploadJob(m_connection, *m_upload.imageId, device, record.size, this));
    connect(job, &openstack::ImageUploadJob::progress, this, [this](qint64 sent, qint64) { setBytesDone(m_uploadDone + sent); });
    connect(job, &openstack::ApiJob::finished, this, [this](const Error &error) {
        if (isCancelled())
            return abandon(tr("Cancelled."));
        if (m_reader->error().isError())
            return abandon(m_upload.what.isEmpty()
                               ? tr("Backup %1 is damaged; the restore stopped: %2").arg(m_index.id, m_reader->error().message)
                               : tr("Backup %1 is damaged (volume %2); the restore stopped: %3")
                                     .arg(m_index.id, m_upload.what, m_reader->error().message));
        if (error)
            return abandonUpload(error);
        m_uploadDone += m_upload.record->size;
        setStage(JobStage::Verifying);
        waitForImage();
    });
    job->start();
}

void RestoreJob::waitForImage()
{
    crashPoint("restore-waiting-image");
    auto *waiter = new openstack::ImageStatusWaiter(m_connection, *m_upload.imageId, m_request.imageActiveTimeout, this);
    waiter->setPollInterval(m_request.poll);
    m_waiter = waiter;
    connect(waiter, &openstack::StatusWaiter::finished, this, [this, waiter](const Error &error) {
        if (isCancelled())
            return abandon(tr("Cancelled."));
        if (error)
            return abandonUpload(error);
        // What the cloud computed over what it received must equal what was backed up.
        const auto image = waiter->image();
        const ImageRecord &record = *m_upload.record;
        // A backup from a Glance with sha512 holds no md5 (BackupJob skips it): compare what both have.
        if ((!image.checksum.isEmpty() && !record.md5.isEmpty() && image.checksum != QString::fromLatin1(record.md5))
            || (image.osHashAlgo == QLatin1String("sha512") && image.osHashValue != QString::fromLatin1(record.sha512))
            || (image.size >= 0 && image.size != record.size)) {
            const QString expected = tr("expected md5 %1 sha512 %2 size %3; got md5 %4 sha512 %5 size %6")
                                         .arg(QString::fromLatin1(record.md5), QString::fromLatin1(record.sha512))
                                         .arg(record.size)
                                         .arg(image.checksum, image.osHashValue)
                                         .arg(image.size);
            return abandon(m_upload.what.isEmpty()
                               ? tr("Cloud %1 stored different bytes than the backup holds (checksum mismatch); the "
                                    "restored image was removed. Try again.")
                                     .arg(cloudName())
                               : tr("Cloud %1 stored different bytes than the backup holds for volume %2 (checksum "
                                    "mismatch); what was restored was removed. Try again.")
                                     .arg(cloudName(), m_upload.what),
                           expected);
        }
        m_upload.next();
    });
    waiter->start();
}

// The failure of a volume's temporary image names the volume.
void RestoreJob::abandonUpload(const Error &error)
{
    if (m_upload.what.isEmpty())
        return abandon(error);
    abandon(tr("Volume %1 could not be restored: %2").arg(m_upload.what, error.message), error.serviceMessage);
}

void RestoreJob::createNextPort()
{
    setStage(JobStage::CreatingServer);
    const int index = m_nextPort;
    const NicRestore &nic = m_nics.at(index);
    const QString ip = nic.ipTaken || nic.ipElsewhere ? QString() : nic.wantedIp;
    auto *job = track(new openstack::CreatePortJob(m_connection, nic.networkId, ip, nic.groupIds,
                                                   QStringLiteral("%1-nic%2").arg(m_newServerName).arg(index), this));
    // The marker by which the sweep finds a port whose create answer a killed restore never read.
    job->setDescription(QStringLiteral("stackvault_restore_job:") + m_tag);
    journal(JournalEntry::RestorePort, {}, {});
    connect(job, &openstack::ApiJob::finished, this, [this, job, index, ip](const Error &error) {
        NicRestore &made = m_nics[index];
        if (!error) {
            made.portId = job->port().id;
            made.ip = job->port().fixedIps.isEmpty() ? QString() : job->port().fixedIps.constFirst().ip;
        }
        journalCreated(JournalEntry::RestorePort, &JournalEntry::portId, made.portId, error, "restore-after-create-port");
        if (isCancelled())
            return abandon(tr("Cancelled."));
        if (error && (job->addressTaken() || job->addressNotOnNetwork())) {
            // Someone holds the address in the target (the original server, often), or the network there
            // has other subnets: a new address instead.
            made.ipTaken = job->addressTaken();
            made.ipElsewhere = job->addressNotOnNetwork();
            return createNextPort();
        }
        if (error)
            return abandon(error);
        if (made.ipElsewhere)
            m_warnings.append(tr("Address %1 is not part of network %2 in cloud %3, so server %4 got %5 there instead.")
                                  .arg(made.wantedIp, made.networkName, cloudName(), m_newServerName, made.ip));
        else if (made.ipTaken)
            m_warnings.append(tr("Address %1 on network %2 is taken in cloud %3, so server %4 got %5 there instead.")
                                  .arg(made.wantedIp, made.networkName, cloudName(), m_newServerName, made.ip));
        ++m_nextPort;
        createServer();
    });
    job->start();
}

void RestoreJob::createServer()
{
    if (m_usePorts && m_nextPort < m_nics.size())
        return createNextPort();
    setStage(JobStage::CreatingServer);
    openstack::ServerCreateRequest create;
    create.name = m_newServerName;
    create.flavorRef = m_flavor.id;
    if (bootsFromVolume()) {
        // Boots from the restored root volume; the restore deletes it itself if the boot fails.
        openstack::ServerCreateRequest::BlockDevice root;
        root.uuid = m_volumes.at(m_bootVolume).volumeId;
        root.sourceType = QStringLiteral("volume");
        root.destinationType = QStringLiteral("volume");
        root.bootIndex = 0;
        root.deleteOnTermination = false;
        create.blockDevices.append(root);
    } else {
        create.imageRef = m_imageId;
    }
    if (m_usePorts) {
        // The ports carry the networks, addresses and security groups.
        create.networkMode = openstack::ServerCreateRequest::NetworkMode::Explicit;
        for (const NicRestore &nic : std::as_const(m_nics))
            create.networks.append(openstack::ServerCreateRequest::Network{{}, nic.portId, {}});
    } else if (m_networkIds == QStringList{QStringLiteral("none")}) {
        create.networkMode = openstack::ServerCreateRequest::NetworkMode::None;
    } else if (m_networkIds.isEmpty() || m_networkIds == QStringList{QStringLiteral("auto")}) {
        create.networkMode = openstack::ServerCreateRequest::NetworkMode::Auto;
    } else {
        create.networkMode = openstack::ServerCreateRequest::NetworkMode::Explicit;
        for (const QString &id : std::as_const(m_networkIds))
            create.networks.append(openstack::ServerCreateRequest::Network{id, {}, {}});
    }
    create.keyName = m_request.keyName;
    if (m_usePorts) {
        // Nova does not apply server-wide groups to ports it is given.
    } else if (!m_request.securityGroups.isEmpty()) {
        create.securityGroups = m_request.securityGroups;
    } else {
        create.securityGroups = m_saved.securityGroups;
    }
    create.availabilityZone = m_zone;
    create.metadata = m_request.metadata ? *m_request.metadata : m_saved.serverMetadata;
    create.tags = m_request.tags ? *m_request.tags : m_saved.tags;
    create.description = m_request.description ? *m_request.description : m_saved.description;
    create.configDrive = m_request.configDrive ? *m_request.configDrive : m_saved.configDrive;
    create.serverGroupId = m_serverGroupId;
    if (m_request.userData && m_saved.userDataState == QLatin1String("saved"))
        create.userData = RebuildData::userData(m_serverResource->metadata);
    const QVersionNumber microversion = m_request.session->computeMicroversion();
    if (!create.tags.isEmpty() && QVersionNumber::compare(microversion, QVersionNumber(2, 52)) < 0)
        m_warnings.append(tr("The compute API of cloud %1 (%2) cannot tag a new server (2.52 can), so server %3 has no "
                             "tags.")
                              .arg(cloudName(), microversion.toString(), m_newServerName));
    if (!create.description.isEmpty() && QVersionNumber::compare(microversion, QVersionNumber(2, 19)) < 0)
        m_warnings.append(tr("The compute API of cloud %1 (%2) cannot describe a new server (2.19 can), so server %3 "
                             "has no description.")
                              .arg(cloudName(), microversion.toString(), m_newServerName));
    create.metadata.insert(QStringLiteral("stackvault_restored_from"), m_index.id);
    create.metadata.insert(QStringLiteral("stackvault_restore_job"), m_tag);
    journal(JournalEntry::RestoreServer, {}, {});
    auto *job = track(new openstack::CreateServerJob(m_connection, create, this));
    connect(job, &openstack::ApiJob::finished, this, [this, job](const Error &error) {
        if (!error)
            m_serverId = job->serverId();
        journalCreated(JournalEntry::RestoreServer, &JournalEntry::serverId, m_serverId, error,
                       "restore-after-create-server");
        if (isCancelled())
            return abandon(tr("Cancelled."));
        if (error)
            return abandon(error);
        setStage(JobStage::WaitingForServer);
        waitForServer();
    });
    job->start();
}

void RestoreJob::waitForServer()
{
    crashPoint("restore-waiting-server");
    auto *waiter = new openstack::ServerStatusWaiter(m_connection, m_serverId, {QStringLiteral("ACTIVE")},
                                                     m_request.serverActiveTimeout, this);
    waiter->setPollInterval(m_request.poll);
    m_waiter = waiter;
    connect(waiter, &openstack::StatusWaiter::finished, this, [this, waiter](const Error &error) {
        if (isCancelled())
            return abandon(tr("Cancelled."));
        const auto server = waiter->server();
        if (error.kind == Error::Kind::WaitFailed)
            return abandon(tr("The restored server %1 went into status %2 in cloud %3; it was removed. The cloud's "
                              "scheduler may lack capacity for flavor %4.")
                               .arg(m_newServerName, server.status, cloudName(), m_flavor.name),
                           server.raw.value(QLatin1String("fault")).toObject().value(QLatin1String("message")).toString());
        if (error)
            return abandon(error);
        m_newServerName = server.name;
        attachNextVolume();
    });
    waiter->start();
}

// The data volumes one after the other in their saved device order, each waited for until in-use, so
// that the guest sees them in the order it had them.
void RestoreJob::attachNextVolume()
{
    if (m_nextVolume == m_bootVolume)
        ++m_nextVolume;
    if (m_nextVolume >= m_volumes.size())
        return succeed();
    setStage(JobStage::AttachingVolumes);
    const int index = m_nextVolume;
    auto *job = track(new openstack::AttachVolumeJob(m_connection, m_serverId, m_volumes.at(index).volumeId, {}, this));
    job->setNames(m_newServerName, m_volumes.at(index).label);
    connect(job, &openstack::ApiJob::finished, this, [this, job, index](const Error &error) {
        if (isCancelled())
            return abandon(tr("Cancelled."));
        if (error)
            return abandonVolume(m_volumes.at(index), tr("attaching it to server %1").arg(m_newServerName), error);
        m_volumes[index].attachedDevice = job->attachment().device;
        auto *waiter = new openstack::VolumeStatusWaiter(m_connection, m_volumes.at(index).volumeId,
                                                         m_request.volumeCreateTimeout, this);
        waiter->setTargetStatus(QStringLiteral("in-use"));
        waiter->setVolumeName(m_volumes.at(index).label);
        waiter->setPollInterval(m_request.poll);
        m_waiter = waiter;
        connect(waiter, &openstack::StatusWaiter::finished, this, [this, waiter, index](const Error &waitError) {
            if (isCancelled())
                return abandon(tr("Cancelled."));
            if (waitError)
                return abandonVolume(m_volumes.at(index), tr("attaching it to server %1").arg(m_newServerName), waitError);
            for (const auto &attachment : waiter->volume().attachments) {
                if (attachment.serverId == m_serverId && !attachment.device.isEmpty())
                    m_volumes[index].attachedDevice = attachment.device;
            }
            ++m_nextVolume;
            attachNextVolume();
        });
        waiter->start();
    });
    job->start();
}

void RestoreJob::succeed()
{
    const QString cloud = cloudName();
    QVariantList volumes;
    QStringList lines;
    for (int i = 0; i < m_volumes.size(); ++i) {
        const VolumeRestore &volume = m_volumes.at(i);
        const QString device = i == m_bootVolume ? tr("boot volume") : volume.attachedDevice;
        const QString line = tr("volume %1: %2, %3 GiB, type %4").arg(volume.label, volume.volumeId).arg(volume.sizeGb).arg(volume.actualType);
        lines.append(QStringLiteral("  ") + (device.isEmpty() ? line : tr("%1, %2").arg(line, device)));
        volumes.append(QVariantMap{{QStringLiteral("name"), volume.saved->name},
                                   {QStringLiteral("saved_id"), volume.saved->id},
                                   {QStringLiteral("id"), volume.volumeId},
                                   {QStringLiteral("size_gb"), volume.sizeGb},
                                   {QStringLiteral("saved_volume_type"), volume.savedType},
                                   {QStringLiteral("volume_type"), volume.actualType},
                                   {QStringLiteral("saved_device"), volume.device},
                                   {QStringLiteral("device"), volume.attachedDevice},
                                   {QStringLiteral("boot_index"), volume.bootIndex}});
    }
    QVariantList nics;
    for (int i = 0; i < m_nics.size(); ++i) {
        const NicRestore &nic = m_nics.at(i);
        nics.append(QVariantMap{{QStringLiteral("network"), nic.networkName},
                                {QStringLiteral("network_id"), nic.networkId},
                                {QStringLiteral("port_id"), nic.portId},
                                {QStringLiteral("ip"), nic.ip},
                                {QStringLiteral("wanted_ip"), nic.wantedIp}});
        lines.append(QStringLiteral("  ") + tr("NIC %1: network %2, address %3").arg(i + 1).arg(nic.networkName, nic.ip));
    }
    QVariantMap data{{QStringLiteral("checkpoint_id"), m_index.id},
                     {QStringLiteral("nics"), nics},
                     {QStringLiteral("cloud"), cloud},
                     {QStringLiteral("volumes"), volumes},
                     {QStringLiteral("warnings"), QVariant(m_warnings)}};
    QString message;
    if (m_request.imageOnly) {
        data.insert(QStringLiteral("image_id"), m_imageId);
        data.insert(QStringLiteral("image_name"), m_imageName);
        message = tr("Restored image %1 in cloud %2 (image %3, no server).").arg(m_imageName, cloud, m_imageId);
    } else if (!m_request.restoreServer) {
        message = m_volumes.size() == 1 ? tr("Restored 1 volume in cloud %1 (no server).").arg(cloud)
                                        : tr("Restored %1 volumes in cloud %2 (no server).").arg(m_volumes.size()).arg(cloud);
    } else {
        data.insert(QStringLiteral("server_id"), m_serverId);
        data.insert(QStringLiteral("server_name"), m_newServerName);
        if (bootsFromVolume()) {
            message = tr("Restored server %1 in cloud %2 (server %3, booted from volume %4).")
                          .arg(m_newServerName, cloud, m_serverId, m_volumes.at(m_bootVolume).volumeId);
        } else {
            data.insert(QStringLiteral("image_id"), m_imageId);
            message = tr("Restored server %1 in cloud %2 (server %3, image %4).").arg(m_newServerName, cloud, m_serverId, m_imageId);
        }
    }
    for (const QString &line : std::as_const(lines))
        message += QLatin1Char('\n') + line;
    for (const QString &warning : std::as_const(m_warnings))
        message += QLatin1Char('\n') + tr("Warning: %1").arg(warning);
    m_success = JobResult{JobOutcome::Succeeded, message, {}, data};
    done();
}

void RestoreJob::abandon(const Error &error)
{
    abandon(error.message, error.serviceMessage);
}

void RestoreJob::abandonVolume(const VolumeRestore &volume, const QString &step, const Error &error)
{
    abandon(tr("Volume %1 could not be restored (%2): %3").arg(volume.label, step, error.message), error.serviceMessage);
}

void RestoreJob::abandon(const QString &message, const QString &details)
{
    if (!m_failure.isEmpty())
        return;
    m_failure = isCancelled() ? tr("Cancelled.") : message;
    m_failureDetails = details;
    qCInfo(lcProtection) << "restore of" << m_request.checkpointId << "stopped:" << m_failure;
    m_current = nullptr;
    m_waiter = nullptr;
    const bool made = !m_serverId.isEmpty() || !m_imageId.isEmpty()
        || std::any_of(m_nics.cbegin(), m_nics.cend(), [](const NicRestore &nic) { return !nic.portId.isEmpty(); })
        || std::any_of(m_volumes.cbegin(), m_volumes.cend(),
                       [](const VolumeRestore &v) { return !v.volumeId.isEmpty() || !v.imageId.isEmpty(); });
    if (made)
        setStage(JobStage::CleaningUp);
    removeHalfMade();
}

// A failed restore leaves nothing behind: the server first (it uses the image and the volumes), then
// the volumes once they settled (Cinder deletes neither an attached nor a creating volume), then the
// images (a volume may still be reading from its temporary image until then).
void RestoreJob::removeHalfMade()
{
    if (!m_serverId.isEmpty()) {
        auto *job = new openstack::DeleteServerJob(m_connection, m_serverId, this);
        connect(job, &openstack::ApiJob::finished, this, [this](const Error &error) {
            if (error) {
                m_failureDetails += tr("\nThe half-restored server %1 could not be removed: %2").arg(m_serverId, error.message);
                m_serverId.clear();
                return removeHalfMade();
            }
            // Its volumes are detached when the server is gone.
            auto *waiter = new openstack::ServerStatusWaiter(m_connection, m_serverId, {}, CleanupWait, this);
            waiter->setWaitForDeletion(true);
            waiter->setPollInterval(m_request.poll);
            connect(waiter, &openstack::StatusWaiter::finished, this, [this](const Error &waitError) {
                if (waitError)
                    m_failureDetails += tr("\nThe half-restored server %1 is still being deleted: %2").arg(m_serverId, waitError.message);
                else
                    unjournal(JournalEntry::RestoreServer, {}, m_serverId);
                m_serverId.clear();
                removeHalfMade();
            });
            waiter->start();
        });
        return job->start();
    }
    // Ports made for the server: Nova leaves ports it was given when the server goes.
    for (int i = 0; i < m_nics.size(); ++i) {
        if (!m_nics.at(i).portId.isEmpty())
            return removePort(i);
    }
    for (int i = 0; i < m_volumes.size(); ++i) {
        if (!m_volumes.at(i).volumeId.isEmpty())
            return removeVolume(i);
    }
    QString *image = &m_imageId;
    for (VolumeRestore &volume : m_volumes) {
        if (!volume.imageId.isEmpty())
            image = &volume.imageId;
    }
    if (!image->isEmpty()) {
        auto *job = new openstack::DeleteImageJob(m_connection, *image, this);
        connect(job, &openstack::ApiJob::finished, this, [this, image](const Error &error) {
            if (error)
                m_failureDetails += tr("\nThe half-restored image %1 could not be removed: %2").arg(*image, error.message);
            else
                unjournal(JournalEntry::RestoreImage, *image, {});
            image->clear();
            removeHalfMade();
        });
        return job->start();
    }
    done();
}

void RestoreJob::removePort(int index)
{
    const QString portId = m_nics.at(index).portId;
    auto *job = new openstack::DeletePortJob(m_connection, portId, this);
    connect(job, &openstack::ApiJob::finished, this, [this, index, portId](const Error &error) {
        if (error) // a port already gone is no error (DeletePortJob)
            m_failureDetails += tr("\nThe port %1 made for the restored server could not be removed: %2").arg(portId, error.message);
        else
            unjournal(JournalEntry::RestorePort, {}, {}, {}, portId);
        m_nics[index].portId.clear();
        removeHalfMade();
    });
    job->start();
}

void RestoreJob::removeVolume(int index)
{
    const QString volumeId = m_volumes.at(index).volumeId;
    const auto remove = [this, index, volumeId] {
        auto *job = new openstack::DeleteVolumeJob(m_connection, volumeId, this);
        connect(job, &openstack::ApiJob::finished, this, [this, index, volumeId](const Error &error) {
            if (error)
                m_failureDetails += tr("\nThe half-restored volume %1 (%2) could not be removed: %3")
                                        .arg(m_volumes.at(index).label, volumeId, error.message);
            else
                unjournal(JournalEntry::RestoreVolume, {}, {}, volumeId);
            m_volumes[index].volumeId.clear();
            removeHalfMade();
        });
        job->start();
    };
    // Settled first: available, or a failure status (error is deletable, and 404 is gone).
    auto *waiter = new openstack::VolumeStatusWaiter(m_connection, volumeId, CleanupWait, this);
    waiter->setPollInterval(m_request.poll);
    connect(waiter, &openstack::StatusWaiter::finished, this, remove);
    waiter->start();
}

JournalEntry RestoreJob::journalEntry(const QString &kind, const QString &imageId, const QString &serverId,
                                      const QString &volumeId, const QString &portId) const
{
    JournalEntry entry;
    entry.kind = kind;
    entry.checkpointId = m_index.id;
    entry.imageId = imageId;
    entry.serverId = serverId;
    entry.volumeId = volumeId;
    entry.portId = portId;
    entry.tag = m_tag;
    entry.cloudProfileId = m_request.session->profile().id;
    entry.regionName = m_request.session->profile().regionName;
    return entry;
}

void RestoreJob::journal(const QString &kind, const QString &imageId, const QString &serverId, const QString &volumeId,
                         const QString &portId)
{
    JournalEntry entry = journalEntry(kind, imageId, serverId, volumeId, portId);
    entry.created = QDateTime::currentDateTimeUtc();
    BankError error;
    if (!m_request.bank->addJournalEntry(entry, &error))
        qCWarning(lcProtection) << "restore journal entry not written:" << error.message;
}

void RestoreJob::unjournal(const QString &kind, const QString &imageId, const QString &serverId, const QString &volumeId,
                           const QString &portId)
{
    BankError error;
    if (!m_request.bank->removeJournalEntry(journalEntry(kind, imageId, serverId, volumeId, portId), &error))
        qCWarning(lcProtection) << "restore journal entry not removed:" << error.message;
}

void RestoreJob::journalCreated(const QString &kind, QString JournalEntry::*field, const QString &id, const Error &error,
                                const char *point)
{
    if (!error) {
        crashPoint(point);
        JournalEntry made = journalEntry(kind, {}, {}, {});
        made.*field = id;
        journal(kind, made.imageId, made.serverId, made.volumeId, made.portId);
        unjournal(kind, {}, {});
    } else if (error.httpStatus > 0) {
        unjournal(kind, {}, {}); // the service answered: nothing was made
    }
}

void RestoreJob::done()
{
    if (m_failure.isEmpty()) {
        // The restore is complete: its image, server, ports and volumes are the user's now, no longer
        // leftovers (a restore test's scratch restore stays journaled until the test deleted it; it makes
        // no ports). The ports go first: while the server's entry stays, a sweep deletes the server and
        // then its ports.
        for (const NicRestore &nic : std::as_const(m_nics)) {
            if (!nic.portId.isEmpty())
                unjournal(JournalEntry::RestorePort, {}, {}, {}, nic.portId);
        }
        const auto settle = [this](const QString &kind, const QString &imageId, const QString &serverId,
                                   const QString &volumeId) {
            if (m_request.keepJournaled)
                m_keptJournal.append(journalEntry(kind, imageId, serverId, volumeId));
            else
                unjournal(kind, imageId, serverId, volumeId);
        };
        if (!m_serverId.isEmpty())
            settle(JournalEntry::RestoreServer, {}, m_serverId, {});
        if (!m_imageId.isEmpty())
            settle(JournalEntry::RestoreImage, m_imageId, {}, {});
        for (const VolumeRestore &volume : std::as_const(m_volumes))
            settle(JournalEntry::RestoreVolume, {}, {}, volume.volumeId);
        m_bankLock.reset();
        return finish(m_success);
    }
    m_bankLock.reset();
    if (isCancelled())
        return finish(JobResult{JobOutcome::Cancelled, m_failure, m_failureDetails.trimmed(), {}});
    fail(m_failure, m_failureDetails.trimmed());
}

} // namespace sv
