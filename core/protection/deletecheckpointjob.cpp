#include "protection/deletecheckpointjob.h"

#include "bank/bank.h"
#include "util/datasize.h"


namespace sv {

DeleteCheckpointJob::DeleteCheckpointJob(std::shared_ptr<Bank> bank, QString checkpointId, const QString &title,
                                         QObject *parent)
    : Job(title, parent)
    , m_bank(std::move(bank))
    , m_checkpointId(std::move(checkpointId))
{
}

void DeleteCheckpointJob::run()
{
    setStage(JobStage::CleaningUp);
    BankError error;
    GcReport report;
    if (!m_bank->open(&error) || !m_bank->deleteCheckpoint(m_checkpointId, &report, &error)) {
        fail(tr("The backup %1 could not be deleted: %2").arg(m_checkpointId, error.message), error.path);
        return;
    }
    const QString freed = formatDataSize(report.bytesFreed);
    const QString message = report.done
        ? tr("Deleted backup %1. Freed %2 (%n chunk(s)).", nullptr, int(report.chunksRemoved)).arg(m_checkpointId, freed)
        : tr("Deleted backup %1. Unused chunks will be removed later: %2").arg(m_checkpointId, report.deferredReason);
    QVariantMap data{{QStringLiteral("checkpoint_id"), m_checkpointId},
                     {QStringLiteral("gc_done"), report.done},
                     {QStringLiteral("chunks_removed"), report.chunksRemoved},
                     {QStringLiteral("bytes_freed"), report.bytesFreed}};
    if (!report.done)
        data.insert(QStringLiteral("gc_deferred_reason"), report.deferredReason);
    finish(JobResult{JobOutcome::Succeeded, message, {}, data});
}

} // namespace sv
