#include "backend/deletecheckpointjob.h"

#include "bank/bank.h"

namespace sv::ui {

DeleteCheckpointJob::DeleteCheckpointJob(std::shared_ptr<Bank> bank, QString checkpointId, const QString &title)
    : Job(title)
    , m_bank(std::move(bank))
    , m_checkpointId(std::move(checkpointId))
{
}

void DeleteCheckpointJob::run()
{
    setStage(JobStage::CleaningUp);
    // Runs on the job's worker thread: the bank's calls block on the file system.
    BankError error;
    GcReport report;
    if (!m_bank->open(&error) || !m_bank->deleteCheckpoint(m_checkpointId, &report, &error)) {
        fail(tr("The backup could not be deleted: %1").arg(error.message), error.message);
        return;
    }
    finish(JobResult{JobOutcome::Succeeded, tr("Backup deleted."), {}, {{QStringLiteral("checkpoint_id"), m_checkpointId}}});
}

} // namespace sv::ui
