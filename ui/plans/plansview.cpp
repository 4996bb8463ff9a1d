#include "plans/plansview.h"

#include "common/icons.h"
#include "common/messagebox.h"
#include "plans/planeditordialog.h"
#include "plans/planformat.h"
#include "plans/planlistmodel.h"
#include "plans/planrunsmodel.h"
#include "plans/planserverresultsmodel.h"
#include "plans/plansservice.h"
#include "plans/retentionpreviewdialog.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace sv::ui {

namespace {
QTreeView *makeTable(const QString &name, QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTreeView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAllColumnsShowFocus(true);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    return view;
}
} // namespace

PlansView::PlansView(PlansService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_planModel(new PlanListModel(this))
    , m_runsModel(new PlanRunsModel(this))
    , m_serverResultsModel(new PlanServerResultsModel(this))
{
    setObjectName(QStringLiteral("plansView"));
    m_newButton = new QPushButton(icon(QStringLiteral("add")), tr("&New Plan…"), this);
    m_newButton->setObjectName(QStringLiteral("newPlanButton"));
    m_editButton = new QPushButton(icon(QStringLiteral("edit")), tr("&Edit…"), this);
    m_editButton->setObjectName(QStringLiteral("editPlanButton"));
    m_removeButton = new QPushButton(icon(QStringLiteral("remove")), tr("Remo&ve"), this);
    m_removeButton->setObjectName(QStringLiteral("removePlanButton"));
    m_runButton = new QPushButton(icon(QStringLiteral("backup")), tr("&Run Now"), this);
    m_runButton->setObjectName(QStringLiteral("runPlanButton"));
    m_cancelButton = new QPushButton(icon(QStringLiteral("cancel")), tr("&Cancel Run"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelPlanRunButton"));
    m_retentionButton = new QPushButton(icon(QStringLiteral("verify")), tr("&Preview Retention…"), this);
    m_retentionButton->setObjectName(QStringLiteral("previewRetentionButton"));
    m_installScheduleButton = new QPushButton(icon(QStringLiteral("add")), tr("&Install Schedule"), this);
    m_installScheduleButton->setObjectName(QStringLiteral("installScheduleButton"));
    m_installScheduleButton->setToolTip(tr("Write the plan's systemd user timer and enable it, so that the plan runs "
                                           "unattended (as `stackvault-cli plans schedule install`)."));
    m_removeScheduleButton = new QPushButton(icon(QStringLiteral("remove")), tr("Remove Sc&hedule"), this);
    m_removeScheduleButton->setObjectName(QStringLiteral("removeScheduleButton"));
    m_removeScheduleButton->setToolTip(tr("Disable and delete the plan's systemd user timer: it runs by hand only."));
    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {m_newButton, m_editButton, m_removeButton, m_runButton, m_cancelButton, m_retentionButton,
                                m_installScheduleButton, m_removeScheduleButton})
        buttons->addWidget(button);
    buttons->addStretch();

    m_cronNote = new QWidget(this);
    m_cronNote->setObjectName(QStringLiteral("cronNote"));
    m_cronLabel = new QLabel(m_cronNote);
    m_cronLabel->setObjectName(QStringLiteral("cronLabel"));
    m_cronLabel->setWordWrap(true);
    m_cronLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cronLineEdit = new QLineEdit(m_cronNote);
    m_cronLineEdit->setObjectName(QStringLiteral("cronLineEdit"));
    m_cronLineEdit->setReadOnly(true);
    m_copyCronButton = new QPushButton(icon(QStringLiteral("export")), tr("Cop&y"), m_cronNote);
    m_copyCronButton->setObjectName(QStringLiteral("copyCronLineButton"));
    auto *cronRow = new QHBoxLayout;
    cronRow->addWidget(m_cronLineEdit, 1);
    cronRow->addWidget(m_copyCronButton);
    auto *cronLayout = new QVBoxLayout(m_cronNote);
    cronLayout->setContentsMargins(0, 0, 0, 0);
    cronLayout->addWidget(m_cronLabel);
    cronLayout->addLayout(cronRow);
    m_cronNote->hide();

    m_plansTable = makeTable(QStringLiteral("plansTable"), m_planModel, this);
    m_plansTable->header()->setSectionResizeMode(PlanListModel::ServersColumn, QHeaderView::Stretch);
    m_plansTable->header()->setStretchLastSection(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("plansStatusLabel"));
    m_status->setWordWrap(true);
    m_status->hide();

    auto *history = new QWidget(this);
    m_historyLabel = new QLabel(tr("Run history"), history);
    m_historyLabel->setObjectName(QStringLiteral("historyLabel"));
    m_runsTable = makeTable(QStringLiteral("runsTable"), m_runsModel, history);
    m_runsTable->header()->setStretchLastSection(true);
    m_serverResultsTable = makeTable(QStringLiteral("serverResultsTable"), m_serverResultsModel, history);
    m_serverResultsTable->header()->setStretchLastSection(true);
    m_runNotes = new QLabel(history);
    m_runNotes->setObjectName(QStringLiteral("runNotesLabel"));
    m_runNotes->setWordWrap(true);
    m_runNotes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *historySplit = new QSplitter(Qt::Horizontal, history);
    historySplit->addWidget(m_runsTable);
    historySplit->addWidget(m_serverResultsTable);
    historySplit->setStretchFactor(0, 2);
    historySplit->setStretchFactor(1, 3);
    auto *historyLayout = new QVBoxLayout(history);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(m_historyLabel);
    historyLayout->addWidget(historySplit, 1);
    historyLayout->addWidget(m_runNotes);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("plansSplitter"));
    split->addWidget(m_plansTable);
    split->addWidget(history);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_cronNote);
    layout->addWidget(split, 1);

    connect(m_newButton, &QPushButton::clicked, this, [this] { openEditor({}); });
    connect(m_editButton, &QPushButton::clicked, this, [this] { openEditor(selectedPlan()); });
    connect(m_removeButton, &QPushButton::clicked, this, [this] { removePlan(selectedPlan()); });
    connect(m_runButton, &QPushButton::clicked, this, [this] { runNow(selectedPlan()); });
    connect(m_cancelButton, &QPushButton::clicked, this, [this] { m_service->cancelRun(selectedPlan()); });
    connect(m_retentionButton, &QPushButton::clicked, this, [this] { previewRetention(selectedPlan()); });
    connect(m_installScheduleButton, &QPushButton::clicked, this, [this] { installSchedule(selectedPlan()); });
    connect(m_removeScheduleButton, &QPushButton::clicked, this, [this] { removeSchedule(selectedPlan()); });
    connect(m_copyCronButton, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_cronLineEdit->text());
        setStatus(tr("The crontab line is copied: add it with `crontab -e`."));
    });
    connect(m_plansTable, &QTreeView::activated, this, [this] { openEditor(selectedPlan()); });
    connect(m_plansTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PlansView::onCurrentPlanChanged);
    connect(m_runsTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PlansView::onCurrentRunChanged);
    connect(m_runsModel, &QAbstractItemModel::modelReset, this, &PlansView::onCurrentRunChanged);

    connect(m_service, &PlansService::plansChanged, this, &PlansView::reloadPlans);
    connect(m_service, &PlansService::overviewReady, this, [this](const QList<PlanOverview> &overview) {
        m_planModel->setOverview(overview);
        updateCronNote();
        updateButtons();
    });
    connect(m_service, &PlansService::scheduleChanged, this, &PlansView::onScheduleChanged);
    connect(m_service, &PlansService::historyReady, this, &PlansView::onHistoryReady);
    connect(m_service, &PlansService::runStarted, this, [this](const QString &name) {
        m_planModel->setRunning(name, true);
        setStatus(tr("Plan %1 is running: its servers are in the jobs list below.").arg(name));
        if (name == selectedPlan())
            m_service->requestHistory(name);
        updateButtons();
    });
    connect(m_service, &PlansService::runProgressed, this, [this](const QString &name) {
        if (name == m_historyPlan)
            showRuns(); // the running report, as it grows
    });
    connect(m_service, &PlansService::runFinished, this, [this](const QString &name, const PlanRunReport &report) {
        m_planModel->setRunning(name, false);
        QString text = tr("Plan %1: %2, %3 of %n server(s) backed up.", nullptr, int(report.servers.size()))
                           .arg(name, PlanFormat::state(report.state))
                           .arg(report.succeededCount());
        if (!report.problems.isEmpty())
            text += QLatin1Char(' ') + report.problems.join(QLatin1Char(' '));
        setStatus(text);
        m_service->requestOverview();
        if (name == selectedPlan())
            m_service->requestHistory(name);
        updateButtons();
        Q_EMIT runEnded(name, report);
    });

    if (!m_service->loadError().isEmpty())
        setStatus(m_service->loadError());
    reloadPlans();
}

QString PlansView::statusText() const
{
    return m_status->isVisible() || !m_status->text().isEmpty() ? m_status->text() : QString();
}

void PlansView::setStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void PlansView::reloadPlans()
{
    const QString selected = selectedPlan();
    m_planModel->setPlans(m_service->plans());
    for (const Plan &plan : m_service->plans())
        m_planModel->setRunning(plan.name, m_service->isRunning(plan.name));
    if (!selectPlan(selected) && m_planModel->rowCount() > 0)
        m_plansTable->setCurrentIndex(m_planModel->index(0, 0));
    if (m_planModel->rowCount() == 0) {
        m_plansTable->setToolTip(tr("No plan yet: New Plan… makes one."));
        onCurrentPlanChanged();
    }
    m_service->requestOverview();
    updateButtons();
}

void PlansView::refresh()
{
    m_service->requestOverview();
    if (!selectedPlan().isEmpty())
        m_service->requestHistory(selectedPlan());
}

QString PlansView::selectedPlan() const
{
    const Plan *plan = m_planModel->plan(m_plansTable->currentIndex().row());
    return plan ? plan->name : QString();
}

bool PlansView::selectPlan(const QString &name)
{
    const int row = m_planModel->rowOf(name);
    if (row < 0)
        return false;
    m_plansTable->setCurrentIndex(m_planModel->index(row, 0));
    return true;
}

void PlansView::onCurrentPlanChanged()
{
    const QString name = selectedPlan();
    m_historyPlan = name;
    m_history.clear();
    m_runsModel->setRuns({});
    m_historyLabel->setText(name.isEmpty() ? tr("Run history") : tr("Run history of %1").arg(name));
    if (!name.isEmpty())
        m_service->requestHistory(name);
    updateCronNote();
    updateButtons();
}

void PlansView::onHistoryReady(const QString &name, const QList<PlanRunReport> &runs, const QString &error)
{
    if (name != m_historyPlan)
        return;
    m_history = runs;
    showRuns();
    if (!error.isEmpty())
        m_runNotes->setText(error);
}

void PlansView::showRuns()
{
    QList<PlanRunReport> runs = m_history;
    // The running report as it is now (the history file has it only as it started).
    if (m_service->isRunning(m_historyPlan)) {
        const PlanRunReport running = m_service->runningReport(m_historyPlan);
        if (!running.runId.isEmpty()) {
            const auto it = std::find_if(runs.begin(), runs.end(), [&](const PlanRunReport &run) { return run.runId == running.runId; });
            if (it != runs.end())
                *it = running;
            else
                runs.append(running);
        }
    }
    const PlanRunReport *current = m_runsModel->run(m_runsTable->currentIndex().row());
    const QString currentRun = current ? current->runId : QString();
    m_runsModel->setRuns(runs);
    const int row = currentRun.isEmpty() ? 0 : std::max(0, m_runsModel->rowOfRun(currentRun));
    if (m_runsModel->rowCount() > 0)
        m_runsTable->setCurrentIndex(m_runsModel->index(row, 0));
    onCurrentRunChanged();
}

void PlansView::onCurrentRunChanged()
{
    const PlanRunReport *run = m_runsModel->run(m_runsTable->currentIndex().row());
    m_serverResultsModel->setResults(run ? run->servers : QList<PlanServerResult>());
    if (!run) {
        m_runNotes->setText(m_historyPlan.isEmpty() || m_runsModel->rowCount() > 0 ? QString()
                                                                                  : tr("Plan %1 has not run yet.").arg(m_historyPlan));
        return;
    }
    QStringList lines = run->problems;
    if (!run->retention.isEmpty())
        lines.append(run->retention);
    lines.append(run->notes);
    m_runNotes->setText(lines.join(QLatin1Char('\n')));
}

void PlansView::updateButtons()
{
    const QString name = selectedPlan();
    const bool running = !name.isEmpty() && m_service->isRunning(name);
    m_editButton->setEnabled(!name.isEmpty() && !running);
    m_removeButton->setEnabled(!name.isEmpty() && !running);
    m_runButton->setEnabled(!name.isEmpty() && !running);
    m_cancelButton->setEnabled(running);
    m_retentionButton->setEnabled(!name.isEmpty());
    const Plan *plan = m_planModel->plan(m_planModel->rowOf(name));
    const PlanOverview *overview = m_planModel->overview(name);
    const bool changing = !name.isEmpty() && m_service->isChangingSchedule(name);
    m_installScheduleButton->setEnabled(plan && !plan->schedule.isNone() && !changing);
    m_removeScheduleButton->setEnabled(plan && overview && overview->scheduleInstalled && !changing);
}

void PlansView::updateCronNote()
{
    const QString name = selectedPlan();
    const Plan *plan = m_planModel->plan(m_planModel->rowOf(name));
    const PlanOverview *overview = m_planModel->overview(name);
    if (!plan || !overview || overview->systemdRuns || plan->schedule.isNone()) {
        m_cronNote->hide();
        return;
    }
    QString text = tr("No systemd user instance runs here (%1): an installed schedule does not run on its own.")
                       .arg(overview->systemdWhy);
    if (overview->cronLine.isEmpty()) {
        text += QLatin1Char(' ') + (overview->cronWhy.isEmpty() ? tr("stackvault-cli was not found, so there is no crontab line either.")
                                                                : overview->cronWhy);
    } else {
        text += QLatin1Char(' ') + tr("To run plan %1 from cron instead, add this line with `crontab -e`:").arg(name);
    }
    m_cronLabel->setText(text);
    m_cronLineEdit->setText(overview->cronLine);
    m_cronLineEdit->setVisible(!overview->cronLine.isEmpty());
    m_copyCronButton->setVisible(!overview->cronLine.isEmpty());
    m_cronNote->show();
}

bool PlansView::installSchedule(const QString &name)
{
    if (name.isEmpty() || !m_service->installSchedule(name))
        return false;
    setStatus(tr("Installing the schedule of plan %1…").arg(name));
    updateButtons();
    return true;
}

bool PlansView::removeSchedule(const QString &name)
{
    if (name.isEmpty() || !m_service->removeSchedule(name))
        return false;
    setStatus(tr("Removing the schedule of plan %1…").arg(name));
    updateButtons();
    return true;
}

void PlansView::onScheduleChanged(const QString &name, bool installing, const PlanScheduler::Outcome &outcome)
{
    updateButtons();
    QStringList lines{outcome.message};
    lines += outcome.warnings;
    if (outcome.ok || (installing && outcome.unitsWritten && !outcome.systemdRuns)) {
        // Without systemd the note below the buttons shows the crontab line once the overview is in.
        setStatus(lines.join(QLatin1Char(' ')));
        return;
    }
    setStatus({});
    MessageBox::warning(this, installing ? tr("Cannot Install Schedule of %1").arg(name) : tr("Cannot Remove Schedule of %1").arg(name),
                        lines.join(QLatin1Char('\n')));
}

PlanEditorDialog *PlansView::openEditor(const QString &name)
{
    std::optional<Plan> plan;
    if (!name.isEmpty()) {
        for (const Plan &candidate : m_service->plans()) {
            if (candidate.name == name)
                plan = candidate;
        }
        if (!plan)
            return nullptr;
    }
    auto *dialog = new PlanEditorDialog(m_service, plan, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &PlanEditorDialog::saved, this, [this](const QString &saved) {
        selectPlan(saved);
        setStatus(tr("Plan %1 saved.").arg(saved));
    });
    dialog->open();
    return dialog;
}

bool PlansView::runNow(const QString &name)
{
    if (name.isEmpty())
        return false;
    QString error;
    if (!m_service->runNow(name, &error)) {
        MessageBox::warning(this, tr("Cannot Run Plan"), error);
        return false;
    }
    return true;
}

RetentionPreviewDialog *PlansView::previewRetention(const QString &name)
{
    if (name.isEmpty())
        return nullptr;
    auto *dialog = new RetentionPreviewDialog(m_service, name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void PlansView::removePlan(const QString &name)
{
    if (name.isEmpty())
        return;
    MessageBox::question(this, tr("Remove Plan?"),
                         tr("Remove plan %1 and its run history? Its backups stay in the backup storage.").arg(name),
                         QMessageBox::Yes | QMessageBox::No, QMessageBox::No,
                         [this, name](QMessageBox::StandardButton answer) {
                             if (answer != QMessageBox::Yes)
                                 return;
                             QString error;
                             if (!m_service->removePlan(name, &error))
                                 MessageBox::warning(this, tr("Cannot Remove Plan"), error);
                             else
                                 setStatus(tr("Plan %1 removed; its backups stay in the backup storage.").arg(name));
                         },
                         {{QMessageBox::Yes, tr("Remove Plan")}, {QMessageBox::No, tr("Keep It")}});
}

} // namespace sv::ui
