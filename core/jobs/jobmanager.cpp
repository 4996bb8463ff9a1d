#include "jobs/jobmanager.h"

#include <QThread>

namespace sv {

JobManager::JobManager(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<JobProgress>();
    qRegisterMetaType<JobResult>();
}

JobManager::~JobManager()
{
    for (const Entry &entry : std::as_const(m_queue))
        delete entry.job;
    m_queue.clear();
    for (const Entry &entry : std::as_const(m_running)) {
        entry.job->cancel();
        // The job's thread runs its own event loop; quitting it after the cancel has been
        // processed lets the job clean up (abort replies) before the thread ends.
        QMetaObject::invokeMethod(entry.job, [thread = entry.thread] { thread->quit(); }, Qt::QueuedConnection);
    }
    // Threads still deleting a finished job must end before the application object goes away.
    for (const QPointer<QThread> &thread : std::as_const(m_finishing)) {
        if (thread) {
            thread->quit();
            thread->wait();
        }
    }
    for (const Entry &entry : std::as_const(m_running)) {
        entry.thread->wait();
        delete entry.job; // its thread has ended, so deleting it here is safe
        delete entry.thread;
    }
}

void JobManager::setMaxConcurrentJobs(int count)
{
    m_maxConcurrent = qMax(1, count);
    startQueued();
}

int JobManager::enqueue(Job *job)
{
    Entry entry;
    entry.id = m_nextId++;
    entry.job = job;
    job->setParent(nullptr);
    m_queue.append(entry);
    Q_EMIT jobAdded(entry.id, job->title());
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

void JobManager::startQueued()
{
    while (!m_queue.isEmpty() && m_running.size() < m_maxConcurrent) {
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
        m_running.insert(id, entry);
        entry.thread->start();
    }
}

void JobManager::onJobFinished(int jobId, const JobResult &result)
{
    const auto it = m_running.find(jobId);
    if (it == m_running.end())
        return;
    Entry entry = *it;
    m_running.erase(it);
    // The job is deleted on its own thread, then the thread ends and deletes itself.
    connect(entry.thread, &QThread::finished, entry.thread, &QObject::deleteLater);
    m_finishing.removeIf([](const QPointer<QThread> &thread) { return thread.isNull(); });
    m_finishing.append(entry.thread);
    QMetaObject::invokeMethod(entry.job, [job = entry.job, thread = entry.thread] {
        delete job;
        thread->quit();
    }, Qt::QueuedConnection);
    Q_EMIT jobFinished(jobId, result);
    startQueued();
    if (m_running.isEmpty() && m_queue.isEmpty())
        Q_EMIT allFinished();
}

} // namespace sv
