#pragma once

#include "plans/plan.h"
#include "plans/plansservice.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace sv::ui {

// The saved plans, one row each: name, servers, schedule, next run, whether the schedule is installed (the
// systemd user timer there and enabled), last result, enabled. The plans come
// from the PlansService at once; next and last runs arrive later (setOverview()).
class PlanListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        ServersColumn,
        ScheduleColumn,
        NextRunColumn,
        InstalledColumn,
        LastResultColumn,
        EnabledColumn,
        ColumnCount
    };

    explicit PlanListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setPlans(const QList<Plan> &plans);
    void setOverview(const QList<PlanOverview> &overview);
    void setRunning(const QString &name, bool running);

    const Plan *plan(int row) const;
    // The plan's overview, or null before the first one arrived.
    const PlanOverview *overview(const QString &name) const;
    int rowOf(const QString &name) const;

private:
    QList<Plan> m_plans;
    QHash<QString, PlanOverview> m_overview;
    QSet<QString> m_running;
};

} // namespace sv::ui
