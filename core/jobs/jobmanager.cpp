#include "jobs/jobmanager.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QThread>

namespace sv {

namespace {
Q_LOGGING_CATEGORY(lcJobs, "stackvault.jobs", QtInfoMsg)
}

JobManager::JobManager(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<JobProgress>();
    qRegisterMetaType<JobResult>();
    m_shutdownTimer.setSingleShot(true);
    connect(&m_shutdownTimer, &QTimer::timeout, this, &JobManager::giveUpRemaining);
}

JobManager::~JobManager()
{
    for (const Entry &entry : std::as_const(m_queue))
        delete entry.job; // never moved to a thread: it lives here
    m_queue.clear();
    if (!m_running.isEmpty())
        qCWarning(lcJobs).noquote() << "StackVault is quitting while jobs run; their cleanup is cut short:"
                                    << runningTitles().join(QStringLiteral(", "));
    for (const Entry &entry : std::as_const(m_running)) {
        // The cancel is handled on the job's thread before the job is deleted there.
        entry.job->cancel();
        endOnItsThread(entry);
    }
    m_running.clear();
    // Every job is deleted on its own thread (queued above, or after it finished); wait for the threads.
    // A manager that is a child of the application object (the CLI's) is destroyed after
    // ~QCoreApplication has begun: Qt delivers no event to any thread then, so the queued deletion would
    // never run and wait() would never return. The threads are told to end directly instead (the process
    // is ending; what the jobs still own goes with it).
    const bool eventsDelivered = QCoreApplication::instance() != nullptr;
    for (QThread *thread : std::as_const(m_threads)) {
        if (!eventsDelivered)
            thread->quit();
        thread->wait();
        delete thread;
    }
}

void JobManager::setMaxConcurrentJobs(int count)
{
    m_maxConcurrent = qMax(1, count);
    startQueued();
}

QStringList JobManager::runningTitles() const
{
    QStringList titles;
    for (const Entry &entry : m_running)
        titles.append(entry.job->title());
    return titles;
}

int JobManager::enqueue(Job *job)
{
    Entry entry;
    entry.id = m_nextId++;
    entry.job = job;
    job->setParent(nullptr);
    Q_EMIT jobAdded(entry.id, job->title());
    if (m_shuttingDown) {
        delete job;
        Q_EMIT jobFinished(entry.id, JobResult{JobOutcome::Cancelled, tr("StackVault is quitting."), {}, {}});
        return entry.id;
    }
    m_queue.append(entry);
    startQueued();
    return entry.id;
}

void JobManager::cancel(int jobId)
{
    for (qsizetype i = 0; i < m_queue.size(); ++i) {
        if (m_queue.at(i).id == jobId) {
            Entry entry = m_queue.takeAt(i);
            delete entry.job;
            Q_EMIT jobFinished(jobId, JobResult{JobOutcome::Cancelled, tr("Cancelled before it started."), {}, {}});
            if (m_running.isEmpty() && m_queue.isEmpty())
                Q_EMIT allFinished();
            return;
        }
    }
    if (auto it = m_running.find(jobId); it != m_running.end())
        it->job->cancel();
}

void JobManager::cancelAll()
{
    const auto queued = m_queue;
    for (const Entry &entry : queued)
        cancel(entry.id);
    for (const Entry &entry : std::as_const(m_running))
        entry.job->cancel();
}

void JobManager::shutdown(std::chrono::milliseconds cleanupTimeout)
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    if (!m_running.isEmpty())
        qCInfo(lcJobs).noquote() << "quitting: waiting for the cleanup of" << runningTitles().join(QStringLiteral(", "));
    cancelAll();
    if (!m_running.isEmpty())
        m_shutdownTimer.start(cleanupTimeout);
    // Also when nothing runs: the signal always comes from the event loop, never from inside this call.
    QMetaObject::invokeMethod(this, &JobManager::checkShutdownDone, Qt::QueuedConnection);
}

void JobManager::startQueued()
{
    while (!m_shuttingDown && !m_queue.isEmpty() && m_running.size() < m_maxConcurrent) {
        Entry entry = m_queue.takeFirst();
        entry.thread = new QThread;
        entry.thread->setObjectName(QStringLiteral("job-%1").arg(entry.id));
        entry.job->moveToThread(entry.thread);
        const int id = entry.id;
        connect(entry.job, &Job::progressChanged, this,
                [this, id](const JobProgress &progress) { Q_EMIT jobProgress(id, progress); }, Qt::QueuedConnection);
        connect(entry.job, &Job::finished, this,
                [this, id](const JobResult &result) { onJobFinished(id, result); }, Qt::QueuedConnection);
        connect(entry.thread, &QThread::started, entry.job, &Job::start);
        // Emitted on the worker thread as it ends; handled here.
        connect(entry.thread, &QThread::finished, this, [this, thread = entry.thread] { onThreadEnded(thread); },
                Qt::QueuedConnection);
        m_threads.insert(entry.thread);
        m_running.insert(id, entry);
        entry.thread->start();
    }
}

void JobManager::endOnItsThread(const Entry &entry)
{
    QMetaObject::invokeMethod(entry.job, [job = entry.job, thread = entry.thread] {
        delete job;
        thread->quit();
    }, Qt::QueuedConnection);
}

void JobManager::onJobFinished(int jobId, const JobResult &result)
{
    const auto it = m_running.find(jobId);
    if (it == m_running.end())
        return; // given up on by shutdown(): already reported
    const Entry entry = *it;
    m_running.erase(it);
    endOnItsThread(entry);
    Q_EMIT jobFinished(jobId, result);
    startQueued();
    if (m_running.isEmpty() && m_queue.isEmpty())
        Q_EMIT allFinished();
}

void JobManager::onThreadEnded(QThread *thread)
{
    if (!m_threads.remove(thread))
        return;
    thread->deleteLater(); // ~QThread waits for the last instructions of a thread that is finishing
    checkShutdownDone();
}

void JobManager::giveUpRemaining()
{
    const auto running = m_running;
    m_running.clear();
    for (const Entry &entry : running) {
        m_givenUp.append(entry.job->title());
        qCWarning(lcJobs).noquote() << "quitting without waiting longer for the cleanup of" << entry.job->title();
        endOnItsThread(entry);
        Q_EMIT jobFinished(entry.id, JobResult{JobOutcome::Cancelled,
                                               tr("StackVault quit before this job had finished cleaning up."), {}, {}});
    }
    // Threads of jobs that finished by themselves were asked to quit after deleting their job; ask again,
    // so that one that missed it cannot keep the application waiting past the timeout.
    QSet<QThread *> givenUpThreads;
    for (const Entry &entry : running)
        givenUpThreads.insert(entry.thread);
    for (QThread *thread : std::as_const(m_threads)) {
        if (!givenUpThreads.contains(thread))
            thread->quit();
    }
}

void JobManager::checkShutdownDone()
{
    if (!m_shuttingDown || m_shutDown || !m_running.isEmpty() || !m_queue.isEmpty() || !m_threads.isEmpty())
        return;
    m_shutDown = true;
    m_shutdownTimer.stop();
    Q_EMIT shutdownFinished(m_givenUp);
}

} // namespace sv
