#pragma once

#include <QObject>
#include <QString>

#include <memory>

namespace sv {
class JobManager;
class ProfileStore;
class SecretStore;
} // namespace sv

namespace sv::ui {

class CoreBackend;
class LanguageManager;
class MainWindow;
class PlansService;

// The desktop application as app/gui/main.cpp starts it: the saved profiles and the keychain, the core
// backend, the job manager and the main window, wired to the settings and the dialogs. Creating it is
// the start-up: the window asks the backend for the backups list and for the start-up sweep (what
// interrupted backups and restores left in the clouds, removed with no user action, shown in the jobs
// dock). Tools that drive the real app (scripts/screenshots) start it the same way.
class DesktopApp : public QObject
{
    Q_OBJECT
public:
    // Needs a QApplication. Reads the profiles (a problem is shown once the window is visible).
    explicit DesktopApp(QObject *parent = nullptr);
    ~DesktopApp() override;

    // Shows the main window (and a message box when the saved clouds or the enable_server_snapshot
    // setting could not be read).
    void show();

    MainWindow *window() const { return m_window.get(); }
    JobManager *jobs() const { return m_jobs.get(); }
    CoreBackend *backend() const { return m_backend.get(); }
    ProfileStore *profiles() const { return m_profiles.get(); }
    PlansService *plans() const { return m_plans.get(); }

private:
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ProfileStore> m_profiles;
    QString m_loadError;
    QString m_settingsProblem; // an unreadable enable_server_snapshot, shown with the window
    QString m_volumesProblem;  // an unreadable back_up_volumes, shown with the window
    std::unique_ptr<JobManager> m_jobs;
    std::unique_ptr<CoreBackend> m_backend;
    std::unique_ptr<PlansService> m_plans;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace sv::ui
