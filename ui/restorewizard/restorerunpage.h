#pragma once

#include "jobs/jobprogress.h"

#include <QWizardPage>

class QLabel;
class QProgressBar;

namespace sv::ui {

class RestoreWizard;

// Page 5: the restore runs (as a job, so it is also listed in the jobs dock); shows its progress,
// and at the end the new server or why it failed.
class RestoreRunPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RestoreRunPage(RestoreWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool finished() const { return m_finished; }
    JobResult result() const { return m_jobResult; }

private:
    void onProgress(int jobId, const JobProgress &progress);
    void onFinished(int jobId, const JobResult &result);

    RestoreWizard *m_wizard;
    QLabel *m_stage;
    QProgressBar *m_progress;
    QLabel *m_result;
    bool m_started = false;
    bool m_finished = false;
    JobResult m_jobResult;
};

} // namespace sv::ui
