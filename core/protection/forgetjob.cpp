#include "protection/forgetjob.h"

#include "bank/bank.h"
#include "util/datasize.h"

#include <QVariantList>

namespace sv {

ForgetJob::ForgetJob(ForgetRequest request, QObject *parent)
    : Job(request.dryRun ? tr("Preview retention") : tr("Apply retention"), parent)
    , m_request(std::move(request))
{
}

void ForgetJob::run()
{
    setStage(JobStage::Checking);
    const RetentionPolicy &policy = m_request.policy;
    QString why;
    if (!policy.validate(&why)) {
        fail(tr("The retention policy is not valid: %1").arg(why));
        return;
    }
    if (policy.isEmpty()) {
        // restic (since 0.17) refuses this too: a policy that keeps nothing would remove every backup.
        fail(tr("The retention policy keeps nothing: give at least one of --keep-last, --keep-hourly, --keep-daily, "
                "--keep-weekly, --keep-monthly, --keep-yearly (a number above 0) or --keep-within (a duration such "
                "as 30d). Nothing was removed."));
        return;
    }
    BankError error;
    QList<CheckpointSummary> listed;
    if (!m_request.bank->open(&error) || !m_request.bank->listCheckpoints(&listed, &error)) {
        fail(tr("Cannot apply retention to the backup storage %1: %2").arg(m_request.bank->location(), error.message),
             error.path);
        return;
    }
    QList<CheckpointSummary> selected;
    for (const CheckpointSummary &c : std::as_const(listed)) {
        if (!m_request.servers.isEmpty() && !m_request.servers.contains(c.serverId)
            && !m_request.servers.contains(c.serverName))
            continue;
        if (m_request.plan && c.plan != *m_request.plan)
            continue;
        selected.append(c);
    }
    const QList<RetentionDecision> decisions = decideRetention(selected, policy);
    QVariantList decisionList;
    QStringList remove;
    int notCounted = 0;
    for (qsizetype i = 0; i < selected.size(); ++i) {
        const CheckpointSummary &c = selected.at(i);
        const RetentionDecision &d = decisions.at(i);
        decisionList.append(QVariantMap{{QStringLiteral("checkpoint_id"), c.id},
                                        {QStringLiteral("server_id"), c.serverId},
                                        {QStringLiteral("server_name"), c.serverName},
                                        {QStringLiteral("created"), c.created.toUTC().toString(Qt::ISODate)},
                                        {QStringLiteral("status"), c.status},
                                        {QStringLiteral("plan"), c.plan},
                                        {QStringLiteral("keep"), d.keep},
                                        {QStringLiteral("counted"), d.counted},
                                        {QStringLiteral("reasons"), d.reasons}});
        if (!d.keep)
            remove.append(c.id);
        notCounted += d.counted ? 0 : 1;
    }
    QVariantMap data{{QStringLiteral("dry_run"), m_request.dryRun},
                     {QStringLiteral("policy"), policy.toJson().toVariantMap()},
                     {QStringLiteral("decisions"), decisionList},
                     {QStringLiteral("kept"), qsizetype(selected.size() - remove.size() - notCounted)},
                     {QStringLiteral("not_counted"), notCounted},
                     {QStringLiteral("to_remove"), qsizetype(remove.size())},
                     {QStringLiteral("to_remove_ids"), remove},
                     {QStringLiteral("removed"), 0},
                     {QStringLiteral("removed_ids"), QStringList()}};
    const int kept = int(selected.size() - remove.size()) - notCounted;
    // Counts as "label: number", so that no sentence needs a plural.
    const QString skipped = notCounted == 0
        ? QString()
        : tr(", not counted (unfinished or failed, left as they are): %1").arg(notCounted);
    if (m_request.dryRun || remove.isEmpty()) {
        const QString message = m_request.dryRun
            ? tr("Retention (%1), dry run: to keep: %2, to remove: %3%4. Nothing was removed.")
                  .arg(policy.describe())
                  .arg(kept)
                  .arg(remove.size())
                  .arg(skipped)
            : tr("Retention (%1): to keep: %2, nothing to remove%3.").arg(policy.describe()).arg(kept).arg(skipped);
        finish(JobResult{JobOutcome::Succeeded, message, {}, data});
        return;
    }

    setStage(JobStage::CleaningUp);
    QStringList deleted;
    GcReport gc;
    const bool ok = m_request.bank->deleteCheckpoints(remove, &deleted, m_request.prune ? nullptr : &gc, &error,
                                                m_request.gcLockTimeoutMs);
    data.insert(QStringLiteral("removed_ids"), deleted);
    data.insert(QStringLiteral("removed"), qsizetype(deleted.size()));
    if (!ok) {
        fail(tr("Retention stopped after removing %1 of the %2 backups it was to remove: %3")
                 .arg(deleted.size())
                 .arg(remove.size())
                 .arg(error.message),
             deleted.isEmpty() ? QString() : tr("Removed: %1").arg(deleted.join(QStringLiteral(", "))));
        return;
    }
    if (m_request.prune) {
        PruneReport report;
        if (m_request.bank->prune(&report, &error, m_request.gcLockTimeoutMs)) {
            gc = report.gc;
        } else if (error.code == BankError::Code::Busy) {
            gc.done = false; // a backup holds the bank: like a deferred garbage collection
            gc.deferredReason = error.message;
        } else {
            fail(tr("Retention removed %n backup(s), but the prune after it failed: %1", nullptr, int(deleted.size()))
                     .arg(error.message),
                 tr("Removed: %1").arg(deleted.join(QStringLiteral(", "))));
            return;
        }
        data.insert(QStringLiteral("interrupted_marked_error"), report.interruptedMarkedError);
        data.insert(QStringLiteral("unfinished_deletes_removed"), report.unfinishedDeletesRemoved);
        data.insert(QStringLiteral("temporaries_removed"), report.temporariesRemoved);
    }
    data.insert(QStringLiteral("gc_done"), gc.done);
    data.insert(QStringLiteral("chunks_removed"), gc.chunksRemoved);
    data.insert(QStringLiteral("bytes_freed"), gc.bytesFreed);
    if (!gc.done)
        data.insert(QStringLiteral("gc_deferred_reason"), gc.deferredReason);
    const QString removed = tr("Retention (%1): kept: %2, removed: %3%4.")
                                .arg(policy.describe())
                                .arg(kept)
                                .arg(deleted.size())
                                .arg(skipped);
    const QString space = gc.done ? tr("Freed %1 (%n chunk(s)).", nullptr, int(gc.chunksRemoved)).arg(formatDataSize(gc.bytesFreed))
                                  : tr("Unused chunks will be removed later: %1").arg(gc.deferredReason);
    finish(JobResult{JobOutcome::Succeeded, removed + QLatin1Char(' ') + space, {}, data});
}

} // namespace sv
