#include "mainwindow.h"

#include "backend/backend.h"
#include "backups/backupsmodel.h"
#include "backups/backupsview.h"
#include "cloudtree/cloudtreefiltermodel.h"
#include "cloudtree/cloudtreemodel.h"
#include "common/formatting.h"
#include "common/icons.h"
#include "common/messagebox.h"
#include "details/serverdetailswidget.h"
#include "dialogs/helpdialog.h"
#include "dialogs/testrestoredialog.h"
#include "plans/plansservice.h"
#include "plans/plansview.h"
#include "restorewizard/restorewizard.h"
#include "jobs/job.h"
#include "jobs/jobmanager.h"
#include "jobsdock/joblistmodel.h"
#include "jobsdock/jobsdock.h"
#include "common/uilog.h"
#include "util/appinfo.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <memory>

namespace sv::ui {

MainWindow::MainWindow(Backend *backend, JobManager *jobs, QWidget *parent)
    : QMainWindow(parent)
    , m_backend(backend)
    , m_jobs(jobs)
    , m_treeModel(new CloudTreeModel(backend, this))
    , m_treeProxy(new CloudTreeFilterModel(this))
    , m_backupsModel(new BackupsModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("StackVault"));
    setWindowIcon(icon(QStringLiteral("org.stackvault.StackVault")));

    // Left: filter box over the cloud tree.
    auto *left = new QWidget(this);
    m_filterEdit = new QLineEdit(left);
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter servers"));
    m_filterEdit->setClearButtonEnabled(true);
    m_treeProxy->setSourceModel(m_treeModel);
    m_tree = new QTreeView(left);
    m_tree->setObjectName(QStringLiteral("cloudTree"));
    m_tree->setModel(m_treeProxy);
    // Uniform rows let the view lay out thousands of servers without measuring each one.
    m_tree->setUniformRowHeights(true);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(0, Qt::AscendingOrder);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setExpandsOnDoubleClick(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_filterEdit);
    leftLayout->addWidget(m_tree);

    // Right: details and backups.
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_details = new ServerDetailsWidget(m_tabs);
    m_backupsView = new BackupsView(m_backupsModel, m_tabs);
    m_tabs->addTab(m_details, icon(QStringLiteral("server")), tr("&Details"));
    m_tabs->addTab(m_backupsView, icon(QStringLiteral("backup")), tr("Back&ups"));

    m_splitter = new QSplitter(this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    m_jobsDock = new JobsDock(jobs, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_jobsDock);

    createActions();
    createMenus();
    statusBar()->showMessage(tr("Ready"));
    // Shown only while quitting waits for cancelled jobs to clean up (non-modal: the window stays live).
    m_quitStatus = new QLabel(this);
    m_quitStatus->setObjectName(QStringLiteral("quitStatusLabel"));
    m_quitStatus->hide();
    statusBar()->addWidget(m_quitStatus, 1);

    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_treeProxy->setFilterText(text);
        if (!text.trimmed().isEmpty())
            m_tree->expandToDepth(0);
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onCurrentTreeIndexChanged);
    connect(m_tree, &QTreeView::activated, this, &MainWindow::onTreeActivated);
    // The selected row's data can change (refresh, a cloud finishing loading): show it again.
    connect(m_treeModel, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft,
                                                                         const QModelIndex &bottomRight) {
        const QModelIndex current = m_treeProxy->mapToSource(m_tree->currentIndex());
        if (current.isValid() && current.parent() == topLeft.parent() && current.row() >= topLeft.row()
            && current.row() <= bottomRight.row())
            onCurrentTreeIndexChanged();
    });
    connect(m_details, &ServerDetailsWidget::backupRequested, this,
            [this](const QString &cloudId, const ServerEntry &server, bool includeData, const VolumeSelection &volumes) {
                startBackup(cloudId, server, includeData, volumes);
            });
    connect(m_details, &ServerDetailsWidget::backupAvailabilityChanged, m_backupAction, &QAction::setEnabled);
    connect(m_details, &ServerDetailsWidget::retryRequested, this, [this] {
        m_treeModel->retry(m_treeProxy->mapToSource(m_tree->currentIndex()));
    });
    connect(m_backend, &Backend::checkpointsReady, this, &MainWindow::onCheckpointsReady);
    connect(m_backend, &Backend::storageDescribed, m_backupsView, &BackupsView::setStorage);
    connect(m_backend, &Backend::checkpointsFailed, this, [this](const QString &message) {
        m_backupsView->setStatusText(tr("Could not list the backups: %1").arg(message));
    });
    connect(m_backupsView, &BackupsView::refreshRequested, m_backend, &Backend::requestCheckpoints);
    // What an interrupted backup or restore left in a cloud is removed by itself, shown in the jobs dock.
    connect(m_backend, &Backend::leftoverSweepReady, this, [this](Job *job) {
        enqueue(job, JobKind::Other, tr("Cannot Remove Leftovers"), {});
    });
    connect(m_backupsView, &BackupsView::verifyRequested, this, &MainWindow::startVerify);
    connect(m_backupsView, &BackupsView::deleteRequested, this, &MainWindow::startDelete);
    connect(m_backupsView, &BackupsView::exportRequested, this, &MainWindow::openExportDialog);
    connect(m_backupsView, &BackupsView::testRestoreRequested, this, &MainWindow::openTestRestoreDialog);
    connect(m_backupsView, &BackupsView::restoreRequested, this, &MainWindow::restoreRequested);
    connect(m_jobsDock->model(), &JobListModel::jobFinished, this, &MainWindow::onJobFinished);
    connect(this, &MainWindow::restoreRequested, this, &MainWindow::openRestoreWizard);

    // One saved cloud (the demo, a first run): show its servers without a click. With several, the
    // user opens the ones they need (each one opened signs in to that cloud).
    connect(m_treeModel, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &where) {
        if (!where.isValid())
            expandTheOnlyCloud();
    });
    expandTheOnlyCloud();

    resize(1100, 720);
    restoreWindowState();
    m_backend->requestCheckpoints();
    m_backend->requestLeftoverSweep();
}

void MainWindow::expandTheOnlyCloud()
{
    if (m_treeModel->rowCount() != 1)
        return;
    const QModelIndex cloud = m_treeModel->index(0, 0);
    m_tree->expand(m_treeProxy->mapFromSource(cloud));
    // A hidden view fetches only when it is laid out; ask now so the servers are there when it shows.
    if (m_treeModel->canFetchMore(cloud))
        m_treeModel->fetchMore(cloud);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_refreshAction = new QAction(icon(QStringLiteral("refresh")), tr("&Refresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);

    m_findAction = new QAction(tr("&Filter Servers"), this);
    m_findAction->setObjectName(QStringLiteral("filterAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_filterEdit->selectAll();
    });

    m_backupAction = new QAction(icon(QStringLiteral("backup")), tr("&Back Up Server"), this);
    m_backupAction->setObjectName(QStringLiteral("backupAction"));
    m_backupAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_backupAction->setEnabled(false);
    connect(m_backupAction, &QAction::triggered, this, [this] {
        if (m_details->canBackUp())
            startBackup(m_details->cloudId(), m_details->server(), m_details->includeData(),
                        m_details->volumeSelection());
    });

    m_restoreAction = new QAction(icon(QStringLiteral("restore")), tr("&Restore Backup…"), this);
    m_restoreAction->setObjectName(QStringLiteral("restoreAction"));
    connect(m_restoreAction, &QAction::triggered, this, [this] {
        if (const CheckpointEntry *cp = m_backupsView->selectedCheckpoint())
            Q_EMIT restoreRequested(*cp);
        else
            m_tabs->setCurrentWidget(m_backupsView);
    });

    m_manageCloudsAction = new QAction(icon(QStringLiteral("cloud")), tr("&Manage Clouds…"), this);
    m_manageCloudsAction->setObjectName(QStringLiteral("manageCloudsAction"));
    connect(m_manageCloudsAction, &QAction::triggered, this, &MainWindow::manageCloudsRequested);

    m_preferencesAction = new QAction(icon(QStringLiteral("settings")), tr("&Preferences…"), this);
    m_preferencesAction->setObjectName(QStringLiteral("preferencesAction"));
    // Linux desktops have no standard key for Preferences; Ctrl+, is the common convention.
    const QList<QKeySequence> prefKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    m_preferencesAction->setShortcuts(prefKeys.isEmpty() ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Comma)}
                                                         : prefKeys);
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::preferencesRequested);

    m_helpAction = new QAction(icon(QStringLiteral("help")), tr("StackVault &Help"), this);
    m_helpAction->setObjectName(QStringLiteral("helpAction"));
    m_helpAction->setShortcut(QKeySequence::HelpContents);
    connect(m_helpAction, &QAction::triggered, this, &MainWindow::showHelp);

    m_aboutAction = new QAction(tr("&About StackVault"), this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    m_aboutQtAction = new QAction(tr("About &Qt"), this);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(m_quitAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_refreshAction);
    view->addAction(m_findAction);
    view->addSeparator();
    QAction *toggleJobs = m_jobsDock->toggleViewAction();
    toggleJobs->setText(tr("Show &Jobs"));
    toggleJobs->setObjectName(QStringLiteral("showJobsAction"));
    view->addAction(toggleJobs);

    QMenu *cloud = menuBar()->addMenu(tr("&Cloud"));
    cloud->setObjectName(QStringLiteral("cloudMenu"));
    cloud->addAction(m_backupAction);
    cloud->addAction(m_restoreAction);
    cloud->addSeparator();
    cloud->addAction(m_manageCloudsAction);

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    settings->setObjectName(QStringLiteral("settingsMenu"));
    settings->addAction(m_preferencesAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(m_helpAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

void MainWindow::setPlansService(PlansService *service)
{
    if (m_plansService || !service)
        return;
    m_plansService = service;
    m_plansView = new PlansView(service, m_tabs);
    m_tabs->insertTab(m_tabs->indexOf(m_backupsView) + 1, m_plansView, icon(QStringLiteral("refresh")), tr("&Plans"));
    // A run's backups (and its sweep and retention step) show in the jobs dock like the others.
    connect(service, &PlansService::runJobsCreated, this, [this](const QString &plan, JobManager *jobs) {
        m_jobsDock->model()->addManager(jobs, tr("Plan %1: ").arg(plan));
        m_jobsDock->show();
    });
    connect(m_plansView, &PlansView::runEnded, this, [this] { m_backend->requestCheckpoints(); });
}

void MainWindow::refresh()
{
    m_treeModel->refresh();
    if (m_plansView)
        m_plansView->refresh();
    m_backend->requestCheckpoints();
    statusBar()->showMessage(tr("Refreshing…"), 3000);
}

void MainWindow::setIncludeDataDefault(bool includeData)
{
    m_details->setIncludeDataDefault(includeData);
}

void MainWindow::setVolumesDefault(const VolumeSelection &volumes)
{
    m_details->setVolumesDefault(volumes);
}

void MainWindow::onCurrentTreeIndexChanged()
{
    const QModelIndex index = m_treeProxy->mapToSource(m_tree->currentIndex());
    m_backupAction->setEnabled(false);
    if (!index.isValid()) {
        m_details->showNothing();
        return;
    }
    switch (m_treeModel->kind(index)) {
    case CloudTreeModel::NodeKind::Cloud: {
        const QString id = m_treeModel->cloudId(index);
        const bool loaded = m_treeModel->fetchState(id) == CloudTreeModel::FetchState::Fetched;
        const auto clouds = m_backend->clouds();
        for (const CloudEntry &cloud : clouds) {
            if (cloud.id == id)
                m_details->showCloud(cloud.name, cloud.projectName, cloud.regionName,
                                     loaded ? m_treeModel->serverCount(index) : -1);
        }
        break;
    }
    case CloudTreeModel::NodeKind::Server:
    case CloudTreeModel::NodeKind::Image:
    case CloudTreeModel::NodeKind::Volume:
        if (const ServerEntry *server = m_treeModel->server(index)) {
            m_details->showServer(m_treeModel->cloudId(index), *server);
            m_backupAction->setEnabled(m_details->canBackUp());
            updateLastBackup();
        }
        break;
    case CloudTreeModel::NodeKind::Error:
        m_details->showError(m_treeModel->cloudName(index), m_treeModel->errorMessage(index));
        break;
    case CloudTreeModel::NodeKind::AllProjects:
    case CloudTreeModel::NodeKind::Project:
        m_details->showNothing();
        break;
        m_details->showNothing();
        break;
    }
}

void MainWindow::onTreeActivated(const QModelIndex &proxyIndex)
{
    const QModelIndex index = m_treeProxy->mapToSource(proxyIndex);
    if (m_treeModel->kind(index) == CloudTreeModel::NodeKind::Error)
        m_treeModel->retry(index);
}

void MainWindow::onCheckpointsReady(const QList<CheckpointEntry> &checkpoints)
{
    m_backupsView->setStatusText({});
    m_backupsModel->setCheckpoints(checkpoints);
    updateLastBackup();
}

void MainWindow::updateLastBackup()
{
    if (!m_details->hasServer())
        return;
    const CheckpointEntry *latest = m_backupsModel->latestFor(m_details->server().id);
    if (!latest) {
        m_details->setLastBackup({});
        return;
    }
    m_details->setLastBackup(tr("%1 (%2)").arg(formatDateTime(latest->created), BackupsModel::contentsText(latest->withData)));
}

int MainWindow::enqueue(Job *job, JobKind kind, const QString &failureTitle, const QString &error)
{
    if (!job) {
        MessageBox::warning(this, failureTitle, error.isEmpty() ? tr("This is not available yet.") : error);
        return 0;
    }
    const int id = m_jobs->enqueue(job);
    m_jobKinds.insert(id, kind);
    m_jobsDock->show();
    return id;
}

int MainWindow::startBackup(const QString &cloudId, const ServerEntry &server, bool includeData,
                            const VolumeSelection &volumes)
{
    QString error;
    Job *job = m_backend->createBackupJob(cloudId, server, includeData, volumes, &error);
    const int id = enqueue(job, JobKind::Backup, tr("Cannot Back Up"), error);
    if (id)
        statusBar()->showMessage(tr("Backing up “%1”…").arg(server.name), 5000);
    return id;
}

int MainWindow::startVerify(const CheckpointEntry &checkpoint)
{
    QString error;
    Job *job = m_backend->createVerifyJob(checkpoint, &error);
    return enqueue(job, JobKind::Verify, tr("Cannot Verify"), error);
}

int MainWindow::startDelete(const CheckpointEntry &checkpoint)
{
    QString error;
    Job *job = m_backend->createDeleteJob(checkpoint, &error);
    return enqueue(job, JobKind::Delete, tr("Cannot Delete"), error);
}

int MainWindow::startExport(const CheckpointEntry &checkpoint, const QString &path, ExportFormat format)
{
    QString error;
    Job *job = m_backend->createExportJob(checkpoint, path, format, &error);
    const int id = enqueue(job, JobKind::Export, tr("Cannot Export"), error);
    if (id)
        statusBar()->showMessage(tr("Exporting the backup of “%1” to %2…").arg(checkpoint.serverName, path), 5000);
    return id;
}

void MainWindow::openExportDialog(const CheckpointEntry &checkpoint)
{
    const QString rawFilter = tr("Raw disk image (*.raw *.img)");
    const QString qcow2Filter = tr("QCOW2 disk image (*.qcow2)");
    auto *dialog = new QFileDialog(this);
    dialog->setObjectName(QStringLiteral("exportFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setNameFilters({rawFilter, qcow2Filter});
    dialog->setDefaultSuffix(QStringLiteral("raw"));
    const int volumes = int(checkpoint.volumes.size());
    dialog->setWindowTitle(volumes == 0 ? tr("Export Backup of “%1”").arg(checkpoint.serverName)
                                        : tr("Export Backup of “%1” (the root disk; %n volume(s) beside it)", nullptr,
                                             volumes)
                                              .arg(checkpoint.serverName));
    const QString name = QStringLiteral("%1-%2.raw")
                             .arg(checkpoint.serverName.isEmpty() ? checkpoint.id : checkpoint.serverName,
                                  checkpoint.created.toUTC().toString(QStringLiteral("yyyyMMdd-HHmm")));
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    dialog->setDirectory(QFileInfo(documents).isDir() ? documents : QDir::homePath());
    dialog->selectFile(name);
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog, qcow2Filter](const QString &filter) {
        const QString suffix = filter == qcow2Filter ? QStringLiteral("qcow2") : QStringLiteral("raw");
        dialog->setDefaultSuffix(suffix);
        // The name's suffix becomes the chosen format's: picking QCOW2 turns web-1.raw into web-1.qcow2 (a
        // name without a suffix gets the default suffix when accepted). Qt's own dialog does this when the
        // filter box is clicked; platform dialogs may not, so it is done here for every dialog.
        const QStringList chosen = dialog->selectedFiles();
        if (chosen.size() != 1)
            return;
        const QFileInfo file(chosen.constFirst());
        if (file.isDir() || file.suffix().isEmpty() || file.suffix().compare(suffix, Qt::CaseInsensitive) == 0)
            return;
        dialog->selectFile(file.completeBaseName() + QLatin1Char('.') + suffix);
    });
    connect(dialog, &QFileDialog::fileSelected, this, [this, dialog, checkpoint, qcow2Filter](const QString &file) {
        // The name's suffix decides; without one, the chosen filter.
        ExportFormat format = dialog->selectedNameFilter() == qcow2Filter ? ExportFormat::Qcow2 : ExportFormat::Raw;
        if (file.endsWith(QLatin1String(".qcow2"), Qt::CaseInsensitive))
            format = ExportFormat::Qcow2;
        else if (file.endsWith(QLatin1String(".raw"), Qt::CaseInsensitive)
                 || file.endsWith(QLatin1String(".img"), Qt::CaseInsensitive))
            format = ExportFormat::Raw;
        startExport(checkpoint, file, format);
    });
    dialog->open();
}

int MainWindow::startTestRestore(const TestRestoreRequest &request)
{
    QString error;
    Job *job = m_backend->createTestRestoreJob(request, &error);
    const int id = enqueue(job, JobKind::TestRestore, tr("Cannot Test the Restore"), error);
    if (id)
        statusBar()->showMessage(tr("Testing the restore of backup %1…").arg(request.checkpointId.left(8)), 5000);
    return id;
}

void MainWindow::openTestRestoreDialog(const CheckpointEntry &checkpoint)
{
    auto *dialog = new TestRestoreDialog(m_backend, checkpoint, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TestRestoreDialog::testRequested, this, &MainWindow::startTestRestore);
    dialog->open();
}

void MainWindow::onJobFinished(int jobId, const JobResult &result)
{
    const JobKind kind = m_jobKinds.take(jobId);
    switch (kind) {
    case JobKind::Backup:
    case JobKind::Delete:
        // The storage changed (a backup was added, removed, or left in an error state).
        m_backend->requestCheckpoints();
        break;
    case JobKind::Verify:
        if (result.outcome == JobOutcome::Succeeded)
            statusBar()->showMessage(result.message.isEmpty() ? tr("The backup is intact.") : result.message, 10000);
        m_backend->requestCheckpoints();
        break;
    case JobKind::Export:
        if (result.outcome == JobOutcome::Succeeded)
            statusBar()->showMessage(result.message, 15000);
        break;
    case JobKind::TestRestore:
        // Passed or failed, the result is recorded in the backup: the Backups view shows it.
        if (result.outcome == JobOutcome::Succeeded)
            statusBar()->showMessage(result.message, 15000);
        m_backend->requestCheckpoints();
        break;
    case JobKind::Other:
        break;
    }
    if (result.outcome == JobOutcome::Failed)
        statusBar()->showMessage(tr("A job failed: %1").arg(result.message), 10000);
    Q_EMIT jobEnded(jobId, result);
}

void MainWindow::openRestoreWizard(const CheckpointEntry &checkpoint)
{
    auto *wizard = new RestoreWizard(m_backend, m_jobs, m_backupsModel->checkpoints(), checkpoint.id, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->open();
}

void MainWindow::showHelp()
{
    auto *dialog = findChild<HelpDialog *>();
    if (!dialog) {
        dialog = new HelpDialog(this);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::showAbout()
{
    MessageBox::information(this, tr("About StackVault"),
                            tr("<h3>StackVault %1</h3><p>Back up OpenStack servers with their data, and restore "
                               "them into any cloud, project or region.</p>")
                                .arg(applicationVersion()));
}

namespace {
// Window geometry is not a preference: it lives in its own file next to StackVault's settings.
std::unique_ptr<QSettings> windowStateSettings()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    return std::make_unique<QSettings>(dir + QStringLiteral("/window-state.conf"), QSettings::IniFormat);
}
} // namespace

void MainWindow::saveWindowState() const
{
    const auto state = windowStateSettings();
    QSettings &settings = *state;
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("backupsHeader"), m_backupsView->view()->header()->saveState());
    settings.setValue(QStringLiteral("jobsHeader"), m_jobsDock->view()->header()->saveState());
    settings.endGroup();
}

void MainWindow::restoreWindowState()
{
    const auto state = windowStateSettings();
    QSettings &settings = *state;
    settings.beginGroup(QStringLiteral("MainWindow"));
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    m_backupsView->view()->header()->restoreState(settings.value(QStringLiteral("backupsHeader")).toByteArray());
    m_jobsDock->view()->header()->restoreState(settings.value(QStringLiteral("jobsHeader")).toByteArray());
    settings.endGroup();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    const bool jobsRun = m_jobs->runningCount() + m_jobs->queuedCount() > 0
        || (m_plansService && m_plansService->runningCount() > 0);
    if (m_quitState == QuitState::Done || (m_quitState == QuitState::Open && !jobsRun)) {
        saveWindowState();
        QMainWindow::closeEvent(event);
        return;
    }
    // Jobs run: nothing is cut short. The window closes itself once they have cleaned up.
    event->ignore();
    if (m_quitState == QuitState::Open)
        askToQuitWhileJobsRun();
}

void MainWindow::askToQuitWhileJobsRun()
{
    m_quitState = QuitState::Asking;
    const int count = m_jobs->runningCount() + m_jobs->queuedCount()
        + (m_plansService ? m_plansService->runningCount() : 0);
    QString text = tr("%n job(s) still running. Keep them running, or cancel them and quit? When cancelled, a job first "
                      "removes what it made in the cloud (a backup's temporary snapshot, a half-made restore); StackVault "
                      "quits when that is done.",
                      nullptr, count);
    if (m_plansService) {
        for (const QString &plan : m_plansService->runningPlans())
            text += QLatin1Char(' ') + tr("Plan %1 is running: a cancelled run is recorded as cancelled in its history, "
                                          "and its schedule runs it again next time.")
                                           .arg(plan);
    }
    MessageBox::question(
        this, tr("Quit StackVault?"), text,
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No,
        [this](QMessageBox::StandardButton answer) {
            if (answer == QMessageBox::Yes)
                cancelJobsAndQuit();
            else
                m_quitState = QuitState::Open;
        },
        {{QMessageBox::Yes, tr("Cancel Jobs and Quit")}, {QMessageBox::No, tr("Keep Running")}});
}

void MainWindow::cancelJobsAndQuit()
{
    m_quitState = QuitState::CleaningUp;
    // Nothing new may start; the jobs dock shows each job cleaning up.
    centralWidget()->setEnabled(false);
    for (QAction *action : {m_refreshAction, m_backupAction, m_restoreAction, m_manageCloudsAction, m_preferencesAction})
        action->setEnabled(false);
    m_jobsDock->show();
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(m_quitCleanupTimeout).count();
    m_quitStatus->setText(tr("Cleaning up… StackVault quits as soon as the cancelled jobs have removed what they made "
                             "(at most %n second(s)).",
                             nullptr, int(seconds)));
    m_quitStatus->show();
    if (m_plansService && m_plansService->runningCount() > 0) {
        // A plan's cancelled backups clean up first (each removes its temporary snapshot); then the rest.
        connect(m_plansService, &PlansService::runFinished, this, [this] {
            if (m_plansService->runningCount() == 0 && m_quitState == QuitState::CleaningUp && !m_jobs->isShuttingDown())
                m_jobs->shutdown(m_quitCleanupTimeout);
        });
        QTimer::singleShot(m_quitCleanupTimeout, this, [this] {
            if (!m_jobs->isShuttingDown())
                m_jobs->shutdown(m_quitCleanupTimeout);
        });
        m_plansService->cancelAllRuns();
    }
    connect(m_jobs, &JobManager::shutdownFinished, this, [this](const QStringList &givenUp) {
        if (!givenUp.isEmpty())
            qCWarning(lcUi).noquote() << "quit before these jobs had cleaned up (the bank's journal keeps what they "
                                         "made for the start-up sweep):"
                                      << givenUp.join(QStringLiteral(", "));
        m_quitState = QuitState::Done;
        close();
    });
    if (!m_plansService || m_plansService->runningCount() == 0)
        m_jobs->shutdown(m_quitCleanupTimeout);
}

} // namespace sv::ui
