#include "desktopapp.h"

#include "backend/corebackend.h"
#include "common/icons.h"
#include "common/languagemanager.h"
#include "common/messagebox.h"
#include "dialogs/cloudprofilesdialog.h"
#include "dialogs/passphrasedialog.h"
#include "dialogs/preferencesdialog.h"
#include "jobs/jobmanager.h"
#include "mainwindow.h"
#include "plans/plansservice.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"
#include "util/appsettings.h"

#include <QApplication>

namespace sv::ui {

DesktopApp::DesktopApp(QObject *parent)
    : QObject(parent)
    , m_languages(std::make_unique<LanguageManager>())
    , m_secrets(std::make_unique<SecretStore>())
    , m_profiles(std::make_unique<ProfileStore>())
    , m_jobs(std::make_unique<JobManager>())
{
    QApplication::setDesktopFileName(QStringLiteral("org.stackvault.StackVault"));
    initResources();
    QApplication::setWindowIcon(icon(QStringLiteral("org.stackvault.StackVault")));

    AppSettings *settings = AppSettings::instance();
    m_languages->apply(settings->language());
    m_profiles->setSecretStore(m_secrets.get());
    if (!m_profiles->load(&m_loadError) && m_loadError.isEmpty())
        m_loadError = tr("The saved clouds could not be read.");
    m_jobs->setMaxConcurrentJobs(settings->concurrentJobs());
    m_backend = std::make_unique<CoreBackend>(m_profiles.get(), m_secrets.get());
    m_plans = std::make_unique<PlansService>(m_profiles.get(), m_backend->cloudSessions(), m_backend->bankService());
    m_window = std::make_unique<MainWindow>(m_backend.get(), m_jobs.get());
    MainWindow *window = m_window.get();
    window->setPlansService(m_plans.get());
    m_backend->setPassphrasePrompt(PassphraseDialog::prompt(window));
    window->setIncludeDataDefault(settings->enableServerSnapshot(&m_settingsProblem));
    window->setVolumesDefault(settings->backUpVolumes(&m_volumesProblem));

    connect(settings, &AppSettings::changed, window, [this, settings](const QString &key) {
        if (key == QLatin1String(AppSettings::EnableServerSnapshotKey))
            m_window->setIncludeDataDefault(settings->enableServerSnapshot());
        else if (key == QLatin1String(AppSettings::BackUpVolumesKey))
            m_window->setVolumesDefault(settings->backUpVolumes());
        else if (key == QLatin1String(AppSettings::ConcurrentJobsKey))
            m_jobs->setMaxConcurrentJobs(settings->concurrentJobs());
        else if (key == QLatin1String(AppSettings::BankLocationKey))
            m_backend->requestCheckpoints();
    });
    connect(window, &MainWindow::preferencesRequested, window, [this, settings] {
        QStringList cloudNames;
        for (const CloudEntry &cloud : m_backend->clouds())
            cloudNames.append(cloud.name);
        auto *dialog = new PreferencesDialog(settings, cloudNames, m_window.get());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &PreferencesDialog::s3SecretEntered, m_window.get(),
                [this](const QString &key, const QString &secret) {
                    m_secrets->write(key, secret, m_window.get(), [this](const SecretResult &result) {
                        if (result.ok())
                            return m_backend->requestCheckpoints(); // the bank can be opened now
                        MessageBox::warning(m_window.get(), tr("S3 Secret Key"),
                                            tr("The secret key was not saved: %1").arg(result.message));
                    });
                });
        dialog->open();
    });
    connect(window, &MainWindow::manageCloudsRequested, window, [this] {
        auto *dialog = new CloudProfilesDialog(m_profiles.get(), m_secrets.get(), m_backend.get(), m_window.get());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

DesktopApp::~DesktopApp()
{
    // The window goes first (it uses the backend and the jobs), then the jobs, then what they use.
    m_window.reset();
    m_plans.reset(); // its runs' jobs use the backend's sessions
    m_jobs.reset();
    m_backend.reset();
}

void DesktopApp::show()
{
    m_window->show();
    if (!m_loadError.isEmpty())
        MessageBox::warning(m_window.get(), QCoreApplication::translate("main", "Saved Clouds"), m_loadError);
    // An unreadable enable_server_snapshot or back_up_volumes: said once, and the default (which loses
    // nothing: server data included, every volume checked) holds until the file is fixed or Preferences
    // saves a value.
    QStringList problems;
    if (!m_settingsProblem.isEmpty())
        problems << m_settingsProblem + QLatin1Char('\n')
                + tr("Until then, “Include server data” starts checked (the default).");
    if (!m_volumesProblem.isEmpty())
        problems << m_volumesProblem + QLatin1Char('\n')
                + tr("Until then, every attached volume starts checked (the default).");
    if (!problems.isEmpty())
        MessageBox::warning(m_window.get(), tr("Settings"), problems.join(QStringLiteral("\n\n")));
}

} // namespace sv::ui
