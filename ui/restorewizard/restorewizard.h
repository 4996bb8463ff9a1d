#pragma once

#include "backend/checkpointentry.h"
#include "backend/restorerequest.h"
#include "jobs/jobprogress.h"

#include <QList>
#include <QWizard>

namespace sv {
class JobManager;
}

namespace sv::ui {

class Backend;

// Restore a backup: choose the backup → the target cloud, project and region, and a server or only the
// image (into the target's image service; the next two pages are then skipped) → (a backup with volumes)
// the saved volumes, server and volumes or only the volumes, volume types → the new server's options
// (validated against what the target offers; skipped for only the volumes) → summary → run, with
// progress and the result.
// Cancelling while the restore runs cancels its job (which removes what it half-made).
class RestoreWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { BackupPageId, TargetPageId, VolumesPageId, ServerPageId, SummaryPageId, RunPageId, DetailsPageId };

    RestoreWizard(Backend *backend, JobManager *jobs, const QList<CheckpointEntry> &checkpoints,
                  const QString &selectedCheckpointId, QWidget *parent = nullptr);

    Backend *backend() const { return m_backend; }
    JobManager *jobs() const { return m_jobs; }
    const QList<CheckpointEntry> &checkpoints() const { return m_checkpoints; }

    // What the pages collected so far.
    const CheckpointEntry *selectedCheckpoint() const;
    RestoreRequest request() const;

    // The running restore's job id (0 before the run page or when none could start).
    int jobId() const { return m_jobId; }
    void setJobId(int id) { m_jobId = id; }

    void reject() override;

private:
    Backend *m_backend;
    JobManager *m_jobs;
    QList<CheckpointEntry> m_checkpoints;
    int m_jobId = 0;
    bool m_jobFinished = false;

    friend class RestoreRunPage;
};

} // namespace sv::ui
