#include "openstack/volume/volumestatuswaiter.h"

#include "openstack/volume/showvolumejob.h"

namespace sv::openstack {

VolumeStatusWaiter::VolumeStatusWaiter(Connection *connection, QString volumeId, std::chrono::milliseconds timeout,
                                       QObject *parent)
    : StatusWaiter(connection, timeout, parent)
    , m_volumeId(std::move(volumeId))
{
}

bool VolumeStatusWaiter::isTransitional(const QString &status)
{
    static const QStringList transitional{
        QStringLiteral("creating"),  QStringLiteral("downloading"),      QStringLiteral("uploading"),
        QStringLiteral("attaching"), QStringLiteral("detaching"),        QStringLiteral("reserved"),
        QStringLiteral("maintenance"), QStringLiteral("backing-up"),     QStringLiteral("restoring-backup"),
        QStringLiteral("extending"), QStringLiteral("retyping"),         QStringLiteral("awaiting-transfer"),
        // On its way to gone: a wait ends when it disappears (the sweep after a process killed right after
        // its delete request retries the delete then, which a missing volume answers as done).
        QStringLiteral("deleting")};
    return transitional.contains(status);
}

QString VolumeStatusWaiter::label() const
{
    if (!m_volumeName.isEmpty())
        return m_volumeName;
    return m_volume.name.isEmpty() ? m_volumeId : m_volume.name;
}

void VolumeStatusWaiter::poll()
{
    auto *job = new ShowVolumeJob(connection(), m_volumeId, this);
    connect(job, &ApiJob::finished, this, [this, job](const Error &error) {
        if (error.kind == Error::Kind::NotFound)
            return finishDisappeared(error, tr("Volume %1 disappeared while waiting for it to become %2.").arg(label(), m_target));
        if (!error.isOk())
            return finish(error);
        const QString previous = m_volume.status;
        m_volume = job->volume();
        if (m_volume.status != previous)
            Q_EMIT statusChanged(m_volume.status);
        if (m_volume.status == m_target)
            return finish();
        // `available` on the way to `in-use` is an attach that has not started yet.
        if (isTransitional(m_volume.status) || m_volume.status == QLatin1String("available")
            || (m_target == QLatin1String("available") && m_volume.status == QLatin1String("in-use")))
            return keepWaiting();
        finish(Error::make(Error::Kind::WaitFailed,
                           tr("Volume %1 ended in status \"%2\" instead of becoming %3.").arg(label(), m_volume.status, m_target)));
    });
    trackJob(job);
}

QString VolumeStatusWaiter::timeoutMessage(qint64 waitedSeconds) const
{
    return tr("Volume %1 is still \"%2\" after %3 seconds; gave up waiting for it to become %4.")
        .arg(label(), m_volume.status)
        .arg(waitedSeconds)
        .arg(m_target);
}

} // namespace sv::openstack
