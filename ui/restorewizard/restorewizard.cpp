#include "restorewizard/restorewizard.h"

#include "common/icons.h"
#include "jobs/jobmanager.h"
#include "restorewizard/restorebackuppage.h"
#include "restorewizard/restoredetailspage.h"
#include "restorewizard/restorerunpage.h"
#include "restorewizard/restoreserverpage.h"
#include "restorewizard/restoresummarypage.h"
#include "restorewizard/restoretargetpage.h"
#include "restorewizard/restorevolumespage.h"

namespace sv::ui {

RestoreWizard::RestoreWizard(Backend *backend, JobManager *jobs, const QList<CheckpointEntry> &checkpoints,
                             const QString &selectedCheckpointId, QWidget *parent)
    : QWizard(parent)
    , m_backend(backend)
    , m_jobs(jobs)
{
    setObjectName(QStringLiteral("restoreWizard"));
    setWindowTitle(tr("Restore a Backup"));
    setWindowIcon(icon(QStringLiteral("restore")));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage, false);
    for (const CheckpointEntry &cp : checkpoints) {
        if (cp.status == u"available")
            m_checkpoints.append(cp);
    }
    setPage(BackupPageId, new RestoreBackupPage(this, selectedCheckpointId));
    setPage(TargetPageId, new RestoreTargetPage(this));
    setPage(VolumesPageId, new RestoreVolumesPage(this));
    setPage(ServerPageId, new RestoreServerPage(this));
    setPage(DetailsPageId, new RestoreDetailsPage(this));
    setPage(SummaryPageId, new RestoreSummaryPage(this));
    setPage(RunPageId, new RestoreRunPage(this));
    resize(640, 520);
}

const CheckpointEntry *RestoreWizard::selectedCheckpoint() const
{
    const int index = field(QStringLiteral("checkpointIndex")).toInt();
    return index >= 0 && index < m_checkpoints.size() ? &m_checkpoints.at(index) : nullptr;
}

RestoreRequest RestoreWizard::request() const
{
    RestoreRequest request;
    if (const CheckpointEntry *cp = selectedCheckpoint())
        request.checkpointId = cp->id;
    request.targetCloudId = field(QStringLiteral("targetCloudId")).toString();
    request.projectName = field(QStringLiteral("targetProject")).toString().trimmed();
    request.region = field(QStringLiteral("targetRegion")).toString().trimmed();
    request.serverName = field(QStringLiteral("serverName")).toString().trimmed();
    request.flavorId = field(QStringLiteral("flavorId")).toString();
    request.networkIds = field(QStringLiteral("networkIds")).toStringList();
    request.keyName = field(QStringLiteral("keyName")).toString();
    request.securityGroups = field(QStringLiteral("securityGroups")).toStringList();
    request.availabilityZone = field(QStringLiteral("availabilityZone")).toString().trimmed();
    const auto *volumesPage = qobject_cast<const RestoreVolumesPage *>(page(VolumesPageId));
    if (volumesPage && visitedIds().contains(VolumesPageId)) {
        request.restoreServer = volumesPage->restoreServer();
        request.volumeTypes = volumesPage->volumeTypes();
    }
    if (const auto *details = qobject_cast<const RestoreDetailsPage *>(page(DetailsPageId));
        details && visitedIds().contains(DetailsPageId))
        request.rebuild = details->choices();
    if (field(QStringLiteral("imageOnly")).toBool()) {
        // Only the image: the name is the image's; no server, no volume, so none of their options.
        request.imageOnly = true;
        request.restoreServer = true;
        request.rebuild = {};
        request.volumeTypes.clear();
        request.serverName = field(QStringLiteral("imageName")).toString().trimmed();
        request.flavorId.clear();
        request.networkIds.clear();
        request.keyName.clear();
        request.securityGroups.clear();
        request.availabilityZone.clear();
    } else if (!request.restoreServer) {
        // Only the volumes: no server, so none of its options.
        request.rebuild = {};
        request.serverName.clear();
        request.flavorId.clear();
        request.networkIds.clear();
        request.keyName.clear();
        request.securityGroups.clear();
        request.availabilityZone.clear();
    }
    return request;
}

void RestoreWizard::reject()
{
    // Closing while the restore runs cancels it; the job cleans up what it created.
    if (m_jobId != 0 && !m_jobFinished)
        m_jobs->cancel(m_jobId);
    QWizard::reject();
}

} // namespace sv::ui
