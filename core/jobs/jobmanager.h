#pragma once

#include "jobs/job.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <chrono>

class QThread;

namespace sv {

// Runs jobs on worker threads, at most maxConcurrentJobs() at a time, and relays their progress and
// results to its own (usually the GUI) thread by queued signals. Jobs are identified by a number.
//
// A job and everything it made always end on the job's own thread: the JobManager never deletes a job
// that has run from another thread (that is what killed timers across threads).
class JobManager : public QObject
{
    Q_OBJECT
public:
    explicit JobManager(QObject *parent = nullptr);
    // Call shutdown() first and wait for shutdownFinished(): then nothing is left to do here. Otherwise
    // (a test, a CLI exiting early) running jobs are cancelled and their threads waited for, which
    // cuts a job's asynchronous cleanup short (a warning names the jobs).
    ~JobManager() override;

    int maxConcurrentJobs() const { return m_maxConcurrent; }
    void setMaxConcurrentJobs(int count);

    // Takes ownership. Returns the job's id. After shutdown(), the job is not run: it is reported
    // cancelled at once.
    int enqueue(Job *job);
    void cancel(int jobId);
    void cancelAll();
    int runningCount() const { return int(m_running.size()); }
    int queuedCount() const { return int(m_queue.size()); }
    QStringList runningTitles() const;

    // The asynchronous end of the manager (quitting with jobs running): queued jobs are dropped, running
    // ones cancelled, and each one's own cleanup (deleting a temporary snapshot, removing a half-made
    // restore) runs to its end on the job's thread. shutdownFinished() follows once every job has
    // finished and every worker thread has ended; the calling thread never blocks. A job still running
    // after `cleanupTimeout` is given up: it is deleted on its own thread (whatever it had not cleaned up
    // stays in the bank's journal for the sweep) and named in shutdownFinished().
    void shutdown(std::chrono::milliseconds cleanupTimeout);
    bool isShuttingDown() const { return m_shuttingDown; }
    bool isShutDown() const { return m_shutDown; }

Q_SIGNALS:
    void jobAdded(int jobId, const QString &title);
    void jobProgress(int jobId, const sv::JobProgress &progress);
    void jobFinished(int jobId, const sv::JobResult &result);
    void allFinished();
    // After shutdown(): every worker thread has ended. `givenUp` names the jobs whose cleanup did not
    // finish within the timeout (empty when every job ended by itself).
    void shutdownFinished(const QStringList &givenUp);

private:
    struct Entry
    {
        int id = 0;
        Job *job = nullptr;
        QThread *thread = nullptr;
    };
    void startQueued();
    void onJobFinished(int jobId, const JobResult &result);
    void onThreadEnded(QThread *thread);
    void giveUpRemaining();
    void checkShutdownDone();
    // Deletes the job on its own thread, then ends that thread.
    static void endOnItsThread(const Entry &entry);

    int m_maxConcurrent = 2;
    int m_nextId = 1;
    QList<Entry> m_queue;
    QHash<int, Entry> m_running;
    QSet<QThread *> m_threads; // every worker thread that has not ended yet
    bool m_shuttingDown = false;
    bool m_shutDown = false;
    QStringList m_givenUp;
    QTimer m_shutdownTimer;
};

} // namespace sv
