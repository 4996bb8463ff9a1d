#pragma once

#include "plans/planrunreport.h"

#include <QAbstractTableModel>
#include <QList>

namespace sv::ui {

// A plan's run history, newest run first: started, result, servers backed up, duration, retention.
class PlanRunsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { StartedColumn, StateColumn, ServersColumn, DurationColumn, RetentionColumn, ColumnCount };

    explicit PlanRunsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // `runs` oldest first, as PlanHistory keeps them.
    void setRuns(const QList<PlanRunReport> &runs);
    const PlanRunReport *run(int row) const;
    int rowOfRun(const QString &runId) const;

private:
    QList<PlanRunReport> m_runs; // newest first
};

} // namespace sv::ui
