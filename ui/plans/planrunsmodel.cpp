#include "plans/planrunsmodel.h"

#include "common/formatting.h"
#include "common/icons.h"
#include "common/itemroles.h"
#include "plans/planformat.h"

#include <algorithm>

namespace sv::ui {

PlanRunsModel::PlanRunsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int PlanRunsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int PlanRunsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanRunsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PlanRunReport &run = m_runs.at(index.row());
    if (role == IdRole)
        return run.runId;
    switch (index.column()) {
    case StartedColumn:
        if (role == Qt::DisplayRole)
            return formatDateTime(run.started);
        if (role == UnderlyingDataRole)
            return run.started;
        break;
    case StateColumn:
        if (role == Qt::DisplayRole)
            return PlanFormat::state(run.state);
        if (role == Qt::DecorationRole) {
            switch (run.state) {
            case PlanRunReport::State::Succeeded:
                return icon(QStringLiteral("status-active"));
            case PlanRunReport::State::Running:
                return icon(QStringLiteral("status-busy"));
            default:
                return icon(QStringLiteral("status-error"));
            }
        }
        if (role == Qt::ToolTipRole)
            return (run.problems + run.notes).join(QLatin1Char('\n'));
        if (role == UnderlyingDataRole)
            return int(run.state);
        break;
    case ServersColumn:
        if (role == Qt::DisplayRole)
            return tr("%1 of %2").arg(run.succeededCount()).arg(run.servers.size());
        break;
    case DurationColumn:
        if (role == Qt::DisplayRole)
            return run.finished.isValid() ? PlanFormat::duration(run.started.msecsTo(run.finished)) : QString();
        if (role == UnderlyingDataRole)
            return run.finished.isValid() ? run.started.msecsTo(run.finished) : qint64(-1);
        break;
    case RetentionColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return run.retention;
        break;
    default:
        break;
    }
    return {};
}

QVariant PlanRunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StartedColumn:
        return tr("Started");
    case StateColumn:
        return tr("Result");
    case ServersColumn:
        return tr("Servers backed up");
    case DurationColumn:
        return tr("Duration");
    case RetentionColumn:
        return tr("Retention");
    default:
        return {};
    }
}

void PlanRunsModel::setRuns(const QList<PlanRunReport> &runs)
{
    beginResetModel();
    m_runs = runs;
    std::reverse(m_runs.begin(), m_runs.end());
    endResetModel();
}

const PlanRunReport *PlanRunsModel::run(int row) const
{
    return row >= 0 && row < m_runs.size() ? &m_runs.at(row) : nullptr;
}

int PlanRunsModel::rowOfRun(const QString &runId) const
{
    for (int row = 0; row < m_runs.size(); ++row) {
        if (m_runs.at(row).runId == runId)
            return row;
    }
    return -1;
}

} // namespace sv::ui
