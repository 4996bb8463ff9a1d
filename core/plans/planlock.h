#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>

namespace sv {

// Keeps one plan from running twice at once, across processes: an exclusive open-file-description lock
// (fcntl F_OFD_SETLK, Linux ≥ 3.15) on plan-runs/NAME.lock, which also holds the holder's process id and start
// time for the message. Like flock(2), the lock belongs to the open file (two holders in one process conflict as
// two processes do) and the kernel drops it when the holder dies, even by SIGKILL, so a killed run never blocks
// the next one. Unlike flock(2), another process can ask whether it is held without taking it (isHeld).
class PlanLock
{
public:
    ~PlanLock();
    PlanLock(const PlanLock &) = delete;
    PlanLock &operator=(const PlanLock &) = delete;

    // The held lock, or null with one sentence naming the process that holds it (or why the lock file
    // cannot be made).
    static std::unique_ptr<PlanLock> tryAcquire(const QString &runsDirectory, const QString &plan, QString *error);

    enum class Probe { Free, Held, Unknown };
    // Whether some open file (this process's or another's) holds the plan's lock, asked with F_OFD_GETLK: it
    // never takes the lock, writes nothing and creates nothing, so a `plans run` starting meanwhile is not
    // refused. Unknown (with `error`) when the lock file exists but cannot be read. `whileProbing`, for tests,
    // is called while the probe has the lock file open, after the kernel answered.
    static Probe isHeld(const QString &runsDirectory, const QString &plan, QString *error = nullptr,
                        const std::function<void()> &whileProbing = {});

private:
    explicit PlanLock(int fd);
    int m_fd = -1;

    Q_DECLARE_TR_FUNCTIONS(sv::PlanLock)
};

} // namespace sv
