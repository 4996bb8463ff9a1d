#pragma once

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace sv {

// Keeps one plan from running twice at once, across processes: an exclusive flock(2) on
// plan-runs/NAME.lock, which also holds the holder's process id and start time for the message. The kernel
// drops the lock when the holder dies, even by SIGKILL, so a killed run never blocks the next one.
class PlanLock
{
public:
    ~PlanLock();
    PlanLock(const PlanLock &) = delete;
    PlanLock &operator=(const PlanLock &) = delete;

    // The held lock, or null with one sentence naming the process that holds it (or why the lock file
    // cannot be made).
    static std::unique_ptr<PlanLock> tryAcquire(const QString &runsDirectory, const QString &plan, QString *error);

private:
    explicit PlanLock(int fd);
    int m_fd = -1;

    Q_DECLARE_TR_FUNCTIONS(sv::PlanLock)
};

} // namespace sv
