#include "restorewizard/restorerunpage.h"

#include "backend/backend.h"
#include "common/formatting.h"
#include "jobs/jobmanager.h"
#include "restorewizard/restorewizard.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace sv::ui {

RestoreRunPage::RestoreRunPage(RestoreWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("runPage"));
    setTitle(tr("Restoring"));
    setSubTitle(tr("You can close this window; the restore also appears in the jobs list."));
    m_stage = new QLabel(this);
    m_stage->setObjectName(QStringLiteral("restoreStageLabel"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("restoreProgress"));
    m_progress->setRange(0, 0);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("restoreResultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_result->setOpenExternalLinks(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stage);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addStretch();

    JobManager *jobs = wizard->jobs();
    connect(jobs, &JobManager::jobProgress, this, &RestoreRunPage::onProgress);
    connect(jobs, &JobManager::jobFinished, this, &RestoreRunPage::onFinished);
}

void RestoreRunPage::initializePage()
{
    if (m_started)
        return;
    m_started = true;
    QString error;
    Job *job = m_wizard->backend()->createRestoreJob(m_wizard->request(), &error);
    if (!job) {
        m_finished = true;
        m_result->setText(tr("The restore could not start: %1").arg(error));
        m_progress->setRange(0, 1);
        Q_EMIT completeChanged();
        return;
    }
    m_stage->setText(stageText(JobStage::Queued));
    m_wizard->setJobId(m_wizard->jobs()->enqueue(job));
}

void RestoreRunPage::onProgress(int jobId, const JobProgress &progress)
{
    if (jobId != m_wizard->jobId() || m_finished)
        return;
    QString text = stageText(progress.stage);
    if (progress.bytesTotal > 0) {
        m_progress->setRange(0, 100);
        m_progress->setValue(progress.percent());
        text = tr("%1 — %2 of %3").arg(text, formatBytes(progress.bytesDone), formatBytes(progress.bytesTotal));
        if (progress.etaSeconds >= 0)
            text += tr(", %1 left").arg(formatDuration(progress.etaSeconds));
    } else {
        m_progress->setRange(0, 0);
    }
    m_stage->setText(text);
}

void RestoreRunPage::onFinished(int jobId, const JobResult &result)
{
    if (jobId != m_wizard->jobId() || m_finished)
        return;
    m_finished = true;
    m_wizard->m_jobFinished = true;
    m_jobResult = result;
    m_progress->setRange(0, 100);
    switch (result.outcome) {
    case JobOutcome::Succeeded: {
        m_progress->setValue(100);
        m_stage->setText(stageText(JobStage::Done));
        QString text;
        const RestoreRequest request = m_wizard->request();
        if (request.imageOnly) {
            const QString name = result.data.value(QStringLiteral("image_name")).toString();
            const QString id = result.data.value(QStringLiteral("image_id")).toString();
            text = tr("The image “%1” was restored (ID %2). No server was started.")
                       .arg(name.toHtmlEscaped(), id.toHtmlEscaped());
        } else if (!request.restoreServer) {
            QStringList names;
            if (const CheckpointEntry *cp = m_wizard->selectedCheckpoint()) {
                for (const VolumeEntry &volume : cp->volumes)
                    names << volume.label().toHtmlEscaped();
            }
            text = tr("The volumes were restored: %1.").arg(names.join(QLatin1String(", ")));
        } else {
            const QString name = result.data.value(QStringLiteral("server_name")).toString();
            const QString id = result.data.value(QStringLiteral("server_id")).toString();
            const QString url = result.data.value(QStringLiteral("server_url")).toString();
            text = tr("The server “%1” was restored (ID %2).").arg(name.toHtmlEscaped(), id.toHtmlEscaped());
            if (!url.isEmpty())
                text += QStringLiteral(" <a href=\"%1\">%2</a>").arg(url.toHtmlEscaped(), tr("Open it in the dashboard"));
        }
        // The new volumes (their ids and types) and what the restore warned about, e.g. a default type.
        const QVariantList volumes = result.data.value(QStringLiteral("volumes")).toList();
        for (const QVariant &item : volumes) {
            const QVariantMap volume = item.toMap();
            QString line = tr("Volume %1: ID %2, type %3")
                               .arg(volume.value(QStringLiteral("name")).toString(),
                                    volume.value(QStringLiteral("id")).toString(),
                                    volume.value(QStringLiteral("volume_type")).toString());
            const QString device = volume.value(QStringLiteral("device")).toString();
            if (!device.isEmpty())
                line = tr("%1, %2").arg(line, device);
            text += QStringLiteral("<br>") + line.toHtmlEscaped();
        }
        const QStringList warnings = result.data.value(QStringLiteral("warnings")).toStringList();
        for (const QString &warning : warnings)
            text += QStringLiteral("<br>") + tr("Warning: %1").arg(warning).toHtmlEscaped();
        m_result->setText(text);
        break;
    }
    case JobOutcome::Failed:
        m_stage->setText(tr("Failed"));
        m_result->setText(tr("The restore failed: %1\nWhat it had created was removed.").arg(result.message));
        break;
    case JobOutcome::Cancelled:
        m_stage->setText(tr("Cancelled"));
        m_result->setText(tr("The restore was cancelled; what it had created was removed."));
        break;
    case JobOutcome::Running:
        break;
    }
    Q_EMIT completeChanged();
}

bool RestoreRunPage::isComplete() const
{
    return m_finished;
}

} // namespace sv::ui
