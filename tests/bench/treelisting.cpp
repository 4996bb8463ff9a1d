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

#include "cloudtree/cloudtreemodel.h"
#include "common/icons.h"
#include "stallmeter.h"
#include "treebench.h"
#include "util/appinfo.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTimer>

using namespace sv;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    initApplication();
    ui::initResources();
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("cloud"), QStringLiteral("Saved cloud."), QStringLiteral("name")});
    parser.process(app);

    bench::TreeBench tree;
    if (!tree.open(parser.value(QStringLiteral("cloud"))))
        return 1;
    auto &model = *tree.model;
    auto &view = tree.view;
    const QString cloudId = tree.cloudId;
    test::StallMeter meter(std::chrono::milliseconds(1));
    QElapsedTimer clock;
    QTimer poll;
    QTimer::singleShot(0, &app, [&] {
        meter.start();
        clock.start();
        const QModelIndex cloud = model.cloudIndex(cloudId);
        tree.openRow(cloud); // as when a user opens the cloud: the view asks the model to fetch
        QObject::connect(&poll, &QTimer::timeout, &app, [&, cloud] {
            const auto state = model.fetchState(cloudId);
            if (state == ui::CloudTreeModel::FetchState::Failed)
                return bench::finish({{QStringLiteral("error"), QStringLiteral("listing failed")}}, 1);
            if (state != ui::CloudTreeModel::FetchState::Fetched)
                return;
            poll.stop();
            const double seconds = double(clock.nsecsElapsed()) / 1e9;
            // The stall meter runs on while the view lays out and paints the whole list by itself; it
            // stops before this program's own checks below, which are no work of the app's.
            QTimer::singleShot(bench::kSettleMs, &app, [&, cloud, seconds] {
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
                bench::finish(result, 0);
            });
        });
        poll.start(1);
    });
    return app.exec();
}
