#include "protection/sweepjob.h"

#include "bank/bank.h"
#include "openstack/compute/deleteserverjob.h"
#include "openstack/compute/listserversjob.h"
#include "openstack/connection.h"
#include "openstack/image/deleteimagejob.h"
#include "openstack/image/listimagesjob.h"
#include "openstack/image/showimagejob.h"
#include "openstack/network/deleteportjob.h"
#include "openstack/network/listportsjob.h"
#include "openstack/session.h"
#include "openstack/volume/deletevolumejob.h"
#include "openstack/volume/deletevolumesnapshotjob.h"
#include "openstack/volume/listvolumesjob.h"
#include "openstack/volume/listvolumesnapshotsjob.h"
#include "openstack/volume/volumesnapshotstatuswaiter.h"
#include "openstack/volume/volumestatuswaiter.h"
#include "protection/imageproperties.h"
#include "protection/protectionlog.h"

#include <algorithm>

namespace sv {

namespace {
// How long the sweep waits for running backups or restores (shared lock holders) before deferring.
constexpr int kLockWaitMs = 2000;

const auto kCheckpointMarker = QStringLiteral("stackvault_checkpoint");
const auto kRestoreMarker = QStringLiteral("stackvault_restore_job");

// A restore's port's description (RestoreJob::createNextPort).
const auto kRestorePortMarker = QStringLiteral("stackvault_restore_job:");

// Servers first (a restored server uses the restored image, volumes and ports), then ports (freed by
// their server's delete), images (an uploaded image is read from a temporary volume), volumes, and
// snapshots last (a volume cloned from a snapshot can block the snapshot's delete).
int deletionRank(const JournalEntry &entry)
{
    if (entry.kind == JournalEntry::RestoreServer)
        return 0;
    if (entry.kind == JournalEntry::RestorePort)
        return 1;
    if (entry.kind == JournalEntry::TemporaryImage || entry.kind == JournalEntry::RestoreImage)
        return 2;
    if (entry.kind == JournalEntry::TemporaryVolume || entry.kind == JournalEntry::RestoreVolume)
        return 3;
    return 4;
}

QString resourceId(const JournalEntry &entry)
{
    for (const QString *id : {&entry.imageId, &entry.serverId, &entry.volumeId, &entry.snapshotId, &entry.portId}) {
        if (!id->isEmpty())
            return *id;
    }
    return {};
}
} // namespace

SweepJob::SweepJob(std::shared_ptr<Bank> bank, QHash<QString, std::shared_ptr<openstack::Session>> sessions,
                   QObject *parent)
    : Job(tr("Remove leftover temporary snapshots"), parent)
    , m_bank(std::move(bank))
    , m_sessions(std::move(sessions))
{
}

void SweepJob::setClouds(const QStringList &profileIds)
{
    m_clouds = profileIds;
}

void SweepJob::run()
{
    setStage(JobStage::CleaningUp);
    BankError error;
    m_lock = m_bank->lock(BankLock::Mode::Exclusive, kLockWaitMs, &error);
    if (!m_lock) {
        if (error.code != BankError::Code::Busy)
            return fail(error.message, error.path);
        // A live backup or restore owns some of the entries; sweeping now could delete its snapshot.
        return finish(JobResult{JobOutcome::Succeeded,
                                tr("A backup or restore is running; leftover temporary snapshots will be removed "
                                   "later."),
                                {},
                                {{QStringLiteral("deleted"), 0}, {QStringLiteral("kept"), 0},
                                 {QStringLiteral("deferred"), true}}});
    }
    QList<JournalEntry> entries;
    if (!m_bank->journalEntries(&entries, &error))
        return fail(error.message, error.path);
    if (m_clouds)
        entries.removeIf([this](const JournalEntry &entry) { return !m_clouds->contains(entry.cloudProfileId); });
    std::stable_sort(entries.begin(), entries.end(), [](const JournalEntry &a, const JournalEntry &b) {
        return deletionRank(a) < deletionRank(b);
    });
    for (const JournalEntry &entry : std::as_const(entries)) {
        Task::Action action = Task::Action::Resolve;
        if (!entry.serverId.isEmpty())
            action = Task::Action::DeleteServer;
        else if (!entry.imageId.isEmpty())
            action = Task::Action::DeleteImage;
        else if (!entry.volumeId.isEmpty())
            action = Task::Action::DeleteVolume;
        else if (!entry.snapshotId.isEmpty())
            action = Task::Action::DeleteSnapshot;
        else if (!entry.portId.isEmpty())
            action = Task::Action::DeletePort;
        m_pending.append(Task{action, entry});
    }
    next();
}

openstack::Connection *SweepJob::connectionFor(const JournalEntry &entry)
{
    const auto session = m_sessions.value(entry.cloudProfileId);
    if (!session)
        return nullptr;
    openstack::Connection *&connection = m_connections[entry.cloudProfileId];
    if (!connection)
        connection = new openstack::Connection(session, this);
    return connection;
}

void SweepJob::next()
{
    if (isCancelled()) {
        m_lock.reset();
        return finishCancelled();
    }
    if (m_pending.isEmpty()) {
        m_lock.reset();
        JobResult result{m_problems.isEmpty() ? JobOutcome::Succeeded : JobOutcome::Failed,
                         m_problems.isEmpty()
                             ? (m_deleted == 0 ? tr("Nothing was left over by interrupted backups or restores.")
                                               : tr("Removed %n leftover(s) of interrupted backups or restores: %1.",
                                                    nullptr, m_deleted)
                                                     .arg(m_removed.join(QStringLiteral(", "))))
                             : tr("%n temporary snapshot(s) could not be removed yet; StackVault will try again.",
                                  nullptr, int(m_problems.size())),
                         m_problems.join(QLatin1Char('\n')),
                         {{QStringLiteral("deleted"), m_deleted},
                          {QStringLiteral("kept"), int(m_problems.size())},
                          {QStringLiteral("removed"), m_removed}}};
        return finish(result);
    }
    const Task task = m_pending.takeFirst();
    const JournalEntry &entry = task.entry;
    if (task.action == Task::Action::RemoveEntry) {
        BankError bankError;
        if (!m_bank->removeJournalEntry(entry, &bankError))
            m_problems.append(bankError.message);
        return next();
    }
    if (!connectionFor(entry)) {
        m_problems.append(tr("Snapshot %1 (backup %2) belongs to a cloud that is not available now.")
                              .arg(resourceId(entry), entry.checkpointId));
        return next();
    }
    if (task.action == Task::Action::Resolve)
        return resolve(entry);
    if (task.action == Task::Action::DeletePort && !task.inspected)
        return sweepPort(task);
    deleteResource(task);
}

void SweepJob::resolve(const JournalEntry &entry)
{
    if (entry.kind == JournalEntry::TemporaryVolume || entry.kind == JournalEntry::RestoreVolume)
        return resolveVolumes(entry);
    if (entry.kind == JournalEntry::TemporaryVolumeSnapshot)
        return resolveSnapshots(entry);
    if (entry.kind == JournalEntry::RestorePort)
        return resolvePorts(entry);
    if (entry.kind == JournalEntry::RestoreServer)
        return resolveServers(entry);
    resolveImages(entry);
}

void SweepJob::resolved(const JournalEntry &intent, const QList<Task> &deletions)
{
    // What is found is deleted first; the intent entry goes last, so a sweep that dies half-way
    // leaves the intent for the next one.
    m_pending = deletions + QList<Task>{Task{Task::Action::RemoveEntry, intent}} + m_pending;
    next();
}

template<typename ListJob, typename Items, typename Marked>
void SweepJob::resolveListed(const JournalEntry &entry, ListJob *job, Items items, Marked marked,
                             Task::Action action, QString JournalEntry::*id)
{
    connect(job, &openstack::ApiJob::finished, this, [this, job, entry, items, marked, action, id](const openstack::Error &error) {
        if (error) {
            m_problems.append(tr("Backup %1: %2").arg(entry.checkpointId, error.message));
            return next();
        }
        QList<Task> deletions;
        for (const auto &item : (job->*items)()) {
            if (!marked(item))
                continue;
            JournalEntry concrete = entry;
            concrete.*id = item.id;
            deletions.append(Task{action, concrete});
        }
        resolved(entry, deletions);
    });
    job->start();
}

void SweepJob::resolveServers(const JournalEntry &entry)
{
    if (entry.tag.isEmpty())
        return resolved(entry, {});
    resolveListed(entry, new openstack::ListServersJob(connectionFor(entry), this), &openstack::ListServersJob::servers,
                  [tag = entry.tag](const openstack::Server &server) {
                      return server.metadata.value(kRestoreMarker).toString() == tag;
                  },
                  Task::Action::DeleteServer, &JournalEntry::serverId);
}

void SweepJob::resolveImages(const JournalEntry &entry)
{
    // A restore's image carries the restore's marker; an image Cinder uploads a volume into carries no
    // property of ours: its intent names it; a backup's image carries the checkpoint's marker.
    const bool byName = entry.kind == JournalEntry::TemporaryImage && !entry.tag.isEmpty();
    const QString marker = entry.kind == JournalEntry::RestoreImage || byName ? entry.tag : entry.checkpointId;
    const QString key = entry.kind == JournalEntry::RestoreImage ? kRestoreMarker
        : byName                                                  ? QStringLiteral("name")
                                                                  : kCheckpointMarker;
    if (marker.isEmpty())
        return resolved(entry, {});
    auto *job = new openstack::ListImagesJob(connectionFor(entry), this);
    job->setFilter(key, marker);
    // The filter is the cloud's; the marker is checked again, a cloud that ignores unknown filters would
    // otherwise list every image.
    resolveListed(entry, job, &openstack::ListImagesJob::images,
                  [key, marker](const openstack::Image &image) { return image.raw.value(key).toString() == marker; },
                  Task::Action::DeleteImage, &JournalEntry::imageId);
}

void SweepJob::resolveVolumes(const JournalEntry &entry)
{
    const QString key = entry.kind == JournalEntry::RestoreVolume ? kRestoreMarker : kCheckpointMarker;
    const QString marker = entry.kind == JournalEntry::RestoreVolume ? entry.tag : entry.checkpointId;
    if (marker.isEmpty())
        return resolved(entry, {});
    resolveListed(entry, new openstack::ListVolumesJob(connectionFor(entry), this), &openstack::ListVolumesJob::volumes,
                  [key, marker](const openstack::Volume &volume) {
                      return volume.raw.value(QLatin1String("metadata")).toObject().value(key).toString() == marker;
                  },
                  Task::Action::DeleteVolume, &JournalEntry::volumeId);
}

void SweepJob::resolveSnapshots(const JournalEntry &entry)
{
    if (entry.checkpointId.isEmpty())
        return resolved(entry, {});
    resolveListed(entry, new openstack::ListVolumeSnapshotsJob(connectionFor(entry), this),
                  &openstack::ListVolumeSnapshotsJob::snapshots,
                  [marker = entry.checkpointId](const openstack::VolumeSnapshot &snapshot) {
                      return snapshot.metadata.value(kCheckpointMarker).toString() == marker;
                  },
                  Task::Action::DeleteSnapshot, &JournalEntry::snapshotId);
}

void SweepJob::resolvePorts(const JournalEntry &entry)
{
    if (entry.tag.isEmpty())
        return resolved(entry, {});
    const QString marker = kRestorePortMarker + entry.tag;
    auto *job = new openstack::ListPortsJob(connectionFor(entry), {}, this);
    job->setFilter(QStringLiteral("description"), marker);
    resolveListed(entry, job, &openstack::ListPortsJob::ports,
                  // a cloud that ignores the filter lists every port
                  [marker](const openstack::Port &port) { return port.description == marker; },
                  Task::Action::DeletePort, &JournalEntry::portId);
}

void SweepJob::sweepPort(const Task &task)
{
    const JournalEntry entry = task.entry;
    auto *job = new openstack::ListPortsJob(connectionFor(entry), {}, this);
    job->setFilter(QStringLiteral("id"), entry.portId);
    connect(job, &openstack::ApiJob::finished, this, [this, job, task, entry](const openstack::Error &error) {
        if (error) {
            m_problems.append(tr("Port %1: %2").arg(entry.portId, error.message));
            return next();
        }
        const auto ports = job->ports();
        const auto port = std::find_if(ports.cbegin(), ports.cend(),
                                       [&entry](const openstack::Port &p) { return p.id == entry.portId; });
        Task checked = task;
        checked.inspected = true;
        // Gone (the restore's own clean-up deleted it before the entry went): deleting again is a no-op
        // that counts as swept. Unbound, or bound to a server this sweep deleted: deleted.
        if (port == ports.cend() || port->deviceId.isEmpty() || m_deletedServers.contains(port->deviceId))
            return deleteResource(checked);
        BankError bankError;
        QList<JournalEntry> entries;
        if (!m_bank->journalEntries(&entries, &bankError)) {
            m_problems.append(bankError.message);
            return next();
        }
        const bool serverJournaled = std::any_of(entries.cbegin(), entries.cend(), [&entry](const JournalEntry &e) {
            return e.kind == JournalEntry::RestoreServer && e.tag == entry.tag;
        });
        if (serverJournaled) {
            // Its server could not be deleted now; the port goes after it, in a later sweep.
            qCInfo(lcProtection) << "port" << entry.portId << "kept: its server" << port->deviceId << "is still journaled";
            return next();
        }
        // Bound to a server that is no leftover (a restore that completed): the port is that server's NIC.
        qCInfo(lcProtection) << "port" << entry.portId << "serves server" << port->deviceId << "; only its journal entry goes";
        if (!m_bank->removeJournalEntry(entry, &bankError))
            m_problems.append(bankError.message);
        next();
    });
    job->start();
}

void SweepJob::inspectTemporaryImage(const Task &task)
{
    auto *job = new openstack::ShowImageJob(connectionFor(task.entry), task.entry.imageId, this);
    connect(job, &openstack::ApiJob::finished, this, [this, job, task](const openstack::Error &error) {
        Task inspected = task;
        inspected.inspected = true;
        if (error && error.kind != openstack::Error::Kind::NotFound) {
            m_problems.append(tr("Snapshot %1: %2").arg(task.entry.imageId, error.message));
            return next();
        }
        QList<Task> snapshots;
        const auto mapped = error ? QList<ImageProperties::MappedSnapshot>()
                                  : ImageProperties::blockDeviceMappingSnapshots(job->image().raw);
        for (const ImageProperties::MappedSnapshot &snapshot : mapped) {
            JournalEntry entry = task.entry;
            entry.kind = JournalEntry::TemporaryVolumeSnapshot;
            entry.imageId.clear();
            entry.snapshotId = snapshot.snapshotId;
            entry.created = QDateTime::currentDateTimeUtc();
            BankError bankError;
            if (!m_bank->addJournalEntry(entry, &bankError)) {
                m_problems.append(bankError.message);
                return next();
            }
            snapshots.append(Task{Task::Action::DeleteSnapshot, entry});
        }
        // The image first (it refers to the snapshots), the snapshots after the other images and volumes.
        m_pending.prepend(inspected);
        m_pending.append(snapshots);
        next();
    });
    job->start();
}

void SweepJob::deleteResource(const Task &task)
{
    if (task.action == Task::Action::DeleteImage && task.entry.kind == JournalEntry::TemporaryImage && !task.inspected)
        return inspectTemporaryImage(task);
    const JournalEntry entry = task.entry;
    openstack::Connection *connection = connectionFor(entry);
    const QString id = resourceId(entry);
    openstack::ApiJob *job = nullptr;
    QString what;    // for the result: "server X", "volume X", ...
    QString problem; // for a failure: "Server X: why"
    switch (task.action) {
    case Task::Action::DeleteServer:
        job = new openstack::DeleteServerJob(connection, id, this);
        what = tr("server %1").arg(id);
        problem = tr("Server %1: %2");
        break;
    case Task::Action::DeleteVolume:
        job = new openstack::DeleteVolumeJob(connection, id, this);
        what = tr("volume %1").arg(id);
        problem = tr("Volume %1: %2");
        break;
    case Task::Action::DeleteSnapshot:
        job = new openstack::DeleteVolumeSnapshotJob(connection, id, this);
        what = tr("volume snapshot %1").arg(id);
        problem = tr("Volume snapshot %1: %2");
        break;
    case Task::Action::DeletePort:
        job = new openstack::DeletePortJob(connection, id, this);
        what = tr("port %1").arg(id);
        problem = tr("Port %1: %2");
        break;
    default:
        job = new openstack::DeleteImageJob(connection, id, this);
        what = entry.kind == JournalEntry::TemporaryImage ? tr("snapshot %1").arg(id) : tr("image %1").arg(id);
        problem = tr("Snapshot %1: %2");
        break;
    }
    connect(job, &openstack::ApiJob::finished, this, [this, task, entry, id, what, problem](const openstack::Error &error) {
        const bool cinder = task.action == Task::Action::DeleteVolume || task.action == Task::Action::DeleteSnapshot;
        if (error && cinder && !task.retried
            && (error.kind == openstack::Error::Kind::BadRequest || error.kind == openstack::Error::Kind::Conflict)) {
            // Cinder refuses to delete a volume or snapshot still being made (a process killed right after
            // its create request): wait until it settles, whatever to, then delete once more.
            openstack::StatusWaiter *waiter = nullptr;
            if (task.action == Task::Action::DeleteVolume)
                waiter = new openstack::VolumeStatusWaiter(connectionFor(entry), id, std::chrono::minutes(10), this);
            else
                waiter = new openstack::VolumeSnapshotStatusWaiter(connectionFor(entry), id, std::chrono::minutes(10), this);
            waiter->setPollInterval(std::chrono::milliseconds(300), std::chrono::seconds(10));
            Task again = task;
            again.retried = true;
            connect(waiter, &openstack::StatusWaiter::finished, this, [this, again] { deleteResource(again); });
            return waiter->start();
        }
        if (error) {
            m_problems.append(problem.arg(id, error.message));
            return next();
        }
        if (task.action == Task::Action::DeleteServer)
            m_deletedServers.insert(id);
        BankError bankError;
        if (!m_bank->removeJournalEntry(entry, &bankError)) {
            m_problems.append(bankError.message);
        } else {
            ++m_deleted;
            m_removed.append(what);
        }
        qCInfo(lcProtection) << "swept" << what << "of" << entry.kind << entry.checkpointId;
        next();
    });
    job->start();
}

} // namespace sv
