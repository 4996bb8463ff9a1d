// GUI responsiveness benchmark (issue 8 tracks it; issue 5's goal: < 50 ms): the real application
// window over the real backend backs up one server of the in-process fake cloud while a 5 ms timer on
// the GUI thread (sv::test::StallMeter) records the longest gap between its ticks.
//
//   stackvault-bench-guistall [--size MiB] [--include-data] [--interval ms]
//
// Prints one JSON object on stdout: size_mib, include_data, seconds, mib_per_s and the StallMeter's
// fields (max_gap_ms, max_stall_ms, ticks, long_gaps, interval_ms, elapsed_ms). The password goes
// through the keychain like in the app, so run it where a Secret Service answers, e.g. inside
// `dbus-run-session` with an unlocked gnome-keyring (see scripts/test). QT_QPA_PLATFORM defaults to
// offscreen.

#include "backend/corebackend.h"
#include "stallmeter.h"
#include "extraserver.h"
#include "fakecloud.h"
#include "jobs/jobmanager.h"
#include "mainwindow.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"
#include "util/appsettings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>

#include <cstdio>

namespace {

const QString kServerId = QStringLiteral("5e7f0000-0000-4000-8000-0000000000b1");

bool loadCloud(fake::FakeCloud &cloud, qint64 sizeMiB)
{
    QString error;
    const QJsonObject scenario = fake::scenarioWithServer(
        QStringLiteral(STACKVAULT_SOURCE_DIR "/tests/fakecloud/scenarios/test.json"),
        {kServerId, QStringLiteral("bench-server"), QStringLiteral("e1a0b1c2-0000-4000-8000-0000000000b1"),
         QStringLiteral("bench-image"), sizeMiB},
        &error);
    if (scenario.isEmpty() || !cloud.loadScenario(scenario, &error)) {
        std::fprintf(stderr, "scenario: %s\n", qPrintable(error));
        return false;
    }
    return cloud.start();
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("StackVault-bench"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("size"), QStringLiteral("Image size in MiB (default 256)."), QStringLiteral("MiB"),
                      QStringLiteral("256")});
    parser.addOption({QStringLiteral("include-data"), QStringLiteral("Snapshot the server first (Include server data).")});
    parser.addOption({QStringLiteral("interval"), QStringLiteral("Stall meter interval in ms (default 5)."),
                      QStringLiteral("ms"), QStringLiteral("5")});
    parser.process(app);
    const qint64 sizeMiB = parser.value(QStringLiteral("size")).toLongLong();
    const bool includeData = parser.isSet(QStringLiteral("include-data"));

    fake::FakeCloud cloud;
    if (sizeMiB <= 0 || !loadCloud(cloud, sizeMiB)) {
        std::fprintf(stderr, "could not start the fake cloud\n");
        return 2;
    }
    QTemporaryDir dir;
    sv::AppSettings::createTempFileInstance();
    sv::AppSettings::instance()->setBankLocation(dir.filePath(QStringLiteral("bank")));
    sv::ProfileStore profiles(dir.filePath(QStringLiteral("profiles")));
    sv::SecretStore secrets(QStringLiteral("StackVault-bench-%1").arg(QCoreApplication::applicationPid()));
    profiles.setSecretStore(&secrets);
    profiles.load();
    sv::CloudProfile profile;
    profile.name = QStringLiteral("bench");
    profile.authUrl = QUrl(cloud.authUrl());
    profile.userName = QStringLiteral("demo");
    profile.userDomainId = QStringLiteral("default");
    profile.projectName = QStringLiteral("demo");
    profile.projectDomainId = QStringLiteral("default");
    QString error;
    if (!profiles.add(profile, &error)) {
        std::fprintf(stderr, "profile: %s\n", qPrintable(error));
        return 2;
    }

    sv::JobManager jobs;
    sv::ui::CoreBackend backend(&profiles, &secrets);
    // Made once the secret is in the keychain: a window opens the only saved cloud by itself at once.
    std::unique_ptr<sv::ui::MainWindow> window;
    sv::test::StallMeter meter(std::chrono::milliseconds(parser.value(QStringLiteral("interval")).toInt()));
    QElapsedTimer clock;
    int exitCode = 0;
    auto quit = [&](int code) {
        exitCode = code;
        // Remove the secret from the keychain (secretRemoved then ends the loop), then leave.
        if (!profiles.remove(profile.id))
            QCoreApplication::exit(0);
    };
    QObject::connect(&profiles, &sv::ProfileStore::secretRemoved, &app, [] { QCoreApplication::exit(0); });

    QObject::connect(&backend, &sv::ui::Backend::serversFailed, &app, [&](const QString &, const QString &message) {
        std::fprintf(stderr, "listing servers failed: %s\n", qPrintable(message));
        quit(2);
    });
    QObject::connect(&backend, &sv::ui::Backend::serversReady, &app,
                     [&](const QString &cloudId, const QList<sv::ui::ServerEntry> &servers) {
                         for (const sv::ui::ServerEntry &server : servers) {
                             if (server.id != kServerId)
                                 continue;
                             meter.start();
                             clock.start();
                             if (window->startBackup(cloudId, server, includeData) == 0)
                                 quit(2);
                             return;
                         }
                     });
    const auto reportBackup = [&](int, const sv::JobResult &result) {
        meter.stop();
        const double seconds = double(clock.elapsed()) / 1000.0;
        if (result.outcome != sv::JobOutcome::Succeeded) {
            std::fprintf(stderr, "backup failed: %s\n", qPrintable(result.message));
            quit(1);
            return;
        }
        QJsonObject json = meter.toJson();
        json.insert(QStringLiteral("size_mib"), double(sizeMiB));
        json.insert(QStringLiteral("include_data"), includeData);
        json.insert(QStringLiteral("seconds"), seconds);
        json.insert(QStringLiteral("mib_per_s"), seconds > 0 ? double(sizeMiB) / seconds : 0.0);
        std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
        std::fflush(stdout);
        quit(0);
    };

    secrets.write(profile.id, QStringLiteral("demo-password"), &app, [&](const sv::SecretResult &result) {
        if (!result.ok()) {
            std::fprintf(stderr, "no keychain (%s): run inside dbus-run-session with gnome-keyring\n",
                         qPrintable(result.message));
            QCoreApplication::exit(2);
            exitCode = 2;
            return;
        }
        // The window opens the only saved cloud (signs in and lists its servers) by itself.
        window = std::make_unique<sv::ui::MainWindow>(&backend, &jobs);
        QObject::connect(window.get(), &sv::ui::MainWindow::jobEnded, &app, reportBackup);
        window->show();
    });
    QApplication::exec();
    return exitCode;
}
