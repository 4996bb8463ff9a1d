#include "plans/planlock.h"

#include "plans/planslog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace sv {

PlanLock::PlanLock(int fd)
    : m_fd(fd)
{ }

PlanLock::~PlanLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the lock
}

namespace {
// The whole file, exclusively.
struct flock wholeFile(short type)
{
    struct flock range = {};
    range.l_type = type;
    range.l_whence = SEEK_SET;
    range.l_start = 0;
    range.l_len = 0;
    range.l_pid = 0; // F_OFD_* want 0
    return range;
}

QString lockPath(const QString &runsDirectory, const QString &plan)
{
    return QDir(runsDirectory).filePath(plan + QStringLiteral(".lock"));
}
} // namespace

std::unique_ptr<PlanLock> PlanLock::tryAcquire(const QString &runsDirectory, const QString &plan, QString *error)
{
    const auto fail = [error](const QString &sentence) {
        if (error)
            *error = sentence;
        return std::unique_ptr<PlanLock>();
    };
    if (!QDir().mkpath(runsDirectory))
        return fail(tr("Cannot create the folder %1 for the plans' runs.").arg(runsDirectory));
    const QString path = lockPath(runsDirectory, plan);
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return fail(tr("Cannot open the lock file %1 of plan %2: %3").arg(path, plan, QString::fromLocal8Bit(std::strerror(errno))));
    struct flock range = wholeFile(F_WRLCK);
    if (::fcntl(fd, F_OFD_SETLK, &range) != 0) {
        const int why = errno;
        QByteArray holder(4096, '\0');
        const ssize_t got = ::pread(fd, holder.data(), holder.size(), 0);
        ::close(fd);
        if (why != EAGAIN && why != EACCES)
            return fail(tr("Cannot lock plan %1 (%2): %3").arg(plan, path, QString::fromLocal8Bit(std::strerror(why))));
        const QJsonObject info = QJsonDocument::fromJson(holder.left(got > 0 ? got : 0)).object();
        const qint64 pid = qint64(info.value(QLatin1String("pid")).toDouble());
        const QString started = info.value(QLatin1String("started")).toString();
        if (pid <= 0)
            return fail(tr("Plan %1 is already running in another process; wait for it to finish.").arg(plan));
        return fail(tr("Plan %1 is already running (process %2, started %3); wait for it to finish, or stop that "
                       "process first (kill -INT %2 cancels it cleanly).")
                        .arg(plan)
                        .arg(pid)
                        .arg(started));
    }
    const QByteArray info = QJsonDocument(QJsonObject{{QStringLiteral("pid"), qint64(::getpid())},
                                                      {QStringLiteral("started"),
                                                       QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}})
                                .toJson(QJsonDocument::Compact);
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, info.constData(), size_t(info.size()), 0) != info.size())
        qCWarning(lcPlans) << "could not record the holder of" << path;
    return std::unique_ptr<PlanLock>(new PlanLock(fd));
}

PlanLock::Probe PlanLock::isHeld(const QString &runsDirectory, const QString &plan, QString *error,
                                 const std::function<void()> &whileProbing)
{
    const QString path = lockPath(runsDirectory, plan);
    const QByteArray native = QFile::encodeName(path);
    // Read-only and without O_CREAT: the probe changes nothing on disk.
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return Probe::Free; // never run (or removed): nobody holds it
        if (error)
            *error = tr("Cannot open the lock file %1 of plan %2: %3").arg(path, plan, QString::fromLocal8Bit(std::strerror(errno)));
        return Probe::Unknown;
    }
    // F_OFD_GETLK reports a conflicting lock of any other open file, in this process too, and places none.
    struct flock range = wholeFile(F_WRLCK);
    const bool asked = ::fcntl(fd, F_OFD_GETLK, &range) == 0;
    const int why = errno;
    if (whileProbing)
        whileProbing();
    ::close(fd);
    if (!asked) {
        if (error)
            *error = tr("Cannot ask whether plan %1 runs (%2): %3").arg(plan, path, QString::fromLocal8Bit(std::strerror(why)));
        return Probe::Unknown;
    }
    return range.l_type == F_UNLCK ? Probe::Free : Probe::Held;
}

} // namespace sv
