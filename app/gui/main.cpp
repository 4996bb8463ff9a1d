#include "backend/corebackend.h"
#include "common/icons.h"
#include "common/languagemanager.h"
#include "common/messagebox.h"
#include "dialogs/cloudprofilesdialog.h"
#include "dialogs/preferencesdialog.h"
#include "jobs/jobmanager.h"
#include "mainwindow.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"
#include "screenshots/screenshottour.h"
#include "util/appinfo.h"
#include "util/appsettings.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    sv::initApplication();
    QApplication::setDesktopFileName(QStringLiteral("org.stackvault.StackVault"));
    sv::ui::initResources();
    QApplication::setWindowIcon(sv::ui::icon(QStringLiteral("org.stackvault.StackVault")));

    sv::AppSettings *settings = sv::AppSettings::instance();
    sv::ui::LanguageManager languages;
    languages.apply(settings->language());

    sv::SecretStore secrets;
    sv::ProfileStore profiles;
    profiles.setSecretStore(&secrets);
    QString loadError;
    const bool loaded = profiles.load(&loadError);

    sv::JobManager jobs;
    jobs.setMaxConcurrentJobs(settings->concurrentJobs());
    sv::ui::CoreBackend backend(&profiles, &secrets);
    sv::ui::MainWindow window(&backend, &jobs);
    QString snapshotSettingProblem;
    window.setIncludeDataDefault(settings->enableServerSnapshot(&snapshotSettingProblem));
    QObject::connect(settings, &sv::AppSettings::changed, &window, [&](const QString &key) {
        if (key == QLatin1String(sv::AppSettings::EnableServerSnapshotKey))
            window.setIncludeDataDefault(settings->enableServerSnapshot());
        else if (key == QLatin1String(sv::AppSettings::ConcurrentJobsKey))
            jobs.setMaxConcurrentJobs(settings->concurrentJobs());
    });
    QObject::connect(&window, &sv::ui::MainWindow::preferencesRequested, &window, [&] {
        QStringList cloudNames;
        for (const sv::ui::CloudEntry &cloud : backend.clouds())
            cloudNames.append(cloud.name);
        auto *dialog = new sv::ui::PreferencesDialog(settings, cloudNames, &window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    QObject::connect(&window, &sv::ui::MainWindow::manageCloudsRequested, &window, [&] {
        auto *dialog = new sv::ui::CloudProfilesDialog(&profiles, &secrets, &window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    QObject::connect(settings, &sv::AppSettings::changed, &window, [&](const QString &key) {
        if (key == QLatin1String(sv::AppSettings::BankLocationKey))
            backend.requestCheckpoints();
    });
    window.show();
    if (!loaded)
        sv::ui::MessageBox::warning(&window, QCoreApplication::translate("main", "Saved Clouds"), loadError);
    // An unreadable enable_server_snapshot: say so, and include server data (the option's default, which
    // loses nothing) until the file is fixed or Preferences saves a value.
    if (!snapshotSettingProblem.isEmpty())
        sv::ui::MessageBox::warning(&window, QCoreApplication::translate("main", "Settings"),
                                    snapshotSettingProblem + QLatin1Char('\n')
                                        + QCoreApplication::translate("main", "Until then, “Include server data” "
                                                                              "starts checked (the default)."));
    // Hidden hook for scripts/screenshots: tour the main screens and save a PNG of each, then exit.
    const QString screenshotDir = qEnvironmentVariable("STACKVAULT_SCREENSHOT_DIR");
    if (!screenshotDir.isEmpty()) {
        auto *tour = new sv::ui::ScreenshotTour(&window, &jobs, screenshotDir,
                                                qEnvironmentVariable("STACKVAULT_SCREENSHOT_SERVER", QStringLiteral("jumphost")),
                                                &window);
        tour->start();
    }
    return QApplication::exec();
}
