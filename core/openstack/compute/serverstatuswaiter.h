#pragma once

#include "openstack/compute/server.h"
#include "openstack/statuswaiter.h"

#include <QStringList>

namespace sv::openstack {

// Waits until a server reaches one of `targetStatuses` (e.g. ACTIVE after a boot, or any idle
// status after a snapshot) with no task_state; fails on ERROR (unless it is a target) and when the
// server disappears — or, with setWaitForDeletion(), succeeds when it is gone (404).
class ServerStatusWaiter : public StatusWaiter
{
    Q_OBJECT
public:
    ServerStatusWaiter(Connection *connection, QString serverId, QStringList targetStatuses,
                       std::chrono::milliseconds timeout, QObject *parent = nullptr);

    void setWaitForDeletion(bool wait) { m_waitForDeletion = wait; }
    void setRequireIdleTask(bool require) { m_requireIdleTask = require; } // default true

    const Server &server() const { return m_server; }

Q_SIGNALS:
    void statusChanged(const QString &status, const QString &taskState);

protected:
    void poll() override;
    QString timeoutMessage(qint64 waitedSeconds) const override;

private:
    QString m_serverId;
    QStringList m_targets;
    Server m_server;
    bool m_waitForDeletion = false;
    bool m_requireIdleTask = true;
};

} // namespace sv::openstack
