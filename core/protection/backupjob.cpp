#include "protection/backupjob.h"

#include "bank/bank.h"
#include "bank/checkpointwriter.h"
#include "bank/imagewriter.h"
#include "openstack/compute/createserverimagejob.h"
#include "openstack/compute/listservergroupsjob.h"
#include "openstack/compute/listserversjob.h"
#include "openstack/network/listnetworksjob.h"
#include "openstack/network/listportsjob.h"
#include "openstack/network/listsecuritygroupsjob.h"
#include "openstack/compute/showserverjob.h"
#include "openstack/connection.h"
#include "openstack/image/deleteimagejob.h"
#include "openstack/image/imagedownloadjob.h"
#include "openstack/image/imagestatuswaiter.h"
#include "openstack/image/showimagejob.h"
#include "openstack/session.h"
#include "openstack/volume/createvolumejob.h"
#include "openstack/volume/createvolumesnapshotjob.h"
#include "openstack/volume/deletevolumejob.h"
#include "openstack/volume/deletevolumesnapshotjob.h"
#include "openstack/volume/showvolumejob.h"
#include "openstack/volume/showvolumesnapshotjob.h"
#include "openstack/volume/uploadvolumetoimagejob.h"
#include "openstack/volume/volumecreaterequest.h"
#include "openstack/volume/volumesnapshotstatuswaiter.h"
#include "openstack/volume/volumestatuswaiter.h"
#include "protection/imageproperties.h"
#include "protection/protectionlog.h"
#include "protection/rebuilddata.h"
#include "protection/serverprotectable.h"
#include "util/crashpoint.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>

namespace sv {

using openstack::Error;

namespace {
constexpr qint64 GiB = qint64(1) << 30;

bool looksLikeId(const QString &text)
{
    static const QRegularExpression uuid(QStringLiteral("^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$"));
    return uuid.match(text).hasMatch();
}

bool hasSha512(const openstack::Image &image)
{
    return image.osHashAlgo == QLatin1String("sha512") && !image.osHashValue.isEmpty();
}

bool isRefusal(const Error &error)
{
    return error.httpStatus >= 400 && error.httpStatus < 500;
}

// Waits until a deleted volume is gone (404), so that the snapshot it was made from can be deleted
// next: on Ceph a clone that still exists makes its snapshot's delete fail.
class VolumeGoneWaiter : public openstack::StatusWaiter
{
public:
    VolumeGoneWaiter(openstack::Connection *connection, QString volumeId, std::chrono::milliseconds timeout,
                     QObject *parent)
        : StatusWaiter(connection, timeout, parent)
        , m_volumeId(std::move(volumeId))
    {
    }

protected:
    void poll() override
    {
        auto *job = new openstack::ShowVolumeJob(connection(), m_volumeId, this);
        connect(job, &openstack::ApiJob::finished, this, [this, job](const Error &error) {
            if (error.kind == Error::Kind::NotFound || error.httpStatus == 404)
                return finish();
            if (error)
                return finish(error);
            m_status = job->volume().status;
            if (m_status == QLatin1String("deleting"))
                return keepWaiting();
            finish(Error::make(Error::Kind::WaitFailed,
                               QStringLiteral("volume %1 is %2 after its delete").arg(m_volumeId, m_status)));
        });
        trackJob(job);
    }
    QString timeoutMessage(qint64 waitedSeconds) const override
    {
        return QStringLiteral("volume %1 is still %2 after %3 s").arg(m_volumeId, m_status).arg(waitedSeconds);
    }

private:
    QString m_volumeId;
    QString m_status;
};

} // namespace

BackupJob::BackupJob(BackupRequest request, QObject *parent)
    : Job(tr("Back up %1").arg(request.serverLabel.isEmpty() ? request.server : request.serverLabel), parent)
    , m_request(std::move(request))
{
}

BackupJob::~BackupJob() = default;

template<typename T> T *BackupJob::track(T *apiJob)
{
    m_running.removeIf([](const QPointer<openstack::ApiJob> &job) { return job.isNull(); });
    m_running.append(apiJob);
    return apiJob;
}

void BackupJob::watch(openstack::StatusWaiter *waiter)
{
    waiter->setPollInterval(m_request.poll);
    m_waiters.removeIf([](const QPointer<openstack::StatusWaiter> &w) { return w.isNull(); });
    m_waiters.append(waiter);
}

void BackupJob::startCreate(openstack::ApiJob *job)
{
    // Connected after the job's own handler: it runs once that handler has journaled what was made.
    ++m_creating;
    connect(job, &openstack::ApiJob::finished, this, [this] {
        --m_creating;
        if (!m_failure.isEmpty())
            settle();
    });
    job->start();
}

void BackupJob::run()
{
    m_connection = new openstack::Connection(m_request.session, this);
    stage(JobStage::Checking);
    // Idempotent; it sets the bank's keys (from BankService's known keys or passphrase) before any write.
    BankError bankError;
    if (!m_request.bank->open(&bankError))
        return abandon(bankError.message, bankError.path);
    resolveServer();
}

bool BackupJob::stopping()
{
    if (!m_failure.isEmpty())
        return true;
    if (!isCancelled())
        return false;
    abandon(tr("Cancelled."));
    return true;
}

void BackupJob::abortRunning()
{
    // Create requests in flight (startCreate: createImage, a volume snapshot, a volume, an upload) are
    // not in m_running and are let through: aborting one could leave something the cloud made but whose
    // id we never learnt. Its handler sees the stop and the cleanup deletes what it made. Aborting
    // finishes a job at once, so its handler runs now: copies, because handlers may track new jobs.
    const QList<QPointer<openstack::ApiJob>> running = m_running;
    for (const QPointer<openstack::ApiJob> &job : running) {
        if (job)
            job->abort();
    }
    const QList<QPointer<openstack::StatusWaiter>> waiters = m_waiters;
    for (const QPointer<openstack::StatusWaiter> &waiter : waiters) {
        if (waiter)
            waiter->abort();
    }
}

void BackupJob::onCancel()
{
    if (m_imageWriter)
        m_imageWriter->cancel();
    abortRunning();
}

void BackupJob::stage(JobStage stage)
{
    // Once the sizes are known, every stage shows the whole backup's progress.
    setStage(stage, m_bytesTotal, m_bytesTotal >= 0 ? m_bytesSaved : 0);
}

std::chrono::milliseconds BackupJob::timeoutFor(double sizeGiB) const
{
    return m_request.snapshotTimeoutBase
        + std::chrono::seconds(qint64(double(m_request.snapshotTimeoutPerGiB.count()) * qMax(1.0, sizeGiB)));
}

void BackupJob::updateTotal()
{
    // Before its first download nothing is counted; then every resource: exact for the server's disk
    // and the volumes already uploaded, Cinder's size for those still being prepared (real Cinder
    // uploads a volume as a raw image of exactly that size).
    if (m_bytesTotal < 0)
        return;
    qint64 total = m_serverImageBytes;
    for (const VolumePart &part : std::as_const(m_parts))
        total += part.ready ? qMax<qint64>(0, part.image.size) : qint64(part.volume.sizeGb) * GiB;
    if (total != m_bytesTotal) {
        m_bytesTotal = total;
        setBytesTotal(total);
    }
}

void BackupJob::resolveServer()
{
    auto *job = track(new openstack::ShowServerJob(m_connection, m_request.server, this));
    connect(job, &openstack::ApiJob::finished, this, [this, job](const Error &error) {
        if (stopping())
            return;
        if (error.kind == Error::Kind::NotFound && !looksLikeId(m_request.server))
            return findServerByName();
        if (error)
            return abandon(error);
        checkServer(job->server());
    });
    job->start();
}

void BackupJob::findServerByName()
{
    auto *job = track(new openstack::ListServersJob(m_connection, this));
    job->setFilter(QStringLiteral("name"), QLatin1Char('^') + QRegularExpression::escape(m_request.server) + QLatin1Char('$'));
    connect(job, &openstack::ApiJob::finished, this, [this, job](const Error &error) {
        if (stopping())
            return;
        if (error)
            return abandon(error);
        QList<openstack::Server> matches;
        for (const auto &server : job->servers()) {
            if (server.name == m_request.server)
                matches.append(server);
        }
        const QString cloud = m_request.session->profile().name;
        if (matches.isEmpty())
            return abandon(tr("There is no server named %1 in cloud %2.").arg(m_request.server, cloud));
        if (matches.size() > 1)
            return abandon(tr("%n servers are named %1 in cloud %2; give the server's id instead.", nullptr,
                              int(matches.size()))
                               .arg(m_request.server, cloud));
        checkServer(matches.constFirst());
    });
    job->start();
}

void BackupJob::checkServer(const openstack::Server &server)
{
    m_server = server;
    m_bootFromVolume = ServerProtectable::isBootFromVolume(server.raw);
    if (const QString problem = ServerProtectable::precheckError(server.raw, m_request.enableServerSnapshot);
        !problem.isEmpty())
        return abandon(problem);
    if (m_bootFromVolume)
        return describeVolumes(0);
    showOriginalImage();
}

void BackupJob::showOriginalImage()
{
    auto *job = track(new openstack::ShowImageJob(m_connection, m_server.imageId, this));
    connect(job, &openstack::ApiJob::finished, this, [this, job](const Error &error) {
        if (stopping())
            return;
        if (error.kind == Error::Kind::NotFound && m_request.enableServerSnapshot) {
            // The boot image may have been deleted since; the snapshot still holds the whole disk.
            qCInfo(lcProtection) << "boot image" << m_server.imageId << "of server" << m_server.id << "is gone";
        } else if (error.kind == Error::Kind::NotFound) {
            return abandon(tr("The original image %1 of server %2 no longer exists, so it cannot be backed up "
                              "alone. Turn on \"Include server data\" to back up a snapshot of the server instead.")
                               .arg(m_server.imageId, m_server.name));
        } else if (error) {
            return abandon(error);
        } else {
            m_originalImage = job->image();
            m_haveOriginalImage = true;
        }
        describeVolumes(0);
    });
    job->start();
}

void BackupJob::describeVolumes(qsizetype next)
{
    const QStringList ids = ServerProtectable::attachedVolumeIds(m_server.raw);
    if (next >= ids.size())
        return chooseVolumes();
    const QString id = ids.at(next);
    auto *job = track(new openstack::ShowVolumeJob(m_connection, id, this));
    connect(job, &openstack::ApiJob::finished, this, [this, job, id, next](const Error &error) {
        if (stopping())
            return;
        openstack::Volume volume;
        volume.id = id;
        if (error) {
            // Not worth failing for a volume the backup does not save: it is then named by its id.
            qCInfo(lcProtection) << "attached volume" << id << "of server" << m_server.id << "not described:" << error.message;
            m_volumeProblems.insert(id, error.message);
        } else {
            volume = job->volume();
        }
        m_attached.append(volume);
        describeVolumes(next + 1);
    });
    job->start();
}

QString BackupJob::volumeLabel(const QString &id) const
{
    for (const openstack::Volume &volume : m_attached) {
        if (volume.id == id && !volume.name.isEmpty())
            return volume.name;
    }
    return id;
}

bool BackupJob::includes(const openstack::Volume &volume) const
{
    return m_request.volumes.includes(volume.id, volume.name);
}

void BackupJob::chooseVolumes()
{
    QStringList ids;
    QStringList names;
    QStringList labels;
    for (const openstack::Volume &volume : std::as_const(m_attached)) {
        ids.append(volume.id);
        names.append(volume.name);
        labels.append(volume.name.isEmpty() ? volume.id : volume.name);
    }
    if (const QStringList unknown = m_request.volumes.unmatched(ids, names); !unknown.isEmpty()) {
        if (labels.isEmpty())
            return abandon(tr("Server %1 has no attached volume, so %2 cannot be backed up with it.")
                               .arg(m_server.name, unknown.join(QStringLiteral(", "))));
        return abandon(tr("Server %1 has no attached volume %2; its attached volumes are: %3. Choose among those "
                          "(by name or id), or all or none.")
                           .arg(m_server.name, unknown.join(QStringLiteral(", ")), labels.join(QStringLiteral(", "))));
    }
    if (m_request.enableServerSnapshot) {
        const QList<openstack::Volume> attached = m_attached;
        for (const openstack::Volume &volume : attached) {
            // A boot-from-volume server's volumes are chosen from Nova's snapshot (its boot volume always).
            const bool wanted = m_bootFromVolume ? (includes(volume) || ServerProtectable::bootIndexOf(m_server.raw, volume, m_attached) == 0)
                                                 : includes(volume);
            if (wanted && m_volumeProblems.contains(volume.id))
                return abandon(tr("Volume %1 attached to server %2 cannot be backed up: Cinder could not describe it "
                                  "(%3). Try again, or leave the volume out of the backup.")
                                   .arg(volume.id, m_server.name, m_volumeProblems.value(volume.id)));
            if (!wanted || m_bootFromVolume)
                continue;
            VolumePart part;
            part.volume = volume;
            part.device = ServerProtectable::deviceOf(volume, m_server.id);
            m_parts.append(part);
        }
        std::stable_sort(m_parts.begin(), m_parts.end(), [](const VolumePart &a, const VolumePart &b) {
            return std::make_tuple(a.device.isEmpty(), a.device.size(), a.device)
                < std::make_tuple(b.device.isEmpty(), b.device.size(), b.device);
        });
    }
    describeNics();
}

void BackupJob::describeNics()
{
    auto *job = track(new openstack::ListPortsJob(m_connection, m_server.id, this));
    connect(job, &openstack::ApiJob::finished, this, [this, job](const Error &error) {
        if (stopping())
            return;
        if (error) {
            // A cloud without Neutron, or a policy that hides ports: the backup keeps Nova's addresses.
            qCInfo(lcProtection) << "ports of server" << m_server.id << "not read:" << error.message;
            m_nicsError = error.message;
            return describeServerGroups();
        }
        m_ports = job->ports();
        describeNicNames();
    });
    job->start();
}

void BackupJob::describeNicNames()
{
    auto *networks = track(new openstack::ListNetworksJob(m_connection, this));
    connect(networks, &openstack::ApiJob::finished, this, [this, networks](const Error &error) {
        if (stopping())
            return;
        if (error)
            qCInfo(lcProtection) << "networks not named:" << error.message; // the ids stay
        for (const auto &network : networks->networks())
            m_networkNames.insert(network.id, network.name);
        auto *groups = track(new openstack::ListSecurityGroupsJob(m_connection, this));
        connect(groups, &openstack::ApiJob::finished, this, [this, groups](const Error &groupError) {
            if (stopping())
                return;
            if (groupError)
                qCInfo(lcProtection) << "security groups not named:" << groupError.message;
            for (const auto &group : groups->securityGroups())
                m_groupNames.insert(group.id, group.name);
            describeServerGroups();
        });
        groups->start();
    });
    networks->start();
}

void BackupJob::describeServerGroups()
{
    if (m_server.raw.value(QLatin1String("server_groups")).toArray().isEmpty())
        return beginCheckpoint();
    auto *job = track(new openstack::ListServerGroupsJob(m_connection, this));
    connect(job, &openstack::ApiJob::finished, this, [this, job](const Error &error) {
        if (stopping())
            return;
        if (error)
            return abandon(tr("The server groups of server %1 could not be read: %2").arg(m_server.name, error.message));
        m_serverGroups = job->groups();
        beginCheckpoint();
    });
    job->start();
}

void BackupJob::beginCheckpoint()
{
    const Resource graph = ServerProtectable::resourceGraph(m_server.raw, m_attached);
    CheckpointIndex draft;
    ProtectedResource server;
    server.type = graph.type;
    server.id = graph.id;
    server.name = graph.name;
    // The server protection plugin's part: what a rebuild needs.
    server.metadata = ServerProtectable::rebuildMetadata(m_server.raw);
    server.metadata.insert(QLatin1String(CheckpointKey::Cloud), m_request.session->profile().name);
    server.metadata.insert(QLatin1String(CheckpointKey::Region), m_request.session->profile().regionName);
    server.metadata.insert(QLatin1String(CheckpointKey::BootFromVolume), m_bootFromVolume);
    RebuildData::capture(server.metadata, m_server.raw, m_ports, m_networkNames, m_groupNames, m_serverGroups, m_nicsError);
    draft.resources.append(server);
    for (const Resource &child : graph.children) {
        if (!child.isImage())
            continue; // a volume resource is added once its bytes are saved
        ProtectedResource image;
        image.type = child.type;
        image.id = child.id;
        image.name = m_haveOriginalImage ? m_originalImage.name : child.name;
        image.parentType = graph.type;
        image.parentId = graph.id;
        image.extraInfo = child.extraInfo; // {"server_id": ...}: the seed's contract
        draft.resources.append(image);
    }
    draft.options = QJsonObject{{QLatin1String(CheckpointKey::IncludeData), m_request.enableServerSnapshot},
                                {QLatin1String(CheckpointKey::OriginalImageOnly), !m_request.enableServerSnapshot},
                                {QLatin1String(CheckpointKey::VolumeSelection), m_request.volumes.toString()}};
    draft.plan = m_planName;
    if (m_haveOriginalImage || !m_request.enableServerSnapshot)
        draft.consistency = ImageProperties::consistency(m_originalImage.raw, m_request.enableServerSnapshot);

    BankError error;
    m_checkpoint = m_request.bank->beginCheckpoint(draft, &error);
    if (!m_checkpoint)
        return abandon(error.message, error.path);
    if (!m_request.enableServerSnapshot) {
        // Option off: the original image, exactly as Karbor did before the seed.
        return download(m_originalImage, tr("image %1 of server %2").arg(m_originalImage.id, m_server.name), false,
                        [this](const ImageRecord &record) {
                            if (saveServerImage(m_originalImage, record))
                                commit();
                        });
    }
    createSnapshot();
}

JournalEntry BackupJob::journalEntry(const QString &kind) const
{
    JournalEntry entry;
    entry.kind = kind;
    entry.checkpointId = m_checkpoint ? m_checkpoint->id() : QString();
    entry.cloudProfileId = m_request.session->profile().id;
    entry.regionName = m_request.session->profile().regionName;
    entry.created = QDateTime::currentDateTimeUtc();
    return entry;
}

bool BackupJob::journal(const JournalEntry &entry)
{
    BankError error;
    if (m_request.bank->addJournalEntry(entry, &error))
        return true;
    abandon(error.message, error.path);
    return false;
}

void BackupJob::unjournal(const JournalEntry &entry)
{
    BankError error;
    if (!m_request.bank->removeJournalEntry(entry, &error))
        qCWarning(lcProtection) << "journal entry" << entry.kind << "of" << entry.checkpointId
                                << "not removed:" << error.message;
}

bool BackupJob::addTemporary(Temporary::Kind kind, const QString &id, int part)
{
    Temporary temporary;
    temporary.kind = kind;
    temporary.id = id;
    temporary.part = part;
    switch (kind) {
    case Temporary::Kind::Image:
        temporary.entry = journalEntry(JournalEntry::TemporaryImage);
        temporary.entry.imageId = id;
        break;
    case Temporary::Kind::Volume:
        temporary.entry = journalEntry(JournalEntry::TemporaryVolume);
        temporary.entry.volumeId = id;
        break;
    case Temporary::Kind::Snapshot:
        temporary.entry = journalEntry(JournalEntry::TemporaryVolumeSnapshot);
        temporary.entry.snapshotId = id;
        break;
    }
    // Listed before it is journaled: whatever happens next, the cleanup deletes it.
    m_temporaries.append(temporary);
    BankError error;
    if (!m_request.bank->addJournalEntry(temporary.entry, &error)) {
        abandon(error.message, error.path);
        return false;
    }
    m_temporaries.last().journaled = true;
    return true;
}

QString BackupJob::temporaryName(const QString &what) const
{
    return QStringLiteral("stackvault-%1-%2").arg(what, m_checkpoint->id().left(8));
}

QJsonObject BackupJob::temporaryMetadata() const
{
    // The markers of an intent: the sweep finds what a killed process made by them.
    return QJsonObject{{QStringLiteral("stackvault_checkpoint"), m_checkpoint->id()},
                       {QStringLiteral("stackvault_temporary"), QStringLiteral("true")}};
}

void BackupJob::createSnapshot()
{
    stage(JobStage::CreatingSnapshot);
    // An intent first: a process killed after Nova made the snapshot but before its id arrived leaves
    // this entry, and the sweep finds the snapshot by its stackvault_checkpoint property.
    const JournalEntry intent = journalEntry(JournalEntry::TemporaryImage);
    if (!journal(intent))
        return;
    auto *job = new openstack::CreateServerImageJob(m_connection, m_server.id, temporaryName(m_server.name),
                                                          temporaryMetadata(), this);
    job->setServerName(m_server.name);
    connect(job, &openstack::ApiJob::finished, this, [this, job, intent](const Error &error) {
        if (error) {
            // Nova refused (4xx): no snapshot was made, forget the intent. Otherwise (connection lost,
            // 5xx) the request may have made one: the intent stays for the sweep.
            if (isRefusal(error))
                unjournal(intent);
            return abandon(error);
        }
        m_serverSnapshot.id = job->imageId();
        crashPoint("backup-after-create-image");
        // Journal before waiting: if this process dies now, the next start-up sweep deletes the snapshot.
        if (!addTemporary(Temporary::Kind::Image, m_serverSnapshot.id, -1))
            return;
        unjournal(intent);
        qCInfo(lcProtection) << "snapshot" << m_serverSnapshot.id << "of server" << m_server.id << "for checkpoint"
                             << m_checkpoint->id();
        if (stopping())
            return;
        // The volumes' snapshots right after the server's, so that all are as close in time as the
        // APIs allow. (Nova's createImage made them itself for a boot-from-volume server.)
        snapshotVolumes(0);
    });
    startCreate(job);
}

void BackupJob::snapshotVolumes(qsizetype next)
{
    if (next >= m_parts.size()) {
        // A boot-from-volume server's volumes are known from Nova's snapshot, once it is there.
        if (m_bootFromVolume)
            return waitForServerSnapshot();
        // Each volume is made readable while the server's disk is waited for and downloaded.
        m_partsKnown = true;
        prepareVolumes();
        return waitForServerSnapshot();
    }
    VolumePart &part = m_parts[next];
    JournalEntry intent = journalEntry(JournalEntry::TemporaryVolumeSnapshot);
    intent.tag = part.volume.id; // one intent per volume
    if (!journal(intent))
        return;
    const bool inUse = part.volume.status == QLatin1String("in-use") || !part.volume.attachments.isEmpty();
    auto *job = new openstack::CreateVolumeSnapshotJob(m_connection, part.volume.id, temporaryName(part.label()),
                                                             temporaryMetadata(), inUse, this);
    job->setVolumeName(part.label());
    connect(job, &openstack::ApiJob::finished, this, [this, job, intent, next](const Error &error) {
        const QString label = m_parts.at(next).label();
        if (error) {
            if (isRefusal(error))
                unjournal(intent);
            return abandon(tr("Cinder could not snapshot volume %1 of server %2: %3").arg(label, m_server.name, error.message),
                           error.serviceMessage);
        }
        m_parts[next].snapshotId = job->snapshot().id;
        crashPoint("backup-after-create-volume-snapshot");
        if (!addTemporary(Temporary::Kind::Snapshot, m_parts.at(next).snapshotId, int(next)))
            return;
        unjournal(intent);
        qCInfo(lcProtection) << "snapshot" << m_parts.at(next).snapshotId << "of volume" << m_parts.at(next).volume.id;
        if (stopping())
            return;
        snapshotVolumes(next + 1);
    });
    startCreate(job);
}

void BackupJob::waitForSnapshot(std::chrono::milliseconds timeout)
{
    auto *waiter = new openstack::ImageStatusWaiter(m_connection, m_serverSnapshot.id, timeout, this);
    watch(waiter);
    connect(waiter, &openstack::StatusWaiter::finished, this, [] { crashPoint("backup-waited"); });
    connect(waiter, &openstack::StatusWaiter::finished, this, [this, waiter](const Error &error) {
        if (stopping())
            return;
        if (error.kind == Error::Kind::NotFound || error.httpStatus == 404) {
            // Nova deletes a failed snapshot; the cleanup then finds it gone and clears the journal.
            return abandon(tr("The snapshot of server %1 disappeared while it was being made (OpenStack deletes a "
                              "failed snapshot). Check the server's state and try again.")
                               .arg(m_server.name));
        }
        if (error.kind == Error::Kind::WaitFailed)
            return abandon(tr("The snapshot of server %1 ended in status %2 instead of active; OpenStack could not "
                              "save the server's disk. Check the compute and image services' logs, then try again.")
                               .arg(m_server.name, waiter->image().status));
        if (error)
            return abandon(error);
        m_serverSnapshot = waiter->image();
        if (m_bootFromVolume)
            return readBlockDeviceMapping(m_serverSnapshot);
        m_serverSnapshotReady = true;
        downloadNext();
    });
    waiter->start();
    crashPoint("backup-waiting");
}

void BackupJob::readBlockDeviceMapping(const openstack::Image &image)
{
    const QJsonValue value = image.raw.value(QLatin1String("block_device_mapping"));
    QStringList snapshotIds;
    QHash<QString, int> bootIndexes;
    for (const ImageProperties::MappedSnapshot &mapped : ImageProperties::blockDeviceMappingSnapshots(image.raw)) {
        snapshotIds.append(mapped.snapshotId);
        bootIndexes.insert(mapped.snapshotId, mapped.bootIndex);
    }
    // Each snapshot Nova made is ours to delete: journaled before anything else happens.
    for (const QString &snapshotId : std::as_const(snapshotIds)) {
        if (!addTemporary(Temporary::Kind::Snapshot, snapshotId, -1))
            return;
    }
    crashPoint("backup-after-block-device-mapping");
    if (snapshotIds.isEmpty())
        return abandon(tr("Nova's snapshot of server %1, which boots from a volume, names no volume snapshot (its "
                          "block_device_mapping is empty or unreadable); nothing was backed up.")
                           .arg(m_server.name),
                       value.toVariant().toString());
    identifySnapshots(snapshotIds, bootIndexes);
}

void BackupJob::identifySnapshots(QStringList snapshotIds, QHash<QString, int> bootIndexes)
{
    if (snapshotIds.isEmpty()) {
        // The boot volume first, then in device order; the temporaries follow their part.
        std::stable_sort(m_parts.begin(), m_parts.end(), [](const VolumePart &a, const VolumePart &b) {
            return std::make_tuple(a.bootIndex != 0, a.device.isEmpty(), a.device.size(), a.device)
                < std::make_tuple(b.bootIndex != 0, b.device.isEmpty(), b.device.size(), b.device);
        });
        for (Temporary &temporary : m_temporaries) {
            for (qsizetype i = 0; i < m_parts.size(); ++i) {
                if (temporary.kind == Temporary::Kind::Snapshot && temporary.id == m_parts.at(i).snapshotId)
                    temporary.part = int(i);
            }
        }
        m_partsKnown = true;
        prepareVolumes();
        return downloadNext();
    }
    const QString snapshotId = snapshotIds.takeFirst();
    auto *job = track(new openstack::ShowVolumeSnapshotJob(m_connection, snapshotId, this));
    connect(job, &openstack::ApiJob::finished, this, [this, job, snapshotId, snapshotIds, bootIndexes](const Error &error) {
        if (stopping())
            return;
        if (error)
            return abandon(tr("The volume snapshot %1 that Nova made of server %2 cannot be read: %3")
                               .arg(snapshotId, m_server.name, error.message),
                           error.serviceMessage);
        const QString volumeId = job->snapshot().volumeId;
        openstack::Volume volume;
        volume.id = volumeId;
        for (const openstack::Volume &attached : std::as_const(m_attached)) {
            if (attached.id == volumeId)
                volume = attached;
        }
        const int bootIndex = bootIndexes.value(snapshotId, -1) == 0 ? 0 : -1;
        if (bootIndex == 0 || includes(volume)) {
            VolumePart part;
            part.volume = volume;
            part.device = ServerProtectable::deviceOf(volume, m_server.id);
            part.bootIndex = bootIndex;
            part.snapshotId = snapshotId;
            m_parts.append(part);
        }
        // A snapshot of a volume left out stays a temporary: deleted at the end.
        identifySnapshots(snapshotIds, bootIndexes);
    });
    job->start();
}

void BackupJob::prepareVolumes()
{
    // All at once: Cinder works on them in parallel, and each volume's download starts as soon as it
    // is ready (in device order), while the others are still being made readable.
    if (!m_parts.isEmpty())
        stage(JobStage::PreparingVolume);
    for (qsizetype index = 0; index < m_parts.size() && !stopping(); ++index)
        waitForVolumeSnapshot(index);
}

void BackupJob::waitForServerSnapshot()
{
    if (stopping())
        return;
    stage(JobStage::WaitingForImage);
    const double diskGiB = qMax(double(m_server.flavorDisk),
                                m_haveOriginalImage ? double(m_originalImage.size) / double(GiB) : 0.0);
    waitForSnapshot(timeoutFor(diskGiB));
}

void BackupJob::downloadNext()
{
    if (stopping() || m_downloading || !m_partsKnown)
        return;
    if (!m_bootFromVolume && !m_serverImageSaved) {
        if (!m_serverSnapshotReady)
            return;
        m_downloading = true;
        return download(m_serverSnapshot, tr("the snapshot of server %1").arg(m_server.name), false,
                        [this](const ImageRecord &record) {
                            if (!saveServerImage(m_serverSnapshot, record))
                                return;
                            m_serverImageSaved = true;
                            m_downloading = false;
                            downloadNext();
                        });
    }
    if (m_nextVolume >= m_parts.size())
        return commit();
    const VolumePart &part = m_parts.at(m_nextVolume);
    if (!part.ready) {
        stage(JobStage::PreparingVolume); // its waiter calls again once it is
        return;
    }
    m_downloading = true;
    download(part.image, tr("volume %1 of server %2").arg(part.label(), m_server.name), true,
             [this, index = m_nextVolume](const ImageRecord &record) { saveVolume(index, record); });
}

void BackupJob::waitForVolumeSnapshot(qsizetype index)
{
    const VolumePart &part = m_parts.at(index);
    auto *waiter = new openstack::VolumeSnapshotStatusWaiter(m_connection, part.snapshotId, timeoutFor(part.volume.sizeGb), this);
    waiter->setVolumeName(part.label());
    watch(waiter);
    connect(waiter, &openstack::StatusWaiter::finished, this, [this, waiter, index](const Error &error) {
        if (stopping())
            return;
        const QString label = m_parts.at(index).label();
        if (error.kind == Error::Kind::WaitFailed)
            return abandon(tr("Backing up volume %1 of server %2 failed: %3 Check the block storage service's logs, "
                              "then try again.")
                               .arg(label, m_server.name, error.message),
                           error.serviceMessage);
        if (error)
            return abandon(tr("Backing up volume %1 of server %2 failed: %3").arg(label, m_server.name, error.message),
                           error.serviceMessage);
        if (m_parts.at(index).volume.sizeGb <= 0)
            m_parts[index].volume.sizeGb = waiter->snapshot().sizeGb;
        createTemporaryVolume(index);
    });
    waiter->start();
    crashPoint("backup-volume-snapshot-waiting");
}

void BackupJob::createTemporaryVolume(qsizetype index)
{
    const VolumePart &part = m_parts.at(index);
    JournalEntry intent = journalEntry(JournalEntry::TemporaryVolume);
    intent.tag = part.snapshotId; // one intent per snapshot
    if (!journal(intent))
        return;
    openstack::VolumeCreateRequest create;
    create.name = temporaryName(part.label());
    create.description = tr("Temporary copy of volume %1 made by a StackVault backup of server %2; deleted when the "
                            "backup ends.")
                             .arg(part.label(), m_server.name);
    create.snapshotId = part.snapshotId;
    create.sizeGb = part.volume.sizeGb;
    create.metadata = temporaryMetadata();
    auto *job = new openstack::CreateVolumeJob(m_connection, create, this);
    connect(job, &openstack::ApiJob::finished, this, [this, job, intent, index](const Error &error) {
        const QString label = m_parts.at(index).label();
        if (error) {
            if (isRefusal(error))
                unjournal(intent);
            return abandon(tr("Cinder could not make a temporary volume from the snapshot of volume %1 (server %2): %3")
                               .arg(label, m_server.name, error.message),
                           error.serviceMessage);
        }
        m_parts[index].temporaryVolumeId = job->volume().id;
        crashPoint("backup-after-create-volume");
        if (!addTemporary(Temporary::Kind::Volume, m_parts.at(index).temporaryVolumeId, int(index)))
            return;
        unjournal(intent);
        if (stopping())
            return;
        waitForTemporaryVolume(index);
    });
    startCreate(job);
}

void BackupJob::waitForTemporaryVolume(qsizetype index)
{
    const VolumePart &part = m_parts.at(index);
    auto *waiter = new openstack::VolumeStatusWaiter(m_connection, part.temporaryVolumeId, timeoutFor(part.volume.sizeGb), this);
    waiter->setVolumeName(tr("the temporary copy of volume %1").arg(part.label()));
    watch(waiter);
    connect(waiter, &openstack::StatusWaiter::finished, this, [this, index](const Error &error) {
        if (stopping())
            return;
        if (error)
            return abandon(tr("The temporary volume made from the snapshot of volume %1 (server %2) did not become "
                              "available: %3")
                               .arg(m_parts.at(index).label(), m_server.name, error.message),
                           error.serviceMessage);
        uploadTemporaryVolume(index);
    });
    waiter->start();
}

void BackupJob::uploadTemporaryVolume(qsizetype index)
{
    const VolumePart &part = m_parts.at(index);
    // The image cannot carry a marker property (os-volume_upload_image sets none): the intent names it
    // by its name, which holds the checkpoint id, until its id is journaled.
    JournalEntry intent = journalEntry(JournalEntry::TemporaryImage);
    intent.tag = temporaryName(part.label());
    if (!journal(intent))
        return;
    auto *job = new openstack::UploadVolumeToImageJob(m_connection, part.temporaryVolumeId, intent.tag, this);
    job->setVolumeName(tr("the temporary copy of volume %1").arg(part.label()));
    job->setDiskFormat(QStringLiteral("raw"));
    job->setContainerFormat(QStringLiteral("bare"));
    connect(job, &openstack::ApiJob::finished, this, [this, job, index, intent](const Error &error) {
        const QString label = m_parts.at(index).label();
        if (error) {
            if (isRefusal(error))
                unjournal(intent);
            return abandon(tr("Cinder could not copy volume %1 of server %2 into a temporary image: %3")
                               .arg(label, m_server.name, error.message),
                           error.serviceMessage);
        }
        const QString imageId = job->imageId();
        crashPoint("backup-after-upload-volume");
        if (!addTemporary(Temporary::Kind::Image, imageId, int(index)))
            return;
        unjournal(intent);
        if (stopping())
            return;
        waitForUploadedImage(index, imageId);
    });
    startCreate(job);
}

void BackupJob::waitForUploadedImage(qsizetype index, const QString &imageId)
{
    const VolumePart &part = m_parts.at(index);
    auto *waiter = new openstack::ImageStatusWaiter(m_connection, imageId, timeoutFor(part.volume.sizeGb), this);
    watch(waiter);
    connect(waiter, &openstack::StatusWaiter::finished, this, [this, waiter, index](const Error &error) {
        if (stopping())
            return;
        const QString label = m_parts.at(index).label();
        if (error.kind == Error::Kind::WaitFailed || error.kind == Error::Kind::NotFound)
            return abandon(tr("Cinder's copy of volume %1 (server %2) into a temporary image failed: %3 Check the "
                              "block storage and image services' logs, then try again.")
                               .arg(label, m_server.name, error.message),
                           error.serviceMessage);
        if (error)
            return abandon(tr("Backing up volume %1 of server %2 failed: %3").arg(label, m_server.name, error.message),
                           error.serviceMessage);
        m_parts[index].image = waiter->image();
        m_parts[index].ready = true;
        updateTotal();
        // Once the image is active it holds the bytes: the temporary volume and its snapshot are not
        // needed any more. Cinder deletes them (seconds each, a volume before its snapshot) while the
        // downloads run, instead of after the last download, where the backup waited for them.
        cleanUpTemporaries(
            [index](const Temporary &temporary) {
                return temporary.part == int(index) && temporary.kind != Temporary::Kind::Image;
            },
            [this] {
                if (!m_failure.isEmpty() || m_committed)
                    settle();
            });
        downloadNext();
    });
    waiter->start();
    crashPoint("backup-volume-upload-waiting");
}

void BackupJob::download(const openstack::Image &image, const QString &what, bool isVolume,
                         std::function<void(ImageRecord)> then)
{
    if (!isVolume)
        m_serverImageBytes = qMax<qint64>(0, image.size);
    if (m_bytesTotal < 0)
        m_bytesTotal = 0; // from now on the progress covers every resource
    updateTotal();
    setStage(JobStage::Downloading, m_bytesTotal, m_bytesSaved);
    // Verify what Glance gives: its sha512 os_hash_value when present (Glance since Rocky), else its md5
    // `checksum`. md5 on top of sha512 adds nothing to the check and costs a whole core on 2-core
    // machines (ingest 202 → 335 MB/s without it), so it is only computed when it is the check.
    ImageWriter::Options options;
    options.computeMd5 = !hasSha512(image);
    m_imageWriter = m_checkpoint->createImageWriter(options);
    ImageWriter *writer = m_imageWriter.get();
    if (isVolume && image.size == 0) {
        // Nothing to download (Glance answers 204 for an image without bytes): an empty manifest.
        ImageRecord record;
        if (finishDownload(image, what, isVolume, &record))
            then(record);
        return;
    }
    const char *point = isVolume ? "backup-volume-download" : "backup-download";
    // The writer hashes on its own threads, so the download need not hash again.
    auto *job = track(new openstack::ImageDownloadJob(
        m_connection, image.id,
        [writer, point](const QByteArray &block) {
            crashPoint(point);
            return writer->write(block);
        },
        this));
    job->setImage(image);
    job->setVerifyChecksums(false);
    connect(job, &openstack::ImageDownloadJob::progress, this,
            [this](qint64 received, qint64) { setBytesDone(m_bytesSaved + received); });
    connect(job, &openstack::ApiJob::finished, this, [this, image, writer, what, isVolume, then](const Error &error) {
        if (stopping())
            return;
        if (error.kind == Error::Kind::Canceled && writer->error().isError())
            return abandon(writer->error().message, writer->error().path);
        if (error)
            return abandon(tr("The download of %1 failed: %2").arg(what, error.message), error.serviceMessage);
        ImageRecord record;
        if (finishDownload(image, what, isVolume, &record))
            then(record);
    });
    job->start();
}

bool BackupJob::finishDownload(const openstack::Image &image, const QString &what, bool emptyAllowed, ImageRecord *record)
{
    setStage(JobStage::Verifying, m_bytesTotal, m_bytesSaved + qMax<qint64>(0, image.size));
    BankError bankError;
    const bool finished = m_imageWriter->finish(record, &bankError);
    m_imageWriter.reset();
    if (!finished) {
        abandon(bankError.message, bankError.path);
        return false;
    }
    if (image.size >= 0 && record->size != image.size) {
        abandon(tr("The download of %1 ended after %2 of %3 bytes; nothing was saved. Try again.")
                    .arg(what)
                    .arg(record->size)
                    .arg(image.size));
        return false;
    }
    if (!hasSha512(image) && !image.checksum.isEmpty() && QString::fromLatin1(record->md5) != image.checksum) {
        abandon(tr("The bytes downloaded for %1 do not match the image's MD5 checksum; nothing was saved. "
                   "Try again; if it persists, the image in the cloud may be damaged.")
                    .arg(what),
                tr("expected md5 %1, got %2").arg(image.checksum, QString::fromLatin1(record->md5)));
        return false;
    }
    if (hasSha512(image) && QString::fromLatin1(record->sha512) != image.osHashValue) {
        abandon(tr("The bytes downloaded for %1 do not match the image's SHA-512 hash; nothing was saved.").arg(what),
                tr("expected sha512 %1, got %2").arg(image.osHashValue, QString::fromLatin1(record->sha512)));
        return false;
    }
    // A volume's bytes may be none (a blank volume where the cloud stores only what was written); an
    // image of 0 bytes is what Nova makes of a boot-from-volume server, never a disk.
    if (record->size == 0 && !emptyAllowed) {
        abandon(tr("%1 has no data (0 bytes); nothing was saved.").arg(what));
        return false;
    }
    record->diskFormat = image.diskFormat;
    record->containerFormat = image.containerFormat;
    m_bytesSaved += record->size;
    m_newBytes += record->newBytes;
    return true;
}

bool BackupJob::saveServerImage(const openstack::Image &image, const ImageRecord &record)
{
    ProtectedResource *imageResource = m_checkpoint->resource(QLatin1String(ImageResourceType), m_server.imageId);
    if (!imageResource) {
        abandon(tr("Internal error: the checkpoint has no image resource for server %1.").arg(m_server.name));
        return false;
    }
    // Image properties for the restore: the backed-up image's settable set (Nova copies the boot
    // image's properties onto a snapshot), without the snapshot's own bookkeeping.
    QJsonObject properties = ImageProperties::withoutSnapshotBookkeeping(ImageProperties::settable(image.raw));
    if (m_haveOriginalImage && properties.value(QLatin1String("name")).toString().startsWith(QLatin1String("stackvault-")))
        properties.insert(QStringLiteral("name"), m_originalImage.name);
    imageResource->metadata = QJsonObject{{QLatin1String(CheckpointKey::Properties), properties},
                                          {QLatin1String(CheckpointKey::BackedUpImageId), image.id},
                                          {QLatin1String(CheckpointKey::OriginalImageId), m_server.imageId},
                                          {QLatin1String(CheckpointKey::FromServerSnapshot), m_request.enableServerSnapshot}};
    imageResource->image = record;
    return true;
}

void BackupJob::saveVolume(qsizetype index, const ImageRecord &record)
{
    const VolumePart &part = m_parts.at(index);
    const openstack::Volume &volume = part.volume;
    ProtectedResource resource;
    resource.type = QLatin1String(VolumeResourceType);
    resource.id = volume.id;
    resource.name = volume.name;
    resource.parentType = QLatin1String(ServerResourceType);
    resource.parentId = m_server.id;
    resource.extraInfo = QJsonObject{{QLatin1String(CheckpointKey::ServerId), m_server.id},
                                     {QLatin1String(CheckpointKey::Device), part.device},
                                     {QLatin1String(CheckpointKey::BootIndex), part.bootIndex}};
    resource.metadata = QJsonObject{{QLatin1String(CheckpointKey::SizeGb), volume.sizeGb},
                                    {QLatin1String(CheckpointKey::VolumeType), volume.volumeType},
                                    {QLatin1String(CheckpointKey::Bootable), volume.bootable},
                                    {QLatin1String(CheckpointKey::Device), part.device},
                                    {QLatin1String(CheckpointKey::BootIndex), part.bootIndex},
                                    {QLatin1String(CheckpointKey::AvailabilityZone), volume.availabilityZone},
                                    {QLatin1String(CheckpointKey::Description),
                                     volume.raw.value(QLatin1String("description")).toString()},
                                    {QLatin1String(CheckpointKey::BackedUpSnapshotId), part.snapshotId}};
    if (!volume.imageMetadata.isEmpty())
        resource.metadata.insert(QLatin1String(CheckpointKey::VolumeImageMetadata), volume.imageMetadata);
    ImageRecord raw = record;
    raw.diskFormat = QStringLiteral("raw"); // os-volume_upload_image was asked for raw bytes
    resource.image = raw;
    m_checkpoint->index().resources.append(resource);
    // Its image (and its snapshot and volume, if still there) are not needed any more: deleted now, not
    // after the last volume, and meanwhile the next download runs (settle() waits for the deletes).
    cleanUpTemporaries([index](const Temporary &temporary) { return temporary.part == int(index); }, [this] {
        if (!m_failure.isEmpty() || m_committed)
            settle();
    });
    m_downloading = false;
    ++m_nextVolume;
    downloadNext();
}

void BackupJob::commit()
{
    ProtectedResource *server = m_checkpoint->resource(QLatin1String(ServerResourceType), m_server.id);
    // The attached volumes that are not in the backup, by name.
    QJsonArray notIncluded;
    QStringList notIncludedLabels;
    QStringList savedLabels;
    for (const VolumePart &part : std::as_const(m_parts))
        savedLabels.append(part.label());
    for (const openstack::Volume &volume : std::as_const(m_attached)) {
        if (std::any_of(m_parts.cbegin(), m_parts.cend(), [&volume](const VolumePart &p) { return p.volume.id == volume.id; }))
            continue;
        notIncluded.append(QJsonObject{{QLatin1String(CheckpointKey::Id), volume.id}, {QLatin1String(CheckpointKey::Name), volume.name}});
        notIncludedLabels.append(volume.name.isEmpty() ? volume.id : volume.name);
    }
    if (server)
        server->metadata.insert(QLatin1String(CheckpointKey::VolumesNotIncluded), notIncluded);
    // Decided by the image that was saved: a snapshot carries the boot image's hw_qemu_guest_agent.
    const ProtectedResource *imageResource = m_checkpoint->resource(QLatin1String(ImageResourceType), m_server.imageId);
    const QJsonObject properties = imageResource ? imageResource->metadata.value(QLatin1String(CheckpointKey::Properties)).toObject()
                                                 : ImageProperties::settable(m_serverSnapshot.raw);
    m_checkpoint->index().consistency = ImageProperties::consistency(
        m_request.enableServerSnapshot ? (m_bootFromVolume ? m_serverSnapshot.raw : properties) : m_originalImage.raw,
        m_request.enableServerSnapshot);

    BankError commitError;
    if (!m_checkpoint->commit(&commitError))
        return abandon(commitError.message, commitError.path);

    const CheckpointIndex &index = m_checkpoint->index();
    const Consistency consistency = ConsistencyText::parse(index.consistency);
    QString message = m_request.enableServerSnapshot
        ? tr("Backed up server %1 with its data (%2 bytes, %3 bytes new in the backup storage; %4).")
              .arg(m_server.name)
              .arg(index.totalSize())
              .arg(index.newStoredBytes())
              .arg(ConsistencyText::labelWithNote(consistency, ImageProperties::requiresQuiesce(properties)))
        : tr("Backed up the original image of server %1 (%2 bytes); data written since boot is not included.")
              .arg(m_server.name)
              .arg(index.totalSize());
    if (!savedLabels.isEmpty())
        message += QLatin1Char(' ') + tr("Volumes included: %1.").arg(savedLabels.join(QStringLiteral(", ")));
    if (!notIncludedLabels.isEmpty())
        message += QLatin1Char(' ') + volumesNotIncludedSentence(notIncludedLabels);
    m_success = JobResult{JobOutcome::Succeeded,
                          message,
                          {},
                          {{QStringLiteral("checkpoint_id"), m_checkpoint->id()},
                           {QStringLiteral("server_id"), m_server.id},
                           {QStringLiteral("server_name"), m_server.name},
                           {QStringLiteral("include_data"), m_request.enableServerSnapshot},
                           {QStringLiteral("boot_from_volume"), m_bootFromVolume},
                           {QStringLiteral("size"), index.totalSize()},
                           {QStringLiteral("new_bytes"), m_newBytes},
                           {QStringLiteral("new_stored_bytes"), index.newStoredBytes()},
                           {QStringLiteral("consistency"), index.consistency},
                           {QStringLiteral("volumes"), savedLabels},
                           {QStringLiteral("volumes_not_included"), notIncludedLabels}}};
    m_checkpoint.reset();
    m_committed = true;
    settle();
}

void BackupJob::abandon(const Error &error)
{
    abandon(error.message, error.serviceMessage);
}

void BackupJob::abandon(const QString &message, const QString &details)
{
    if (!m_failure.isEmpty())
        return;
    m_failure = isCancelled() ? tr("Cancelled.") : message;
    m_failureDetails = details;
    qCInfo(lcProtection) << "backup of" << m_request.server << "stopped:" << m_failure;
    // The other branches (volumes being prepared while a disk downloads) stop too; a download is
    // aborted before its writer goes.
    abortRunning();
    if (m_imageWriter) {
        m_imageWriter->cancel();
        m_imageWriter.reset();
    }
    if (m_checkpoint) {
        m_checkpoint->fail(m_failure);
        m_checkpoint.reset();
    }
    settle();
}

void BackupJob::settle()
{
    // The cleanup waits for every create request in flight (its handler journals what it made) and
    // every delete already under way; the job finishes after both.
    if (m_creating > 0 || m_deleting > 0)
        return;
    if (!m_cleanupStarted) {
        m_cleanupStarted = true;
        return cleanUp();
    }
    if (m_cleanupDone)
        done();
}

void BackupJob::cleanUp()
{
    if (!m_temporaries.isEmpty()) {
        stage(JobStage::CleaningUp);
        crashPoint("backup-cleanup");
    }
    cleanUpTemporaries([](const Temporary &) { return true; }, [this] {
        m_cleanupDone = true;
        settle();
    });
}

void BackupJob::cleanUpTemporaries(std::function<bool(const Temporary &)> which, std::function<void()> then)
{
    // Images first (an upload holds its volume), then volumes (a clone holds its snapshot), then snapshots.
    qsizetype pick = -1;
    for (qsizetype i = 0; i < m_temporaries.size(); ++i) {
        if (which(m_temporaries.at(i)) && (pick < 0 || m_temporaries.at(i).kind < m_temporaries.at(pick).kind))
            pick = i;
    }
    if (pick < 0)
        return then();
    const Temporary temporary = m_temporaries.takeAt(pick);
    ++m_deleting;
    deleteTemporary(temporary, false, [this, which, then] {
        --m_deleting;
        cleanUpTemporaries(which, then);
    });
}

QString BackupJob::describe(const Temporary &temporary) const
{
    const QString volume = temporary.part >= 0 && temporary.part < m_parts.size() ? m_parts.at(temporary.part).label() : QString();
    switch (temporary.kind) {
    case Temporary::Kind::Image:
        return volume.isEmpty() ? tr("snapshot %1 of server %2").arg(temporary.id, m_server.name)
                                : tr("image %1 (a copy of volume %2)").arg(temporary.id, volume);
    case Temporary::Kind::Volume:
        return tr("volume %1 (a copy of volume %2)").arg(temporary.id, volume);
    case Temporary::Kind::Snapshot:
        return volume.isEmpty() ? tr("volume snapshot %1").arg(temporary.id)
                                : tr("volume snapshot %1 (of volume %2)").arg(temporary.id, volume);
    }
    return temporary.id;
}

void BackupJob::deleteTemporary(Temporary temporary, bool retried, std::function<void()> then)
{
    openstack::ApiJob *job = nullptr;
    switch (temporary.kind) {
    case Temporary::Kind::Image:
        job = new openstack::DeleteImageJob(m_connection, temporary.id, this);
        break;
    case Temporary::Kind::Volume:
        job = new openstack::DeleteVolumeJob(m_connection, temporary.id, this);
        break;
    case Temporary::Kind::Snapshot:
        job = new openstack::DeleteVolumeSnapshotJob(m_connection, temporary.id, this);
        break;
    }
    connect(job, &openstack::ApiJob::finished, this, [this, temporary, retried, then](const Error &error) {
        const double sizeGiB = temporary.part >= 0 && temporary.part < m_parts.size() ? m_parts.at(temporary.part).volume.sizeGb : 1;
        if (error && !retried && (error.kind == Error::Kind::BadRequest || error.kind == Error::Kind::Conflict)) {
            // Still busy (a volume being made or uploaded, a snapshot being made): wait until it settles,
            // whatever it settles to, then delete once more.
            openstack::StatusWaiter *waiter = nullptr;
            if (temporary.kind == Temporary::Kind::Volume)
                waiter = new openstack::VolumeStatusWaiter(m_connection, temporary.id, timeoutFor(sizeGiB), this);
            else if (temporary.kind == Temporary::Kind::Snapshot)
                waiter = new openstack::VolumeSnapshotStatusWaiter(m_connection, temporary.id, timeoutFor(sizeGiB), this);
            else
                waiter = new openstack::ImageStatusWaiter(m_connection, temporary.id, timeoutFor(sizeGiB), this);
            waiter->setPollInterval(m_request.poll);
            connect(waiter, &openstack::StatusWaiter::finished, this,
                    [this, temporary, then] { deleteTemporary(temporary, true, then); });
            return waiter->start();
        }
        if (error) {
            // Keep the journal entry: the next start tries again.
            m_cleanupProblems.append(tr("Something the backup made could not be deleted: the temporary %1 (%2). StackVault "
                                        "tries again when the desktop app starts next or before the next backup or "
                                        "restore on this cloud.")
                                         .arg(describe(temporary), error.message));
            return then();
        }
        forgetTemporary(temporary);
        const bool snapshotWaits = temporary.kind == Temporary::Kind::Volume
            && std::any_of(m_temporaries.cbegin(), m_temporaries.cend(),
                           [](const Temporary &t) { return t.kind == Temporary::Kind::Snapshot; });
        if (!snapshotWaits)
            return then();
        // The volume made from a snapshot must be gone before that snapshot can be deleted (Ceph).
        auto *gone = new VolumeGoneWaiter(m_connection, temporary.id, timeoutFor(sizeGiB), this);
        gone->setPollInterval(m_request.poll);
        connect(gone, &openstack::StatusWaiter::finished, this, [then] { then(); });
        gone->start();
    });
    job->start();
}

void BackupJob::forgetTemporary(const Temporary &temporary)
{
    if (temporary.journaled)
        unjournal(temporary.entry);
}

void BackupJob::done()
{
    const QString cleanupProblem = m_cleanupProblems.join(QLatin1Char('\n'));
    if (m_failure.isEmpty()) {
        if (!cleanupProblem.isEmpty())
            m_success.details = cleanupProblem;
        return finish(m_success);
    }
    QString details = m_failureDetails;
    if (!cleanupProblem.isEmpty())
        details += (details.isEmpty() ? QString() : QStringLiteral("\n")) + cleanupProblem;
    if (isCancelled())
        return finish(JobResult{JobOutcome::Cancelled, m_failure, details, {}});
    fail(m_failure, details);
}

} // namespace sv
