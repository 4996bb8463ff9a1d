#pragma once

#include "jobs/job.h"
#include "protection/retentionpolicy.h"

#include <memory>
#include <optional>

namespace sv {

class Bank;

struct ForgetRequest
{
    std::shared_ptr<Bank> bank;
    RetentionPolicy policy;
    // Only checkpoints of these servers (ids or exact names); empty: every server in the bank.
    QStringList servers;
    // Only checkpoints that this plan made; an empty string: only those made by hand; unset: all.
    std::optional<QString> plan;
    bool dryRun = false; // decide and report, remove nothing
    // After deleting: the bank's whole prune (also tidies after crashes, as `stackvault-cli prune`)
    // instead of garbage collection alone.
    bool prune = false;
    int gcLockTimeoutMs = 5000;
};

// Applies a retention policy to a bank (decideRetention on the checkpoints the filters select, grouped
// by server), deletes the checkpoints it does not keep, then collects the chunks no checkpoint uses,
// on the job's worker thread. Like a delete, it removes indexes while backups may run and takes the
// exclusive bank lock for the garbage collection (deferred to a later delete or prune when a backup
// holds the bank). An empty or invalid policy fails before anything is read.
//
// One finished result. Its data: dry_run, policy (RetentionPolicy::toJson), decisions (a list, oldest
// first, of maps: checkpoint_id, server_id, server_name, created (ISO UTC), status, plan, keep, counted,
// reasons), kept, not_counted, to_remove (counts) and to_remove_ids (what the policy does not keep),
// removed and removed_ids (what was deleted: none in a dry run), and, when something was removed: gc_done,
// chunks_removed, bytes_freed, gc_deferred_reason (when deferred); with prune: interrupted_marked_error,
// unfinished_deletes_removed, temporaries_removed.
class ForgetJob : public Job
{
    Q_OBJECT
public:
    explicit ForgetJob(ForgetRequest request, QObject *parent = nullptr);

protected:
    void run() override;

private:
    ForgetRequest m_request;
};

} // namespace sv
