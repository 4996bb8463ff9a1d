#pragma once

#include "jobs/job.h"

#include <memory>

namespace sv {
class Bank;
}

namespace sv::ui {

// Deletes one backup from the storage (and collects the chunks nothing else uses) on a worker thread.
class DeleteCheckpointJob : public Job
{
    Q_OBJECT
public:
    DeleteCheckpointJob(std::shared_ptr<Bank> bank, QString checkpointId, const QString &title);

protected:
    void run() override;

private:
    std::shared_ptr<Bank> m_bank;
    QString m_checkpointId;
};

} // namespace sv::ui
