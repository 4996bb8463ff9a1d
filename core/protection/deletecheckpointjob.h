#pragma once

#include "jobs/job.h"

#include <memory>

namespace sv {

class Bank;

// Deletes one backup from the storage, then collects the chunks no other backup uses, on the job's
// worker thread (the bank's calls block on the disk or on Swift). Both front ends delete through it.
// The result's data: checkpoint_id, gc_done, chunks_removed, bytes_freed, and gc_deferred_reason when
// the chunks are left for later (a backup holds the bank).
class DeleteCheckpointJob : public Job
{
    Q_OBJECT
public:
    DeleteCheckpointJob(std::shared_ptr<Bank> bank, QString checkpointId, const QString &title,
                        QObject *parent = nullptr);

protected:
    void run() override;

private:
    std::shared_ptr<Bank> m_bank;
    QString m_checkpointId;
};

} // namespace sv
