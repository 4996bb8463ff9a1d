#pragma once

#include "jobs/job.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

class QThread;

namespace sv {

// Runs jobs on worker threads, at most maxConcurrentJobs() at a time, and relays their progress and
// results to its own (usually the GUI) thread by queued signals. Jobs are identified by a number.
class JobManager : public QObject
{
    Q_OBJECT
public:
    explicit JobManager(QObject *parent = nullptr);
    ~JobManager() override; // cancels running jobs and waits for their threads

    int maxConcurrentJobs() const { return m_maxConcurrent; }
    void setMaxConcurrentJobs(int count);

    // Takes ownership. Returns the job's id.
    int enqueue(Job *job);
    void cancel(int jobId);
    void cancelAll();
    int runningCount() const { return int(m_running.size()); }
    int queuedCount() const { return int(m_queue.size()); }

Q_SIGNALS:
    void jobAdded(int jobId, const QString &title);
    void jobProgress(int jobId, const sv::JobProgress &progress);
    void jobFinished(int jobId, const sv::JobResult &result);
    void allFinished();

private:
    struct Entry
    {
        int id = 0;
        Job *job = nullptr;
        QThread *thread = nullptr;
    };
    void startQueued();
    void onJobFinished(int jobId, const JobResult &result);

    int m_maxConcurrent = 2;
    int m_nextId = 1;
    QList<Entry> m_queue;
    QHash<int, Entry> m_running;
    QList<QPointer<QThread>> m_finishing; // threads deleting their finished job
};

} // namespace sv
