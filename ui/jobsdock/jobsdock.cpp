#include "jobsdock/jobsdock.h"

#include "common/icons.h"
#include "common/messagebox.h"
#include "jobs/jobmanager.h"
#include "jobsdock/joblistmodel.h"
#include "jobsdock/progressdelegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace sv::ui {

JobsDock::JobsDock(JobManager *manager, QWidget *parent)
    : QDockWidget(tr("Jobs"), parent)
    , m_manager(manager)
    , m_model(new JobListModel(manager, this))
{
    setObjectName(QStringLiteral("jobsDock"));
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);

    auto *content = new QWidget(this);
    m_view = new QTreeView(content);
    m_view->setObjectName(QStringLiteral("jobsView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setItemDelegateForColumn(JobListModel::ProgressColumn, new ProgressDelegate(m_view));
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(JobListModel::TitleColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(JobListModel::StatusColumn, QHeaderView::Stretch);
    m_view->header()->resizeSection(JobListModel::ProgressColumn, 160);

    m_cancelButton = new QPushButton(icon(QStringLiteral("cancel")), tr("&Cancel Job"), content);
    m_cancelButton->setObjectName(QStringLiteral("cancelJobButton"));
    m_detailsButton = new QPushButton(icon(QStringLiteral("details")), tr("&Details…"), content);
    m_detailsButton->setObjectName(QStringLiteral("jobDetailsButton"));
    m_clearButton = new QPushButton(icon(QStringLiteral("clear")), tr("Clear &Finished"), content);
    m_clearButton->setObjectName(QStringLiteral("clearFinishedButton"));

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_detailsButton);
    buttons->addWidget(m_clearButton);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    setWidget(content);

    connect(m_cancelButton, &QPushButton::clicked, this, &JobsDock::cancelSelected);
    connect(m_detailsButton, &QPushButton::clicked, this, &JobsDock::showDetailsOfSelected);
    connect(m_clearButton, &QPushButton::clicked, this, &JobsDock::clearFinished);
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (m_model->outcome(index.row()) == JobOutcome::Failed)
            showDetailsOfSelected();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &JobsDock::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &JobsDock::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int) {
        // Select the newest job so that its Cancel button is one click away.
        m_view->setCurrentIndex(m_model->index(first, 0));
        updateButtons();
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &JobsDock::updateButtons);
    updateButtons();
}

int JobsDock::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void JobsDock::updateButtons()
{
    const int row = selectedRow();
    m_cancelButton->setEnabled(row >= 0 && !m_model->isFinished(row));
    m_detailsButton->setEnabled(row >= 0 && m_model->outcome(row) == JobOutcome::Failed);
    m_clearButton->setEnabled(m_model->finishedCount() > 0);
}

void JobsDock::cancelSelected()
{
    const int row = selectedRow();
    if (row < 0 || m_model->isFinished(row))
        return;
    if (JobManager *manager = m_model->managerOf(row)) // the main one, or a plan run's
        manager->cancel(m_model->jobId(row));
    m_cancelButton->setEnabled(false);
}

void JobsDock::showDetailsOfSelected()
{
    const int row = selectedRow();
    if (row < 0 || m_model->outcome(row) != JobOutcome::Failed)
        return;
    const JobResult result = m_model->result(row);
    const QString title = m_model->data(m_model->index(row, JobListModel::TitleColumn)).toString();
    MessageBox::warning(this, tr("Job Failed"), tr("%1 failed: %2").arg(title, result.message),
                        result.details.isEmpty() ? tr("No further details.") : result.details);
}

void JobsDock::clearFinished()
{
    m_model->clearFinished();
}

} // namespace sv::ui
