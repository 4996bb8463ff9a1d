#pragma once

#include "plans/planrunreport.h"
#include "plans/planscheduler.h"

#include <QList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;

namespace sv::ui {

class PlanEditorDialog;
class PlanListModel;
class PlanRunsModel;
class PlanServerResultsModel;
class PlansService;
class RetentionPreviewDialog;

// The Plans tab beside Backups: the saved plans (servers, schedule, next run, whether the schedule is installed,
// last result, enabled) with New, Edit, Remove, Run Now, Cancel Run, Preview Retention, Install Schedule and
// Remove Schedule; where no systemd user instance runs, a note saying so with the selected plan's crontab line
// (copyable); below, the selected plan's run history and the selected run's servers (result, size, new bytes,
// duration, backup, error).
class PlansView : public QWidget
{
    Q_OBJECT
public:
    explicit PlansView(PlansService *service, QWidget *parent = nullptr);

    PlanListModel *planModel() const { return m_planModel; }
    PlanRunsModel *runsModel() const { return m_runsModel; }
    PlanServerResultsModel *serverResultsModel() const { return m_serverResultsModel; }
    QTreeView *plansTable() const { return m_plansTable; }
    QTreeView *runsTable() const { return m_runsTable; }
    QTreeView *serverResultsTable() const { return m_serverResultsTable; }

    QString selectedPlan() const;
    bool selectPlan(const QString &name);
    // The hooks behind the buttons. Each shows what went wrong itself; the dialogs open window-modal.
    PlanEditorDialog *openEditor(const QString &name); // empty: a new plan
    bool runNow(const QString &name);
    RetentionPreviewDialog *previewRetention(const QString &name);
    void removePlan(const QString &name);
    // Install Schedule / Remove Schedule: on the thread pool; the status line and the list say how it went.
    bool installSchedule(const QString &name);
    bool removeSchedule(const QString &name);
    void refresh();

    QString statusText() const;

Q_SIGNALS:
    // A run's result is in the history (the Backups view may list new backups).
    void runEnded(const QString &name, const sv::PlanRunReport &report);

private:
    void reloadPlans();
    void onCurrentPlanChanged();
    void onHistoryReady(const QString &name, const QList<PlanRunReport> &runs, const QString &error);
    void showRuns();
    void onCurrentRunChanged();
    void updateButtons();
    void setStatus(const QString &text);
    void updateCronNote();
    void onScheduleChanged(const QString &name, bool installing, const sv::PlanScheduler::Outcome &outcome);

    PlansService *m_service;
    PlanListModel *m_planModel;
    PlanRunsModel *m_runsModel;
    PlanServerResultsModel *m_serverResultsModel;
    QTreeView *m_plansTable;
    QTreeView *m_runsTable;
    QTreeView *m_serverResultsTable;
    QLabel *m_status;
    QLabel *m_historyLabel;
    QLabel *m_runNotes;
    QPushButton *m_newButton;
    QPushButton *m_editButton;
    QPushButton *m_removeButton;
    QPushButton *m_runButton;
    QPushButton *m_cancelButton;
    QPushButton *m_retentionButton;
    QPushButton *m_installScheduleButton;
    QPushButton *m_removeScheduleButton;
    QWidget *m_cronNote;          // no systemd user instance: what to do instead
    QLabel *m_cronLabel;
    QLineEdit *m_cronLineEdit;
    QPushButton *m_copyCronButton;
    QString m_historyPlan;              // whose runs m_history holds
    QList<PlanRunReport> m_history;     // as read from the history file
};

} // namespace sv::ui
