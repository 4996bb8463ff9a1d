#pragma once

#include "backend/checkpointentry.h"
#include "backend/serverentry.h"
#include "backend/testrestorerequest.h"
#include "jobs/jobprogress.h"
#include "protection/exportjob.h"
#include "protection/volumeselection.h"

#include <QHash>
#include <QMainWindow>

#include <chrono>

class QAction;
class QLabel;
class QLineEdit;
class QSplitter;
class QTabWidget;
class QTreeView;

namespace sv {
class Job;
class JobManager;
}

namespace sv::ui {

class Backend;
class BackupsModel;
class BackupsView;
class CloudTreeFilterModel;
class CloudTreeModel;
class JobsDock;
class PlansService;
class PlansView;
class ServerDetailsWidget;

// Tree of clouds and servers on the left, the selected server's details and the Backups on the right,
// jobs at the bottom. Everything slow happens in jobs or asynchronous backend requests.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(Backend *backend, JobManager *jobs, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The hooks behind the buttons: each creates a job through the backend and hands it to the
    // JobManager. Return the job id, or 0 (after telling the user why) when no job could be made.
    // `volumes`: which attached volumes to save (with includeData); all by default.
    int startBackup(const QString &cloudId, const ServerEntry &server, bool includeData,
                    const VolumeSelection &volumes = {});
    int startVerify(const CheckpointEntry &checkpoint);
    int startDelete(const CheckpointEntry &checkpoint);
    // Writes the backup's disks into `path` (volumes beside it; sv::ExportJob::planFiles names them).
    int startExport(const CheckpointEntry &checkpoint, const QString &path, ExportFormat format);
    // Export… in the Backups view: a file dialog (window-modal, objectName "exportFileDialog"), then
    // startExport() with the chosen file and format.
    void openExportDialog(const CheckpointEntry &checkpoint);
    // Restores the backup as a test in the jobs dock (TestRestoreJob); the Backups view is refreshed after it.
    int startTestRestore(const TestRestoreRequest &request);
    // Test Restore… in the Backups view: the dialog (window-modal, objectName "testRestoreDialog"), then
    // startTestRestore().
    void openTestRestoreDialog(const CheckpointEntry &checkpoint);

    // Opens the restore wizard on this backup (also what Restore… in the Backups view does).
    void openRestoreWizard(const CheckpointEntry &checkpoint);

    // Adds the Plans tab beside Backups (the desktop app does; `service` must outlive the window). A plan's
    // running backups show in the jobs dock.
    void setPlansService(PlansService *service);
    PlansView *plansView() const { return m_plansView; }
    PlansService *plansService() const { return m_plansService; }

    void refresh();
    void setIncludeDataDefault(bool includeData);
    void setVolumesDefault(const VolumeSelection &volumes);
    // How long closing the window waits for cancelled jobs to clean up before it quits anyway.
    void setQuitCleanupTimeout(std::chrono::milliseconds timeout) { m_quitCleanupTimeout = timeout; }
    // Closing was confirmed while jobs ran: they are cancelled and cleaning up; the window closes after.
    bool isCleaningUpToQuit() const { return m_quitState == QuitState::CleaningUp; }

    CloudTreeModel *treeModel() const { return m_treeModel; }
    QTreeView *tree() const { return m_tree; }
    ServerDetailsWidget *details() const { return m_details; }
    BackupsView *backupsView() const { return m_backupsView; }
    BackupsModel *backupsModel() const { return m_backupsModel; }
    JobsDock *jobsDock() const { return m_jobsDock; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    // Dialogs that live with the settings and profiles (wired by the application).
    void preferencesRequested();
    void manageCloudsRequested();
    void restoreRequested(const sv::ui::CheckpointEntry &checkpoint);
    // After a job started here has ended.
    void jobEnded(int jobId, const sv::JobResult &result);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    enum class JobKind { Backup, Verify, Delete, Export, TestRestore, Other };
    enum class QuitState { Open, Asking, CleaningUp, Done };

    void createActions();
    void createMenus();
    void saveWindowState() const;
    void restoreWindowState();
    void onCurrentTreeIndexChanged();
    void expandTheOnlyCloud();
    void onTreeActivated(const QModelIndex &proxyIndex);
    void onCheckpointsReady(const QList<CheckpointEntry> &checkpoints);
    void onJobFinished(int jobId, const JobResult &result);
    void updateLastBackup();
    void showHelp();
    void showAbout();
    int enqueue(Job *job, JobKind kind, const QString &failureTitle, const QString &error);
    void askToQuitWhileJobsRun();
    void cancelJobsAndQuit();

    Backend *m_backend;
    JobManager *m_jobs;
    CloudTreeModel *m_treeModel;
    CloudTreeFilterModel *m_treeProxy;
    QLineEdit *m_filterEdit;
    QTreeView *m_tree;
    QSplitter *m_splitter;
    QTabWidget *m_tabs;
    ServerDetailsWidget *m_details;
    BackupsModel *m_backupsModel;
    BackupsView *m_backupsView;
    JobsDock *m_jobsDock;
    PlansService *m_plansService = nullptr;
    PlansView *m_plansView = nullptr;
    QHash<int, JobKind> m_jobKinds;
    QuitState m_quitState = QuitState::Open;
    std::chrono::milliseconds m_quitCleanupTimeout{std::chrono::seconds(60)};
    QLabel *m_quitStatus = nullptr;

    QAction *m_quitAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_backupAction = nullptr;
    QAction *m_restoreAction = nullptr;
    QAction *m_manageCloudsAction = nullptr;
    QAction *m_preferencesAction = nullptr;
    QAction *m_helpAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QAction *m_findAction = nullptr;
};

} // namespace sv::ui
