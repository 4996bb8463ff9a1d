#pragma once

#include "jobs/jobprogress.h"

#include <QObject>

#include <atomic>

namespace sv {

// A long-running piece of work (backup, restore, verify) that runs on a worker thread owned by the
// JobManager. Subclasses implement run() and end by calling finish() exactly once. Everything a job
// does happens on its thread; only cancel() may be called from elsewhere.
class Job : public QObject
{
    Q_OBJECT
public:
    explicit Job(QString title, QObject *parent = nullptr);
    ~Job() override;

    QString title() const { return m_title; }
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }
    bool isFinished() const { return m_finished; }
    JobProgress progress() const { return m_progress; }

    // Thread-safe: sets the flag at once (checked between chunks) and, on the job's own thread,
    // calls onCancel() so that a live network reply is aborted promptly.
    void cancel();

    // Starts the job on the current thread (the JobManager calls it on the worker thread).
    void start();

Q_SIGNALS:
    void progressChanged(const sv::JobProgress &progress);
    void finished(const sv::JobResult &result);

protected:
    virtual void run() = 0;
    virtual void onCancel() {}

    // For blocking work that polls a flag (e.g. a bank verify) rather than reacting to onCancel().
    const std::atomic_bool *cancelFlag() const { return &m_cancelled; }
    // bytesDone: what earlier stages already moved, when the total covers several resources (a
    // backup's root disk and volumes), so that progress and time left span the whole job.
    void setStage(JobStage stage, qint64 bytesTotal = -1, qint64 bytesDone = 0);
    void setBytesDone(qint64 bytesDone); // throttled: emits at most every 100 ms
    void setBytesTotal(qint64 bytesTotal); // a better estimate of the same stage's total
    void finish(JobResult result);
    void fail(const QString &message, const QString &details = {});
    void finishCancelled(const QString &message = {});

private:
    void emitProgress();

    QString m_title;
    std::atomic_bool m_cancelled{false};
    bool m_finished = false;
    JobProgress m_progress;
    TransferRate m_rate;
    QElapsedTimer m_lastEmit;
};

} // namespace sv
