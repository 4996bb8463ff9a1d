#include "backend/corebackend.h"

#include "bank/bank.h"
#include "common/uilog.h"
#include "openstack/compute/listflavorsjob.h"
#include "openstack/compute/listkeypairsjob.h"
#include "openstack/compute/listserversjob.h"
#include "openstack/identity/listprojectsjob.h"
#include "openstack/connection.h"
#include "openstack/image/listimagesjob.h"
#include "openstack/network/listnetworksjob.h"
#include "openstack/network/listsecuritygroupsjob.h"
#include "openstack/session.h"
#include "openstack/volume/listvolumesjob.h"
#include "openstack/volume/listvolumetypesjob.h"
#include "profiles/cloudsessions.h"
#include "profiles/profilestore.h"
#include "protection/backupjob.h"
#include "protection/bankservice.h"
#include "protection/checkpointdetails.h"
#include "protection/deletecheckpointjob.h"
#include "protection/leftoversweep.h"
#include "protection/restorejob.h"
#include "protection/sweepjob.h"
#include "protection/testrestorejob.h"
#include "protection/exportjob.h"
#include "protection/verifyjob.h"
#include "util/appsettings.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QMetaObject>
#include <QThreadPool>

#include <algorithm>
#include <tuple>

namespace sv::ui {

namespace {

ServerEntry toEntry(const openstack::Server &server)
{
    ServerEntry entry;
    entry.id = server.id;
    entry.name = server.name;
    entry.status = server.status;
    entry.taskState = server.taskState;
    entry.flavorName = server.flavorName.isEmpty() ? server.flavorId : server.flavorName;
    entry.imageId = server.imageId;
    entry.imageName = server.raw.value(QLatin1String("image")).toObject().value(QLatin1String("name")).toString();
    entry.availabilityZone = server.availabilityZone;
    entry.created = QDateTime::fromString(server.raw.value(QLatin1String("created")).toString(), Qt::ISODate);
    for (const openstack::Server::Address &address : server.addresses)
        entry.addresses.append(QStringLiteral("%1: %2").arg(address.network, address.ip));
    for (const QString &volumeId : server.attachedVolumeIds) {
        VolumeEntry volume;
        volume.id = volumeId;
        entry.volumes.append(volume);
    }
    return entry;
}

// Names, sizes and devices from Cinder's volume list (Nova names attached volumes only by id), and which
// volume a boot-from-volume server starts from: the one at Nova's root device name when the policy shows
// it, else the bootable one at the first device; without Cinder's word on any (an empty list: another
// project's server), the first Nova lists.
void describeVolumes(ServerEntry &entry, const openstack::Server &server,
                     const QHash<QString, const openstack::Volume *> &volumes)
{
    for (VolumeEntry &volume : entry.volumes) {
        const openstack::Volume *cinder = volumes.value(volume.id);
        if (!cinder)
            continue;
        volume.name = cinder->name;
        volume.sizeGiB = cinder->sizeGb;
        volume.bootable = cinder->bootable;
        volume.volumeType = cinder->volumeType;
        for (const openstack::Volume::Attachment &attachment : cinder->attachments) {
            if (attachment.serverId == server.id)
                volume.device = attachment.device;
        }
    }
    if (entry.bootsFromVolume() && !entry.volumes.isEmpty()) {
        const QString rootDevice = server.raw.value(QLatin1String("OS-EXT-SRV-ATTR:root_device_name")).toString();
        VolumeEntry *boot = nullptr;
        for (VolumeEntry &volume : entry.volumes) {
            if (!rootDevice.isEmpty() && volume.device == rootDevice) {
                boot = &volume;
                break;
            }
            const bool better = !boot || (volume.bootable && !boot->bootable)
                || (volume.bootable == boot->bootable && !volume.device.isEmpty()
                    && (boot->device.isEmpty() || volume.device < boot->device));
            if (better)
                boot = &volume;
        }
        boot->boot = true;
    }
    // The boot volume first, then in device order (/dev/vdb, /dev/vdc, …): how the views list them.
    std::stable_sort(entry.volumes.begin(), entry.volumes.end(), [](const VolumeEntry &a, const VolumeEntry &b) {
        return std::make_tuple(!a.boot, a.device.isEmpty(), a.device.size(), a.device)
            < std::make_tuple(!b.boot, b.device.isEmpty(), b.device.size(), b.device);
    });
}

CheckpointEntry toEntry(const CheckpointDetails &details)
{
    CheckpointEntry entry;
    entry.id = details.id;
    entry.serverId = details.serverId;
    entry.serverName = details.serverName;
    entry.created = details.created;
    entry.size = details.size;
    entry.storedSize = details.newStoredBytes;
    entry.status = details.status;
    entry.consistency = details.consistency;
    entry.requiresQuiesce = details.requiresQuiesce;
    entry.withData = details.includeData;
    entry.bootFromVolume = details.bootFromVolume;
    entry.restoreTest = details.restoreTest;
    // The backup names its cloud by profile name; resolved to the profile id on the GUI thread.
    entry.cloudId = details.cloud;
    entry.flavorName = details.flavorName;
    entry.keyName = details.keyName;
    entry.availabilityZone = details.availabilityZone;
    entry.networkNames = details.networkNames;
    entry.securityGroups = details.securityGroups;
    entry.nics = details.nics;
    entry.serverMetadata = details.serverMetadata;
    entry.tags = details.tags;
    entry.description = details.description;
    entry.configDrive = details.configDrive;
    entry.userDataState = details.userDataState;
    entry.serverGroups = details.serverGroups;
    entry.imageName = details.imageName;
    entry.minDiskGiB = details.minDiskGiB;
    entry.minRamMiB = details.minRamMiB;
    entry.volumesNotIncluded = details.volumesNotIncludedLabels();
    for (const SavedVolume &saved : details.volumes) {
        VolumeEntry volume;
        volume.id = saved.id;
        volume.name = saved.name;
        volume.sizeGiB = saved.sizeGb;
        volume.device = saved.device;
        volume.bootable = saved.bootable;
        volume.boot = saved.bootIndex == 0;
        volume.volumeType = saved.volumeType;
        entry.volumes.append(volume);
    }
    return entry;
}

} // namespace

CoreBackend::CoreBackend(ProfileStore *profiles, SecretStore *secrets, QObject *parent)
    : Backend(parent)
    , m_profiles(profiles)
    , m_sessions(new CloudSessions(profiles, secrets, this))
    , m_banks(new BankService(m_sessions, this))
{
    m_banks->setSecretStore(secrets);
    m_banks->setRememberPassphrases(true);
    connect(m_profiles, &ProfileStore::profilesChanged, this, [this] {
        // An edited profile needs a new session (new URL, user or secret).
        m_sessions->forgetAll();
        for (const QPointer<openstack::Connection> &connection : std::as_const(m_connections)) {
            if (connection)
                connection->deleteLater();
        }
        m_connections.clear();
        Q_EMIT cloudsChanged();
    });
}

CoreBackend::~CoreBackend() = default;

QList<CloudEntry> CoreBackend::clouds() const
{
    QList<CloudEntry> result;
    const auto profiles = m_profiles->profiles();
    for (const CloudProfile &profile : profiles)
        result.append(CloudEntry{profile.id, profile.name, profile.projectName.isEmpty() ? profile.projectId : profile.projectName,
                                 profile.regionName});
    return result;
}

void CoreBackend::withConnection(const QString &cloudId,
                                 std::function<void(openstack::Connection *, const QString &)> done)
{
    if (!m_profiles->findById(cloudId)) {
        done(nullptr, tr("This cloud is no longer saved."));
        return;
    }
    // The keychain answers asynchronously; nothing waits on the GUI thread.
    m_sessions->acquire(cloudId, this, [this, cloudId, done = std::move(done)](std::shared_ptr<openstack::Session> session,
                                                                               const QString &error) {
        if (!session) {
            done(nullptr, error);
            return;
        }
        QPointer<openstack::Connection> &connection = m_connections[cloudId];
        if (!connection || connection->session() != session) {
            if (connection)
                connection->deleteLater();
            connection = new openstack::Connection(session, this);
        }
        done(connection, {});
    });
}

void CoreBackend::requestServers(const QString &cloudId)
{
    withConnection(cloudId, [this, cloudId](openstack::Connection *connection, const QString &error) {
        if (!connection) {
            Q_EMIT serversFailed(cloudId, error);
            return;
        }
        // Servers, images and volumes in parallel: Nova names a server's image and volumes only by id; the
        // tree and the details pane show the image's name and the volumes' names, sizes and devices. The jobs parse their pages on
        // the thread pool; the per-server work for the views runs there too.
        struct Pending
        {
            QList<openstack::Server> servers;
            QList<openstack::Image> images;
            QList<openstack::Volume> volumes;
            int outstanding = 3;
            QString failure;
        };
        auto pending = std::make_shared<Pending>();
        auto done = [this, cloudId, pending, session = connection->session()] {
            if (--pending->outstanding > 0)
                return;
            if (!pending->failure.isEmpty()) {
                Q_EMIT serversFailed(cloudId, pending->failure);
                return;
            }
            // Signed in by now: the token's roles decide whether the tree offers the cloud's "All projects"
            // (Keystone's and Nova's default policies give the admin role both listings; a cloud whose policy
            // differs answers 403 there, which the tree shows). Told before the servers arrive.
            Q_EMIT adminAccessKnown(cloudId, session->authState().roles.contains(QStringLiteral("admin")));
            const QPointer<CoreBackend> self(this);
            QThreadPool::globalInstance()->start([self, cloudId, pending] {
                QHash<QString, QString> imageNames;
                for (const openstack::Image &image : std::as_const(pending->images))
                    imageNames.insert(image.id, image.name);
                QHash<QString, const openstack::Volume *> volumes;
                for (const openstack::Volume &volume : std::as_const(pending->volumes))
                    volumes.insert(volume.id, &volume);
                QList<ServerEntry> entries;
                entries.reserve(pending->servers.size());
                for (const openstack::Server &server : std::as_const(pending->servers)) {
                    ServerEntry entry = toEntry(server);
                    if (entry.imageName.isEmpty())
                        entry.imageName = imageNames.value(entry.imageId);
                    describeVolumes(entry, server, volumes);
                    entries.append(std::move(entry));
                }
                QMetaObject::invokeMethod(QCoreApplication::instance(), [self, cloudId, entries] {
                    if (self)
                        Q_EMIT self->serversReady(cloudId, entries);
                }, Qt::QueuedConnection);
            });
        };
        auto *job = new openstack::ListServersJob(connection);
        connect(job, &openstack::ApiJob::finished, this, [job, pending, done](const openstack::Error &result) {
            if (result)
                pending->failure = result.message;
            else
                pending->servers = job->servers();
            done();
        });
        auto *images = new openstack::ListImagesJob(connection);
        connect(images, &openstack::ApiJob::finished, this, [images, pending, done](const openstack::Error &result) {
            // Without image names the tree shows ids: not worth failing the listing for.
            if (result)
                qCWarning(lcUi) << "Listing images failed:" << result.message;
            pending->images = images->images();
            done();
        });
        auto *volumes = new openstack::ListVolumesJob(connection);
        connect(volumes, &openstack::ApiJob::finished, this, [volumes, pending, done](const openstack::Error &result) {
            // Without Cinder (or its permission) the tree and the details pane name attached volumes by id.
            if (result)
                qCInfo(lcUi) << "Listing volumes failed:" << result.message;
            pending->volumes = volumes->volumes();
            done();
        });
        job->start();
        images->start();
        volumes->start();
    });
}

void CoreBackend::requestProjects(const QString &cloudId)
{
    withConnection(cloudId, [this, cloudId](openstack::Connection *connection, const QString &error) {
        if (!connection) {
            Q_EMIT projectsFailed(cloudId, error);
            return;
        }
        auto *job = new openstack::ListProjectsJob(connection);
        connect(job, &openstack::ApiJob::finished, this, [this, job, cloudId](const openstack::Error &result) {
            if (result) {
                Q_EMIT projectsFailed(cloudId, result.kind == openstack::Error::Kind::Forbidden
                                                   ? tr("Keystone does not list this cloud's projects to these credentials "
                                                        "(%1): \"All projects\" needs a cloud admin's.")
                                                         .arg(result.serviceMessage.isEmpty() ? result.message : result.serviceMessage)
                                                   : result.message);
                return;
            }
            QList<ProjectEntry> projects;
            for (const openstack::Project &project : job->projects())
                projects.append({project.id, project.name});
            std::sort(projects.begin(), projects.end(), [](const ProjectEntry &a, const ProjectEntry &b) {
                return QString::compare(a.name, b.name, Qt::CaseInsensitive) < 0;
            });
            Q_EMIT projectsReady(cloudId, projects);
        });
        job->start();
    });
}

void CoreBackend::requestProjectServers(const QString &cloudId, const QString &projectId)
{
    withConnection(cloudId, [this, cloudId, projectId](openstack::Connection *connection, const QString &error) {
        if (!connection) {
            Q_EMIT projectServersFailed(cloudId, projectId, error);
            return;
        }
        // Nova's all_tenants listing narrowed to one project, page by page: each parsed, turned into the
        // tree's rows and dropped on the pool (an admin opening 200 projects of 250 servers would otherwise
        // spend ~2 ms of the GUI thread per page). Volumes of other projects are not listed (Cinder would
        // need its own all_tenants query): the tree names them by id, and a boot-from-volume server's boot
        // volume is the first Nova lists (marked, so the details pane keeps it in a backup as the job does).
        auto *job = new openstack::ListServersJob(connection);
        job->setFilter(QStringLiteral("all_tenants"), QStringLiteral("True"));
        job->setFilter(QStringLiteral("project_id"), projectId);
        job->setPageSize(500);
        const QPointer<CoreBackend> self(this);
        job->setPageHandler([self, cloudId, projectId](QList<openstack::Server> page) -> std::function<void()> {
            QList<ServerEntry> entries;
            entries.reserve(page.size());
            for (const openstack::Server &server : std::as_const(page)) {
                ServerEntry entry = toEntry(server);
                describeVolumes(entry, server, {});
                entries.append(std::move(entry));
            }
            return [self, cloudId, projectId, entries] {
                if (self)
                    Q_EMIT self->projectServersReady(cloudId, projectId, entries, false);
            };
        });
        connect(job, &openstack::ApiJob::finished, this, [this, cloudId, projectId](const openstack::Error &result) {
            if (result)
                Q_EMIT projectServersFailed(cloudId, projectId,
                                            result.kind == openstack::Error::Kind::Forbidden
                                                ? tr("Nova does not list other projects' servers to these credentials "
                                                     "(%1): they are not a cloud admin's.")
                                                      .arg(result.serviceMessage.isEmpty() ? result.message : result.serviceMessage)
                                                : result.message);
            else
                Q_EMIT projectServersReady(cloudId, projectId, {}, true);
        });
        job->start();
    });
}

void CoreBackend::setPassphrasePrompt(BankService::PassphrasePrompt prompt)
{
    m_banks->setPassphrasePrompt(std::move(prompt));
}

void CoreBackend::requestCheckpoints()
{
    // Signs in first for a Swift container (the keychain and Keystone answer asynchronously); the
    // indexes are read on the pool.
    m_banks->open(AppSettings::instance()->bankLocation(), this, [this](std::shared_ptr<Bank> bank, const QString &error) {
        if (!bank) {
            Q_EMIT checkpointsFailed(error);
            return;
        }
        loadCheckpoints(bank);
    });
}

void CoreBackend::loadCheckpoints(const std::shared_ptr<Bank> &bank)
{
    const QPointer<CoreBackend> self(this);
    // Reading the indexes touches the disk: never on the GUI thread.
    QThreadPool::globalInstance()->start([self, bank] {
        BankError error;
        QList<CheckpointSummary> summaries;
        QList<CheckpointEntry> entries;
        QString failure;
        if (!bank->listCheckpoints(&summaries, &error)) { // opened by BankService
            failure = error.message;
        } else {
            for (const CheckpointSummary &summary : std::as_const(summaries)) {
                CheckpointIndex index;
                BankError indexError;
                entries.append(toEntry(bank->checkpoint(summary.id, &index, &indexError)
                                           ? CheckpointDetails::fromIndex(index)
                                           : CheckpointDetails::fromSummary(summary)));
            }
        }
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, entries, failure, location = bank->location(),
                                                                 encrypted = bank->keys().encrypted()] {
            if (!self)
                return;
            if (failure.isEmpty()) {
                Q_EMIT self->storageDescribed(location, encrypted);
                QList<CheckpointEntry> resolved = entries;
                for (CheckpointEntry &entry : resolved) {
                    if (!entry.cloudId.isEmpty() && !self->m_profiles->findById(entry.cloudId)) {
                        const auto byName = self->m_profiles->findByName(entry.cloudId);
                        entry.cloudId = byName ? byName->id : QString();
                    }
                }
                Q_EMIT self->checkpointsReady(resolved);
            }
            else
                Q_EMIT self->checkpointsFailed(failure);
        }, Qt::QueuedConnection);
    });
}

void CoreBackend::requestTargetOptions(const QString &cloudId, const QString &region)
{
    withConnection(cloudId, [this, cloudId, region](openstack::Connection *connection, const QString &error) {
        if (!connection) {
            Q_EMIT targetOptionsFailed(cloudId, region, error);
            return;
        }
        // Flavors, key pairs, networks and security groups in parallel; answer when all are in. Flavors
        // and key pairs are Nova's and required. A cloud without Neutron (or a policy that hides it)
        // still restores: the lists stay empty and the restore uses the names saved with the backup.
        struct Pending
        {
            TargetOptions options;
            int outstanding = 4;
            QString failure;
        };
        auto pending = std::make_shared<Pending>();
        auto done = [this, cloudId, region, pending] {
            if (--pending->outstanding > 0)
                return;
            if (!pending->failure.isEmpty())
                Q_EMIT targetOptionsFailed(cloudId, region, pending->failure);
            else
                Q_EMIT targetOptionsReady(cloudId, region, pending->options);
        };
        auto *flavors = new openstack::ListFlavorsJob(connection);
        connect(flavors, &openstack::ApiJob::finished, this, [flavors, pending, done](const openstack::Error &result) {
            if (result)
                pending->failure = result.message;
            for (const openstack::Flavor &flavor : flavors->flavors())
                pending->options.flavors.append(FlavorEntry{flavor.id, flavor.name, flavor.vcpus, flavor.ram, flavor.disk});
            done();
        });
        auto *keyPairs = new openstack::ListKeyPairsJob(connection);
        connect(keyPairs, &openstack::ApiJob::finished, this, [keyPairs, pending, done](const openstack::Error &result) {
            if (result)
                pending->failure = result.message;
            for (const openstack::KeyPair &keyPair : keyPairs->keyPairs())
                pending->options.keyPairs.append(keyPair.name);
            done();
        });
        auto *networks = new openstack::ListNetworksJob(connection);
        connect(networks, &openstack::ApiJob::finished, this, [networks, pending, done](const openstack::Error &result) {
            if (result)
                qCWarning(lcUi) << "Listing networks failed:" << result.message;
            for (const openstack::Network &network : networks->networks()) {
                // An external network cannot take a port for a server in most clouds; offer the others.
                if (!network.external)
                    pending->options.networks.append(TargetOptions::Network{network.id, network.name});
            }
            done();
        });
        auto *groups = new openstack::ListSecurityGroupsJob(connection);
        connect(groups, &openstack::ApiJob::finished, this, [groups, pending, done](const openstack::Error &result) {
            if (result)
                qCWarning(lcUi) << "Listing security groups failed:" << result.message;
            for (const openstack::SecurityGroup &group : groups->securityGroups()) {
                // Nova takes names; two groups of the same name would be ambiguous anyway.
                if (!pending->options.securityGroups.contains(group.name))
                    pending->options.securityGroups.append(group.name);
            }
            done();
        });
        flavors->start();
        keyPairs->start();
        networks->start();
        groups->start();
    });
}

Job *CoreBackend::createBackupJob(const QString &cloudId, const ServerEntry &server, bool includeData,
                                  const VolumeSelection &volumes, QString *error)
{
    const std::shared_ptr<openstack::Session> session = m_sessions->cached(cloudId);
    if (!session) {
        if (error)
            *error = tr("Open the cloud in the tree first so that StackVault can sign in to it.");
        return nullptr;
    }
    BackupRequest request;
    request.session = session;
    request.bank = m_banks->bank(AppSettings::instance()->bankLocation(), error);
    if (!request.bank)
        return nullptr;
    request.server = server.id;
    request.serverLabel = server.name.isEmpty() ? server.id : server.name;
    request.enableServerSnapshot = includeData;
    request.volumes = volumes;
    return new BackupJob(std::move(request));
}

void CoreBackend::requestVolumeTypes(const QString &cloudId)
{
    withConnection(cloudId, [this, cloudId](openstack::Connection *connection, const QString &error) {
        if (!connection) {
            Q_EMIT volumeTypesFailed(cloudId, error);
            return;
        }
        // The job parses its pages on the thread pool; its answer arrives on this thread's event loop.
        auto *job = new openstack::ListVolumeTypesJob(connection);
        connect(job, &openstack::ApiJob::finished, this, [this, job, cloudId](const openstack::Error &result) {
            if (result) {
                Q_EMIT volumeTypesFailed(cloudId, result.message);
                return;
            }
            QList<VolumeTypeEntry> types;
            for (const openstack::VolumeType &type : job->types())
                types.append(VolumeTypeEntry{type.id, type.name, type.isPublic});
            Q_EMIT volumeTypesReady(cloudId, types);
        });
        job->start();
    });
}

Job *CoreBackend::createRestoreJob(const RestoreRequest &request, QString *error)
{
    const std::optional<CloudProfile> profile = m_profiles->findById(request.targetCloudId);
    const std::shared_ptr<openstack::Session> session = m_sessions->cached(request.targetCloudId);
    if (!profile || !session) {
        if (error)
            *error = tr("StackVault has not signed in to the target cloud yet; go back one page and wait for its flavors to load.");
        return nullptr;
    }
    // A session is bound to its profile's project and region: refuse other ones plainly instead of
    // silently restoring somewhere else.
    const QString project = profile->projectName.isEmpty() ? profile->projectId : profile->projectName;
    if ((!request.projectName.isEmpty() && request.projectName != project)
        || (!request.region.isEmpty() && request.region != profile->regionName)) {
        if (error)
            *error = tr("To restore into another project or region, save a cloud for it under Manage Clouds and choose "
                        "that cloud as the target.");
        return nullptr;
    }
    sv::RestoreRequest restore;
    restore.session = session;
    restore.bank = m_banks->bank(AppSettings::instance()->bankLocation(), error);
    if (!restore.bank)
        return nullptr;
    restore.checkpointId = request.checkpointId;
    restore.serverName = request.serverName;
    restore.flavor = request.flavorId;
    restore.networks = request.networkIds;
    restore.keyName = request.keyName;
    restore.securityGroups = request.securityGroups;
    restore.availabilityZone = request.availabilityZone;
    restore.restoreServer = request.restoreServer;
    restore.imageOnly = request.imageOnly;
    restore.volumeTypes = request.volumeTypes;
    request.rebuild.applyTo(restore);
    return new RestoreJob(std::move(restore));
}

void CoreBackend::requestCloudSession(const QString &cloudId)
{
    if (!m_profiles->findById(cloudId)) {
        // Answered later, never while asking.
        QMetaObject::invokeMethod(this, [this, cloudId] {
            Q_EMIT cloudSessionReady(cloudId, tr("This cloud is no longer saved."));
        }, Qt::QueuedConnection);
        return;
    }
    // The keychain answers asynchronously; nothing waits on the GUI thread.
    m_sessions->acquire(cloudId, this, [this, cloudId](std::shared_ptr<openstack::Session> session, const QString &error) {
        Q_EMIT cloudSessionReady(cloudId, session ? QString() : error);
    });
}

Job *CoreBackend::createTestRestoreJob(const TestRestoreRequest &request, QString *error)
{
    const std::optional<CloudProfile> profile = m_profiles->findById(request.targetCloudId);
    const std::shared_ptr<openstack::Session> session = m_sessions->cached(request.targetCloudId);
    if (!profile || !session) {
        if (error)
            *error = profile ? tr("StackVault has not signed in to cloud %1 yet; try again in a moment.").arg(profile->name)
                             : tr("This cloud is no longer saved.");
        return nullptr;
    }
    sv::TestRestoreRequest test;
    test.restore.session = session;
    test.restore.bank = m_banks->bank(AppSettings::instance()->bankLocation(), error);
    if (!test.restore.bank)
        return nullptr;
    test.restore.checkpointId = request.checkpointId;
    test.marker = request.marker;
    test.markerTimeout = std::chrono::seconds(std::max(1, request.markerTimeoutSeconds));
    return new TestRestoreJob(std::move(test));
}

Job *CoreBackend::createVerifyJob(const CheckpointEntry &checkpoint, QString *error)
{
    std::shared_ptr<Bank> storage = m_banks->bank(AppSettings::instance()->bankLocation(), error);
    if (!storage)
        return nullptr;
    return new VerifyJob(std::move(storage), checkpoint.id);
}

Job *CoreBackend::createExportJob(const CheckpointEntry &checkpoint, const QString &path, ExportFormat format,
                                  QString *error)
{
    std::shared_ptr<Bank> storage = m_banks->bank(AppSettings::instance()->bankLocation(), error);
    if (!storage)
        return nullptr;
    ExportRequest request;
    request.checkpointId = checkpoint.id;
    request.output = path;
    request.format = format;
    request.overwrite = true; // the file dialog asked before replacing a file
    return new ExportJob(std::move(storage), std::move(request));
}

Job *CoreBackend::createDeleteJob(const CheckpointEntry &checkpoint, QString *error)
{
    std::shared_ptr<Bank> storage = m_banks->bank(AppSettings::instance()->bankLocation(), error);
    if (!storage)
        return nullptr;
    const QString name = checkpoint.serverName.isEmpty() ? checkpoint.serverId : checkpoint.serverName;
    return new DeleteCheckpointJob(std::move(storage), checkpoint.id, tr("Delete backup of %1").arg(name));
}

void CoreBackend::requestLeftoverSweep()
{
    // Opening the storage signs in to the cloud of a Swift container (its journal lives there); the
    // sweep then signs in to the clouds the journal names, and to no other.
    m_banks->open(AppSettings::instance()->bankLocation(), this, [this](std::shared_ptr<Bank> bank, const QString &error) {
        if (!bank) {
            qCWarning(lcUi) << "No start-up sweep: the backup storage cannot be opened:" << error;
            return;
        }
        LeftoverSweep::prepare(bank, m_sessions, {}, this, [this](SweepJob *job, const QStringList &problems) {
            for (const QString &problem : problems)
                qCWarning(lcUi) << "Start-up sweep:" << problem;
            if (job)
                Q_EMIT leftoverSweepReady(job);
        });
    });
}

void CoreBackend::testConnection(const CloudProfile &profile, const QString &secret)
{
    m_sessions->trySignIn(profile, secret, this, [this](const CloudSessions::SignInResult &result) {
        if (!result.error.isEmpty()) {
            Q_EMIT connectionTested(false, result.error);
            return;
        }
        const QString project = result.projectName.isEmpty() ? tr("(no project)") : result.projectName;
        Q_EMIT connectionTested(true, tr("Signed in to project %1. The cloud offers %n service(s).", nullptr,
                                         result.services)
                                          .arg(project));
    });
}

} // namespace sv::ui
