#include "openstack/volume/volumesnapshotstatuswaiter.h"

#include "openstack/volume/showvolumesnapshotjob.h"

namespace sv::openstack {

VolumeSnapshotStatusWaiter::VolumeSnapshotStatusWaiter(Connection *connection, QString snapshotId,
                                                       std::chrono::milliseconds timeout, QObject *parent)
    : StatusWaiter(connection, timeout, parent)
    , m_snapshotId(std::move(snapshotId))
{
}

QString VolumeSnapshotStatusWaiter::label() const
{
    return m_volumeName.isEmpty() ? tr("snapshot %1").arg(m_snapshotId)
                                  : tr("the snapshot of volume %1").arg(m_volumeName);
}

void VolumeSnapshotStatusWaiter::poll()
{
    auto *job = new ShowVolumeSnapshotJob(connection(), m_snapshotId, this);
    connect(job, &ApiJob::finished, this, [this, job](const Error &error) {
        if (error.kind == Error::Kind::NotFound)
            return finishDisappeared(
                error, tr("Volume snapshot %1 disappeared while waiting for it to become available.").arg(m_snapshotId));
        if (!error.isOk())
            return finish(error);
        m_snapshot = job->snapshot();
        if (m_snapshot.status == QLatin1String("available"))
            return finish();
        // `deleting`: on its way to gone, the wait ends when it disappears (as for a volume).
        if (m_snapshot.status == QLatin1String("creating") || m_snapshot.status == QLatin1String("deleting"))
            return keepWaiting();
        finish(Error::make(Error::Kind::WaitFailed,
                           tr("The block storage service could not make %1: it ended in status \"%2\".")
                               .arg(label(), m_snapshot.status)));
    });
    trackJob(job);
}

QString VolumeSnapshotStatusWaiter::timeoutMessage(qint64 waitedSeconds) const
{
    return tr("Waited %1 seconds for %2; it is still \"%3\". Gave up waiting.")
        .arg(waitedSeconds)
        .arg(label(), m_snapshot.status);
}

} // namespace sv::openstack
