#pragma once

#include "jobs/jobprogress.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QTimer>

namespace sv {
class JobManager;
}

namespace sv::ui {

// One row per job of a JobManager, in the order they were added; finished rows stay until
// clearFinished(). Progress ticks are coalesced: one dataChanged per batch interval covers every row
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

    int jobId(int row) const;
    int rowOfJob(int jobId) const;
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
        QString title;
        JobProgress progress;
        JobResult result; // outcome Running while running
    };

    void onJobAdded(int jobId, const QString &title);
    void onJobProgress(int jobId, const JobProgress &progress);
    void onJobFinished(int jobId, const JobResult &result);
    void flush();
    QString statusText(const Row &row) const;

    QPointer<JobManager> m_manager;
    QList<Row> m_rows;
    int m_dirtyFirst = -1;
    int m_dirtyLast = -1;
    QTimer m_flush;
};

} // namespace sv::ui
