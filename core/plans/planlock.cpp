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
#include <sys/file.h>
#include <unistd.h>

namespace sv {

PlanLock::PlanLock(int fd)
    : m_fd(fd)
{ }

PlanLock::~PlanLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the flock
}

std::unique_ptr<PlanLock> PlanLock::tryAcquire(const QString &runsDirectory, const QString &plan, QString *error)
{
    const auto fail = [error](const QString &sentence) {
        if (error)
            *error = sentence;
        return std::unique_ptr<PlanLock>();
    };
    if (!QDir().mkpath(runsDirectory))
        return fail(tr("Cannot create the folder %1 for the plans' runs.").arg(runsDirectory));
    const QString path = QDir(runsDirectory).filePath(plan + QStringLiteral(".lock"));
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return fail(tr("Cannot open the lock file %1 of plan %2: %3").arg(path, plan, QString::fromLocal8Bit(std::strerror(errno))));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int why = errno;
        QByteArray holder(4096, '\0');
        const ssize_t got = ::pread(fd, holder.data(), holder.size(), 0);
        ::close(fd);
        if (why != EWOULDBLOCK)
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

} // namespace sv
