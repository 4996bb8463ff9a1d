#include "protection/verifyjob.h"

#include "bank/bank.h"

namespace sv {

VerifyJob::VerifyJob(std::shared_ptr<Bank> bank, QString checkpointId, QObject *parent)
    : Job(tr("Verify backup %1").arg(checkpointId), parent)
    , m_bank(std::move(bank))
    , m_checkpointId(std::move(checkpointId))
{
}

void VerifyJob::run()
{
    setStage(JobStage::Verifying);
    VerifyReport report;
    BankError error;
    if (!m_bank->open(&error)) { // idempotent; sets the bank's keys before anything is read
        fail(error.message, error.path);
        return;
    }
    const bool ran = m_bank->verifyCheckpoint(
        m_checkpointId, &report, &error,
        [this](qint64 done, qint64 total) {
            if (progress().bytesTotal != total)
                setStage(JobStage::Verifying, total);
            setBytesDone(done);
        },
        cancelFlag());
    if (isCancelled()) {
        finishCancelled();
        return;
    }
    if (!ran) {
        fail(error.message, error.path);
        return;
    }
    if (!report.ok()) {
        QStringList problems = report.imageMismatches;
        for (const ChunkProblem &problem : std::as_const(report.problems))
            problems.append(problem.error.message);
        fail(tr("Backup %1 is damaged: %n problem(s) found.", nullptr, int(problems.size())).arg(m_checkpointId),
             problems.join(QLatin1Char('\n')));
        return;
    }
    JobResult result{JobOutcome::Succeeded,
                     tr("Backup %1 is intact: %n chunk(s) re-read and re-hashed.", nullptr, int(report.chunksChecked))
                         .arg(m_checkpointId),
                     {},
                     {{QStringLiteral("checkpoint_id"), m_checkpointId},
                      {QStringLiteral("chunks_checked"), report.chunksChecked},
                      {QStringLiteral("bytes_checked"), report.bytesChecked}}};
    finish(result);
}

} // namespace sv
