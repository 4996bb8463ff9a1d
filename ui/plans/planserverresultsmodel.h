#pragma once

#include "plans/planrunreport.h"

#include <QAbstractTableModel>
#include <QList>

namespace sv::ui {

// One run's servers: server, cloud, result, size, new bytes, duration, backup (checkpoint id), error.
class PlanServerResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        ServerColumn,
        CloudColumn,
        ResultColumn,
        BytesColumn,
        NewBytesColumn,
        DurationColumn,
        CheckpointColumn,
        ErrorColumn,
        ColumnCount
    };

    explicit PlanServerResultsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setResults(const QList<PlanServerResult> &results);

private:
    QList<PlanServerResult> m_results;
};

} // namespace sv::ui
