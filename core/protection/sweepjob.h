#pragma once

#include "bank/banklock.h"
#include "bank/journalentry.h"
#include "jobs/job.h"

#include <QHash>
#include <QSet>

#include <memory>
#include <optional>

namespace sv {

class Bank;
namespace openstack {
class Connection;
class Session;
} // namespace openstack

// Deletes what the bank's journal still names — temporary snapshots, volumes and images of a backup
// whose process died, images, volumes, servers and ports of a restore that died half-way — and then the
// journal entries. A journaled port bound to a server this sweep did not delete is left alone: while
// that server is still journaled (its delete failed) the entry waits for a later sweep, otherwise the
// port serves a server the restore completed and only the entry is dropped. LeftoverSweep
// starts it when the desktop app starts and before a CLI backup or restore (design.md "Backup flow",
// step 8); `stackvault-cli sweep` runs it on demand. An intent entry (the process died between a create request and
// its answer) is resolved by listing the cloud for the entry's marker. Entries of clouds without a
// session (no profile, no secret) are kept for a later sweep. The sweep holds the bank's exclusive
// lock, so it never touches what a running backup or restore (shared lock) is still using; when one
// runs, the sweep is deferred.
class SweepJob : public Job
{
    Q_OBJECT
public:
    // `sessions` by cloud profile id.
    SweepJob(std::shared_ptr<Bank> bank, QHash<QString, std::shared_ptr<openstack::Session>> sessions,
             QObject *parent = nullptr);

    // Sweeps only the entries of these clouds (profile ids); the others are left alone and not
    // reported. By default every entry is swept.
    void setClouds(const QStringList &profileIds);

protected:
    void run() override;

private:
    // One step: resolve an intent, delete a server, image, volume or volume snapshot, or drop a journal entry.
    struct Task
    {
        enum class Action { Resolve, DeleteServer, DeleteImage, DeleteVolume, DeleteSnapshot, DeletePort, RemoveEntry };
        Action action;
        JournalEntry entry;
        bool retried = false; // a volume or snapshot refused while still being made: waited for, tried again
        bool inspected = false; // a temporary image whose block_device_mapping was read (its Cinder snapshots
                                // journaled), or a port whose binding was looked at (sweepPort)
    };
    void next();
    void resolve(const JournalEntry &entry);
    // An intent's resource, found by listing the cloud for the entry's marker.
    void resolveServers(const JournalEntry &entry);
    void resolveImages(const JournalEntry &entry);
    void resolveVolumes(const JournalEntry &entry);
    void resolveSnapshots(const JournalEntry &entry);
    void resolvePorts(const JournalEntry &entry);
    // Starts `job` (its filters set); every item of (job->*items)() that `marked` accepts is deleted
    // (`action`, its id in `id`), then the intent's entry is dropped (resolved()).
    template<typename ListJob, typename Items, typename Marked>
    void resolveListed(const JournalEntry &entry, ListJob *job, Items items, Marked marked, Task::Action action,
                       QString JournalEntry::*id);
    // A journaled port: looked up first (gone: swept; bound to a server not swept: see the class comment).
    void sweepPort(const Task &task);
    // Deletions that resolving an intent found run first, then the intent's entry is dropped.
    void resolved(const JournalEntry &intent, const QList<Task> &deletions);
    void deleteResource(const Task &task);
    // Nova's snapshot of a boot-from-volume server names Cinder snapshots that deleting the image leaves:
    // journal them (so that they are swept too, even if this sweep dies), then delete the image.
    void inspectTemporaryImage(const Task &task);
    openstack::Connection *connectionFor(const JournalEntry &entry);

    std::shared_ptr<Bank> m_bank;
    QHash<QString, std::shared_ptr<openstack::Session>> m_sessions;
    QHash<QString, openstack::Connection *> m_connections;
    QList<Task> m_pending;
    std::unique_ptr<BankLock> m_lock;
    std::optional<QStringList> m_clouds;
    int m_deleted = 0;
    QStringList m_removed; // "image ID" / "server ID" / "volume ID" ..., for the result
    QSet<QString> m_deletedServers; // by this sweep: their ports may go
    QStringList m_problems;
};

} // namespace sv
