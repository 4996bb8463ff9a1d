// The listing case of scripts/bench (issue 8: 5,000 servers ≤ 2 s): the real cloud tree model over
// the real backend, in a QTreeView, from the moment a user opens a saved cloud until the tree holds
// (and has painted) every server; the GUI thread's longest stall meanwhile (sv::test::StallMeter, until a
// quarter of a second after the last server is in: the view's own layout and painting count too).
//
//   stackvault-bench-tree --cloud NAME
//
// The saved cloud (its password in the keyring) must exist; scripts/bench adds it with stackvault-cli
// inside a private D-Bus session. Prints one JSON line: seconds, servers, the StallMeter's fields
// (max_stall_ms is the longest stall) and the goal for it (goal_max_stall_ms: < 50).
// Run with QT_QPA_PLATFORM=offscreen.

#include "backend/corebackend.h"
#include "cloudtree/cloudtreefiltermodel.h"
#include "cloudtree/cloudtreemodel.h"
#include "common/icons.h"
#include "stallmeter.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"
#include "util/appinfo.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QTreeView>

#include <cstdio>

using namespace sv;

namespace {

// How long the stall meter keeps running after the last server is in the model.
constexpr int kSettleMs = 250;

void finish(const QJsonObject &result, int code)
{
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    QCoreApplication::exit(code);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    initApplication();
    ui::initResources();
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("cloud"), QStringLiteral("Saved cloud."), QStringLiteral("name")});
    parser.process(app);

    SecretStore secrets;
    ProfileStore profiles;
    profiles.setSecretStore(&secrets);
    QString loadError;
    if (!profiles.load(&loadError)) {
        std::fprintf(stderr, "%s\n", qPrintable(loadError));
        return 1;
    }
    ui::CoreBackend backend(&profiles, &secrets);
    QString cloudId;
    for (const auto &cloud : backend.clouds()) {
        if (cloud.name == parser.value(QStringLiteral("cloud")))
            cloudId = cloud.id;
    }
    if (cloudId.isEmpty()) {
        std::fprintf(stderr, "no saved cloud named %s\n", qPrintable(parser.value(QStringLiteral("cloud"))));
        return 1;
    }

    // As in the main window: the filter proxy sorting by name, uniform rows.
    ui::CloudTreeModel model(&backend);
    ui::CloudTreeFilterModel proxy;
    proxy.setSourceModel(&model);
    QTreeView view;
    view.setUniformRowHeights(true);
    view.setModel(&proxy);
    view.setSortingEnabled(true);
    view.sortByColumn(0, Qt::AscendingOrder);
    view.resize(1000, 700);
    view.show();
    test::StallMeter meter(std::chrono::milliseconds(1));
    QElapsedTimer clock;
    QTimer poll;
    QTimer::singleShot(0, &app, [&] {
        meter.start();
        clock.start();
        const QModelIndex cloud = model.cloudIndex(cloudId);
        view.expand(proxy.mapFromSource(cloud)); // as when a user opens the cloud: the view asks the model to fetch
        if (model.canFetchMore(cloud))
            model.fetchMore(cloud);
        QObject::connect(&poll, &QTimer::timeout, &app, [&, cloud] {
            const auto state = model.fetchState(cloudId);
            if (state == ui::CloudTreeModel::FetchState::Failed)
                return finish({{QStringLiteral("error"), QStringLiteral("listing failed")}}, 1);
            if (state != ui::CloudTreeModel::FetchState::Fetched)
                return;
            poll.stop();
            const double seconds = double(clock.nsecsElapsed()) / 1e9;
            // The stall meter runs on while the view lays out and paints the whole list by itself; it
            // stops before this program's own checks below, which are no work of the app's.
            QTimer::singleShot(kSettleMs, &app, [&, cloud, seconds] {
                meter.stop();
                // Fully loaded: every server row's text read, and the view painted at the end of the list.
                int servers = 0;
                for (int row = 0; row < model.rowCount(cloud); ++row) {
                    const QModelIndex server = model.index(row, 0, cloud);
                    if (model.kind(server) == ui::CloudTreeModel::NodeKind::Server
                        && !model.data(server).toString().isEmpty())
                        ++servers;
                }
                view.scrollToBottom();
                view.viewport()->repaint();
                QJsonObject result = meter.toJson();
                result.insert(QStringLiteral("seconds"), seconds);
                result.insert(QStringLiteral("servers"), servers);
                result.insert(QStringLiteral("goal_max_stall_ms"), 50);
                finish(result, 0);
            });
        });
        poll.start(1);
    });
    return app.exec();
}
