#pragma once

#include "jobs/jobprogress.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QTimer>

namespace sv {
class JobManager;
}

namespace sv::ui {

// One row per job of a JobManager, in the order they were added; finished rows stay until
// clearFinished(). More managers can be shown beside the main one (a plan run's backups, addManager()). Progress ticks are coalesced: one dataChanged per batch interval covers every row
// that changed, so many busy jobs cost one repaint.
class JobListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TitleColumn, ProgressColumn, StatusColumn, RateColumn, EtaColumn, ColumnCount };

    explicit JobListModel(JobManager *manager, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Also shows the jobs of `manager` (while it lives), their titles prefixed with `titlePrefix`.
    // jobFinished() is emitted for the main manager's jobs only (their ids are that manager's).
    void addManager(JobManager *manager, const QString &titlePrefix = {});

    int jobId(int row) const;
    // The manager that runs the job of `row` (null once that manager is gone).
    JobManager *managerOf(int row) const;
    int rowOfJob(int jobId) const; // a job of the main manager
    int rowOfJob(const JobManager *manager, int jobId) const;
    bool isFinished(int row) const;
    JobOutcome outcome(int row) const;
    JobProgress progress(int row) const;
    JobResult result(int row) const;
    int finishedCount() const;

    void clearFinished();
    // Milliseconds between coalesced progress updates (tests shorten it).
    void setBatchInterval(int ms) { m_flush.setInterval(ms); }

Q_SIGNALS:
    // After a job's row has its final state.
    void jobFinished(int jobId, const sv::JobResult &result);

private:
    struct Row
    {
        int id = 0;
        int slot = 0; // which manager: 0 the main one, then one per addManager()
        QPointer<JobManager> manager;
        QString title;
        JobProgress progress;
        JobResult result; // outcome Running while running
    };

    void connectManager(JobManager *manager, const QString &titlePrefix);
    void onJobAdded(int slot, JobManager *manager, int jobId, const QString &title);
    void onJobProgress(int slot, int jobId, const JobProgress &progress);
    void onJobFinished(int slot, int jobId, const JobResult &result);
    static quint64 key(int slot, int jobId) { return (quint64(quint32(slot)) << 32) | quint32(jobId); }
    int rowOf(int slot, int jobId) const { return m_rowOfKey.value(key(slot, jobId), -1); }
    void reindex();
    void flush();
    QString statusText(const Row &row) const;

    QPointer<JobManager> m_manager;
    QList<Row> m_rows;
    QHash<quint64, int> m_rowOfKey;             // (slot, job id) → row
    QHash<const JobManager *, int> m_slots;     // live managers → slot
    int m_nextSlot = 0;
    int m_dirtyFirst = -1;
    int m_dirtyLast = -1;
    QTimer m_flush;
};

} // namespace sv::ui
