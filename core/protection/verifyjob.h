#pragma once

#include "jobs/job.h"

#include <memory>

namespace sv {

class Bank;

// Re-reads every chunk of a checkpoint, re-hashes it and recomputes each image's sha512 (not a
// status check). Succeeds only if everything matches; the failure names the checkpoint and chunk.
class VerifyJob : public Job
{
    Q_OBJECT
public:
    VerifyJob(std::shared_ptr<Bank> bank, QString checkpointId, QObject *parent = nullptr);

protected:
    void run() override;

private:
    std::shared_ptr<Bank> m_bank;
    QString m_checkpointId;
};

} // namespace sv
