#include "plans/planlistmodel.h"

#include "common/formatting.h"
#include "common/icons.h"
#include "common/itemroles.h"
#include "plans/planformat.h"


namespace sv::ui {

PlanListModel::PlanListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int PlanListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_plans.size());
}

int PlanListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Plan &plan = m_plans.at(index.row());
    if (role == IdRole)
        return plan.name;
    const auto overview = m_overview.constFind(plan.name);
    const bool known = overview != m_overview.cend();
    const bool running = m_running.contains(plan.name);
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole)
            return plan.name;
        break;
    case ServersColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return plan.describeSources();
        break;
    case ScheduleColumn:
        if (role == Qt::DisplayRole)
            return PlanFormat::schedule(plan.schedule);
        if (role == Qt::ToolTipRole && known && !overview->scheduleInstalled && !plan.schedule.isNone())
            return tr("Not installed: Install Schedule (or `stackvault-cli plans schedule install %1`) makes it run "
                      "unattended.")
                .arg(plan.name);
        break;
    case InstalledColumn:
        if (role == Qt::DisplayRole)
            return known ? PlanFormat::installed(plan, *overview) : tr("…");
        if (role == Qt::ToolTipRole && known && !overview->systemdRuns && !plan.schedule.isNone())
            return tr("No systemd user instance runs here (%1).").arg(overview->systemdWhy);
        if (role == Qt::DecorationRole && known && overview->scheduleInstalled)
            return icon(overview->systemdRuns && overview->timerState == u"enabled" && overview->scheduleUpToDate
                            ? QStringLiteral("status-active")
                            : QStringLiteral("status-error"));
        break;
    case NextRunColumn:
        if (role == UnderlyingDataRole)
            return known ? overview->nextRun : QDateTime();
        if (role == Qt::DisplayRole) {
            if (!known)
                return tr("…");
            if (!plan.enabled && !plan.schedule.isNone())
                return tr("Disabled");
            return overview->nextRun.isValid() ? formatDateTime(overview->nextRun) : overview->nextRunWhy;
        }
        if (role == Qt::ToolTipRole && known && !overview->nextRun.isValid())
            return overview->nextRunWhy;
        break;
    case LastResultColumn:
        if (role == Qt::DisplayRole) {
            if (running)
                return tr("Running now…");
            return known ? PlanFormat::lastRun(overview->hasLastRun, overview->lastRun) : tr("…");
        }
        if (role == Qt::ToolTipRole && known && overview->hasLastRun) {
            QStringList lines = overview->lastRun.problems;
            for (const PlanServerResult &server : overview->lastRun.servers) {
                if (server.result != PlanServerResult::Result::Succeeded)
                    lines.append(QStringLiteral("%1: %2").arg(server.serverName, server.error));
            }
            return lines.join(QLatin1Char('\n'));
        }
        if (role == Qt::DecorationRole) {
            if (running)
                return icon(QStringLiteral("status-busy"));
            if (known && overview->hasLastRun)
                return icon(overview->lastRun.state == PlanRunReport::State::Succeeded ? QStringLiteral("status-active")
                                                                                      : QStringLiteral("status-error"));
        }
        if (role == UnderlyingDataRole)
            return known && overview->hasLastRun ? int(overview->lastRun.state) : -1;
        break;
    case EnabledColumn:
        if (role == Qt::CheckStateRole)
            return plan.enabled ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::DisplayRole)
            return plan.enabled ? tr("Enabled") : tr("Disabled");
        break;
    default:
        break;
    }
    return {};
}

QVariant PlanListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Plan");
    case ServersColumn:
        return tr("Servers");
    case ScheduleColumn:
        return tr("Schedule");
    case NextRunColumn:
        return tr("Next run");
    case InstalledColumn:
        return tr("Unattended");
    case LastResultColumn:
        return tr("Last result");
    case EnabledColumn:
        return tr("Enabled");
    default:
        return {};
    }
}

void PlanListModel::setPlans(const QList<Plan> &plans)
{
    beginResetModel();
    m_plans = plans;
    endResetModel();
}

void PlanListModel::setOverview(const QList<PlanOverview> &overview)
{
    m_overview.clear();
    for (const PlanOverview &entry : overview)
        m_overview.insert(entry.name, entry);
    if (!m_plans.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void PlanListModel::setRunning(const QString &name, bool running)
{
    if (running)
        m_running.insert(name);
    else
        m_running.remove(name);
    const int row = rowOf(name);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, LastResultColumn), index(row, LastResultColumn));
}

const Plan *PlanListModel::plan(int row) const
{
    return row >= 0 && row < m_plans.size() ? &m_plans.at(row) : nullptr;
}

const PlanOverview *PlanListModel::overview(const QString &name) const
{
    const auto it = m_overview.constFind(name);
    return it == m_overview.cend() ? nullptr : &*it;
}

int PlanListModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_plans.size(); ++row) {
        if (m_plans.at(row).name == name)
            return row;
    }
    return -1;
}

} // namespace sv::ui
