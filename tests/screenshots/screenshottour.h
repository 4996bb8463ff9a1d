#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QTimer;
class QWidget;

namespace sv {
class JobManager;
}

namespace sv::ui {

class MainWindow;

// Drives the running application through its main screens and saves a PNG of each: a server's volumes
// in the details pane, the main window with a server selected, a backup in progress, the Backups view,
// every page of the restore wizard up to the restored server, the wizard's volumes page for a backup of
// a server with a volume, the Export… dialog, the Test Restore… dialog, the Backups view showing the
// first backup tested, the plan editor with a selector's preview and the Plans view after a run. Run by stackvault-screenshots (scripts/screenshots), which starts
// the real app (sv::ui::DesktopApp); everything is asynchronous, so the app behaves exactly as when
// clicked.
class ScreenshotTour : public QObject
{
    Q_OBJECT
public:
    ScreenshotTour(MainWindow *window, JobManager *jobs, QString directory, QString serverName,
                   QObject *parent = nullptr);

    // Starts the tour; the application exits with 0 when every picture is saved, 1 on a failure.
    void start();

private:
    // Calls `then` once `condition` holds (checked every 100 ms), or fails the tour after `timeoutMs`.
    void waitFor(const QString &what, std::function<bool()> condition, std::function<void()> then,
                 int timeoutMs = 120000);
    // Lets the widget paint, then saves it as `name`.png and calls `then`.
    void shoot(QWidget *widget, const QString &name, std::function<void()> then);
    void selectServer();
    void backUp();
    void restore();
    void nextWizardPage(int page);
    // Backs up postgres-primary with its volume and shows the restore wizard's volumes page.
    void volumesTour();
    void exportDialog();
    // Test Restore… on the first backup (marker "login:"), then the Backups view with its result.
    void testRestore();
    // Saves three plans, shows the editor with a selector's preview, runs the plan of the prod-tagged
    // servers and shows the Plans view with its run history.
    void plansTour();
    void fail(const QString &why);
    void finish();

    MainWindow *m_window;
    JobManager *m_jobs;
    QString m_directory;
    QString m_serverName;
    int m_backupJob = 0;
    bool m_backupShot = false;
    bool m_backupDone = false;
    QString m_checkpointId;
    QString m_firstCheckpointId; // the first backup (of m_serverName): restored, then tested
    int m_testJob = 0;
    bool m_testDone = false;
    int m_saved = 0;
};

} // namespace sv::ui
