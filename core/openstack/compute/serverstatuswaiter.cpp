#include "openstack/compute/serverstatuswaiter.h"

#include "openstack/compute/showserverjob.h"

namespace sv::openstack {

ServerStatusWaiter::ServerStatusWaiter(Connection *connection, QString serverId, QStringList targetStatuses,
                                       std::chrono::milliseconds timeout, QObject *parent)
    : StatusWaiter(connection, timeout, parent)
    , m_serverId(std::move(serverId))
    , m_targets(std::move(targetStatuses))
{
}

void ServerStatusWaiter::poll()
{
    auto *job = new ShowServerJob(connection(), m_serverId, this);
    connect(job, &ApiJob::finished, this, [this, job](const Error &error) {
        const QString name = m_server.name.isEmpty() ? m_serverId : m_server.name;
        if (error.kind == Error::Kind::NotFound) {
            if (m_waitForDeletion) {
                finish();
                return;
            }
            finishDisappeared(error, tr("Server %1 disappeared while waiting for it.").arg(name));
            return;
        }
        if (!error.isOk()) {
            finish(error);
            return;
        }
        const Server previous = m_server;
        m_server = job->server();
        if (m_server.status != previous.status || m_server.taskState != previous.taskState)
            Q_EMIT statusChanged(m_server.status, m_server.taskState);
        const bool idle = !m_requireIdleTask || m_server.taskState.isEmpty();
        if (!m_waitForDeletion && m_targets.contains(m_server.status) && idle) {
            finish();
        } else if (m_server.status == QLatin1String("ERROR") && !m_targets.contains(m_server.status)) {
            const QString fault =
                m_server.raw.value(QLatin1String("fault")).toObject().value(QLatin1String("message")).toString();
            finish(Error::make(Error::Kind::WaitFailed,
                               fault.isEmpty() ? tr("Server %1 went into ERROR.").arg(m_server.name)
                                               : tr("Server %1 went into ERROR: %2").arg(m_server.name, fault)));
        } else if (m_server.status == QLatin1String("DELETED") || m_server.status == QLatin1String("SOFT_DELETED")) {
            if (m_waitForDeletion)
                finish();
            else
                finish(Error::make(Error::Kind::WaitFailed, tr("Server %1 was deleted while waiting for it.").arg(name)));
        } else {
            keepWaiting();
        }
    });
    trackJob(job);
}

QString ServerStatusWaiter::timeoutMessage(qint64 waitedSeconds) const
{
    const QString name = m_server.name.isEmpty() ? m_serverId : m_server.name;
    if (m_waitForDeletion)
        return tr("Server %1 still exists after %2 seconds; gave up waiting.").arg(name).arg(waitedSeconds);
    return tr("Server %1 is still %2%3 after %4 seconds instead of %5; gave up waiting.")
        .arg(name, m_server.status,
             m_server.taskState.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m_server.taskState))
        .arg(waitedSeconds)
        .arg(m_targets.join(QLatin1String("/")));
}

} // namespace sv::openstack
